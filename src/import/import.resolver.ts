import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { AccessRule, authorOf } from '../auth';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { importContent } from './import.service';
import { ImportInput, ImportResult } from './import.type';

@Resolver()
export class ImportResolver {
  @Authorized(AccessRule.STAFF)
  @Mutation(() => ImportResult, {
    description:
      'Imports actors, offers, needs or supply links (CSV or JSON, as `npm run import`). Every row is validated first; ' +
      'any bad row rejects the whole file with BAD_USER_INPUT, its `extensions.issues` listing each line, column and reason, and nothing is written. ' +
      'A valid file is written in one transaction, and recorded in the audit trail with its SHA-256. Editors and admins only.',
  })
  async importRecords(@Arg('input', () => ImportInput) input: ImportInput, @Ctx() { db, viewer }: Context): Promise<ImportResult> {
    const author = viewer ? authorOf(viewer) : undefined;
    const report = await importContent(db, input.content, { format: input.format, kind: input.kind, dryRun: input.dryRun, author });
    if (!report.accepted) {
      throw new BadUserInputError(`The file has ${report.issues.length} problem(s); nothing was written`, { issues: report.issues });
    }
    return { written: report.written, counts: report.counts };
  }
}
