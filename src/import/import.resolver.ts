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
      'any bad row rejects the whole file with BAD_USER_INPUT, its `extensions.issues` listing each line, column and reason ' +
      '(the first 100 by default; `extensions.issueCount` gives the total, `extensions.issuesTruncated` says whether some were left out), and nothing is written. ' +
      'The content must have been UTF-8 (U+FFFD is refused); files are limited in size and records (docs/import.md). ' +
      'A valid file is written in one transaction, and recorded in the audit trail with its SHA-256. Editors and admins only.',
  })
  async importRecords(@Arg('input', () => ImportInput) input: ImportInput, @Ctx() { db, viewer }: Context): Promise<ImportResult> {
    const author = viewer ? authorOf(viewer) : undefined;
    const report = await importContent(db, input.content, { format: input.format, kind: input.kind, dryRun: input.dryRun, author });
    if (!report.accepted) {
      const shown = report.issuesTruncated ? ` (the first ${report.issues.length} are listed)` : '';
      throw new BadUserInputError(`The file has ${report.issueCount} problem(s)${shown}; nothing was written`, {
        issues: report.issues,
        issueCount: report.issueCount,
        issuesTruncated: report.issuesTruncated,
      });
    }
    return { written: report.written, counts: report.counts };
  }
}
