/**
 * `npm run keys -- create --role member|editor|admin --name "…" [--actor act-0001] [--expires 2027-01-01]`,
 * `npm run keys -- list`, `npm run keys -- revoke <keyId>`: manages the API keys of the configured
 * Neo4j (docs/security.md). A created key is printed once and stored only as its scrypt hash;
 * creations and revocations are recorded in the audit trail under the operator's OS user.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import type { ViewerRole } from '../src/context';
import { ROLES, createApiKey, listApiKeys, revokeApiKey } from '../src/auth';
import { cliAuthor, parseCommandLine, readCommandLine, runCli, UsageError } from './cli';

const USAGE = [
  'usage: npm run keys -- create --role member|editor|admin --name "Name" [--actor <actorId>] [--expires YYYY-MM-DD]',
  '       npm run keys -- list',
  '       npm run keys -- revoke <keyId>',
].join('\n');

/** What the command line asks for, checked before anything connects. */
type KeysCommand =
  | { command: 'create'; role: ViewerRole; name: string; actor?: string; expires?: string }
  | { command: 'list' }
  | { command: 'revoke'; keyId: string };

const request = readCommandLine('keys', USAGE, (argv): KeysCommand => {
  const { values, positionals } = parseCommandLine(argv, {
    options: { role: { type: 'string' }, name: { type: 'string' }, actor: { type: 'string' }, expires: { type: 'string' } },
    allowPositionals: true,
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'create': {
      const { role, name, actor, expires } = values;
      if (!role || !ROLES.includes(role as ViewerRole))
        throw new UsageError(`create needs --role ${ROLES.join('|')}; got ${role === undefined ? 'none' : `"${role}"`}`);
      if (!name?.trim()) throw new UsageError('create needs --name "Name" (who or what the key is for)');
      if (rest.length > 0) throw new UsageError(`create takes no positional argument; got "${rest[0]}"`);
      return { command, role: role as ViewerRole, name, actor, expires };
    }
    case 'list':
      if (rest.length > 0) throw new UsageError(`list takes no argument; got "${rest[0]}"`);
      return { command };
    case 'revoke':
      if (rest.length !== 1) throw new UsageError('revoke needs exactly one key id (see npm run keys -- list)');
      return { command, keyId: rest[0] };
    default:
      throw new UsageError(
        command === undefined ? 'give a command: create, list or revoke' : `unknown command "${command}": use create, list or revoke`,
      );
  }
});

runCli('keys', async (db) => {
  if (request.command === 'create') {
    const { role, name, actor, expires } = request;
    const created = await createApiKey(
      db,
      { role, name, actorId: actor ?? null, expiresAt: expires ? new Date(expires) : null },
      cliAuthor(),
    );
    process.stdout.write(
      `Created ${role} key ${created.keyId} for account ${created.accountId}${created.expiresAt ? `, expires ${created.expiresAt}` : ''}.\n` +
        'Copy it now: it is shown once and stored only as a hash.\n\n' +
        `${created.key}\n`,
    );
    return 0;
  }
  if (request.command === 'list') {
    const keys = await listApiKeys(db);
    if (keys.length === 0) process.stdout.write('No API keys.\n');
    for (const k of keys) {
      const state = k.revokedAt
        ? `revoked ${k.revokedAt}`
        : k.expiresAt && Date.parse(k.expiresAt) <= Date.now()
          ? `expired ${k.expiresAt}`
          : 'active';
      const actor = k.account.actorId ? ` actor=${k.account.actorId}` : '';
      const expiry = k.expiresAt ? ` expires=${k.expiresAt}` : '';
      process.stdout.write(
        `${k.keyId}  ${k.prefix}_…  ${k.account.role}  "${k.account.name}"${actor}  created=${k.createdAt}${expiry}  ${state}\n`,
      );
    }
    return 0;
  }
  if (request.command === 'revoke') {
    const revoked = await revokeApiKey(db, request.keyId, cliAuthor());
    process.stdout.write(
      `Key ${revoked.keyId} revoked at ${revoked.revokedAt}. Running servers refuse it within their cache TTL (AUTH_API_KEY_CACHE_TTL_S, 30 s by default).\n`,
    );
    return 0;
  }
  const unhandled: never = request;
  throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
});
