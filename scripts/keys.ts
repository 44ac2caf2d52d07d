/**
 * `npm run keys -- create --role member|editor|admin --name "…" [--actor act-0001] [--expires 2027-01-01]`,
 * `npm run keys -- list`, `npm run keys -- revoke <keyId>`: manages the API keys of the configured
 * Neo4j (docs/security.md). A created key is printed once and stored only as its scrypt hash;
 * creations and revocations are recorded in the audit trail under the operator's OS user.
 */
import type { ViewerRole } from '../src/context';
import { ROLES, createApiKey, listApiKeys, revokeApiKey } from '../src/auth';
import { cliAuthor, parseCommandLine, readCommandLine, runCli } from './cli';

const USAGE = [
  'usage: npm run keys -- create --role member|editor|admin --name "Name" [--actor <actorId>] [--expires YYYY-MM-DD]',
  '       npm run keys -- list',
  '       npm run keys -- revoke <keyId>',
].join('\n');

const { values: options, positionals } = readCommandLine('keys', USAGE, (argv) =>
  parseCommandLine(argv, {
    options: { role: { type: 'string' }, name: { type: 'string' }, actor: { type: 'string' }, expires: { type: 'string' } },
    allowPositionals: true,
  }),
);

runCli('keys', async (db) => {
  const [command, keyId] = positionals;
  if (command === 'create') {
    const { role, name, expires } = options;
    if (!role || !ROLES.includes(role as ViewerRole) || !name) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const created = await createApiKey(
      db,
      { role: role as ViewerRole, name, actorId: options.actor ?? null, expiresAt: expires ? new Date(expires) : null },
      cliAuthor(),
    );
    process.stdout.write(
      `Created ${role} key ${created.keyId} for account ${created.accountId}${created.expiresAt ? `, expires ${created.expiresAt}` : ''}.\n` +
        'Copy it now: it is shown once and stored only as a hash.\n\n' +
        `${created.key}\n`,
    );
    return 0;
  }
  if (command === 'list') {
    const keys = await listApiKeys(db);
    if (keys.length === 0) process.stdout.write('No API keys.\n');
    for (const k of keys) {
      const state = k.revokedAt ? `revoked ${k.revokedAt}` : k.expiresAt && Date.parse(k.expiresAt) <= Date.now() ? `expired ${k.expiresAt}` : 'active';
      const actor = k.account.actorId ? ` actor=${k.account.actorId}` : '';
      const expiry = k.expiresAt ? ` expires=${k.expiresAt}` : '';
      process.stdout.write(`${k.keyId}  ${k.prefix}_…  ${k.account.role}  "${k.account.name}"${actor}  created=${k.createdAt}${expiry}  ${state}\n`);
    }
    return 0;
  }
  if (command === 'revoke' && keyId) {
    const revoked = await revokeApiKey(db, keyId, cliAuthor());
    process.stdout.write(`Key ${revoked.keyId} revoked at ${revoked.revokedAt}. Running servers refuse it within their cache TTL (AUTH_API_KEY_CACHE_TTL_S, 30 s by default).\n`);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
});
