/**
 * `npm run import -- <file> [--kind actors|offers|needs|supplyLinks] [--dry-run]`: validates a CSV or
 * JSON file of actors, offers, needs or supply links and writes it in one transaction, or lists
 * every bad row (line, column, reason) and writes nothing. See docs/import.md.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadImportLimits } from '../src/config';
import { decodeImportFile, ensureWithinSizeLimit, importContent } from '../src/import';
import type { RecordKind } from '../src/records';
import { cliAuthor, parseCommandLine, readCommandLine, runCli, UsageError } from './cli';

const KINDS: RecordKind[] = ['actors', 'offers', 'needs', 'supplyLinks'];
const USAGE = 'usage: npm run import -- <file.csv|file.json> [--kind actors|offers|needs|supplyLinks] [--dry-run]';

const { file, kind, dryRun } = readCommandLine('import', USAGE, (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    options: { kind: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'give the file to import' : `give one file; got ${positionals.length}`);
  if (values.kind !== undefined && !KINDS.includes(values.kind as RecordKind)) {
    throw new UsageError(`--kind must be one of ${KINDS.join(', ')}; got "${values.kind}"`);
  }
  return { file: positionals[0], kind: values.kind as RecordKind | undefined, dryRun: values['dry-run'] };
});

runCli('import', async (db) => {
  const format = path.extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
  // Bytes, not 'utf8': Node's decoder would silently turn a Latin-1 file's accents into U+FFFD.
  const limits = loadImportLimits();
  ensureWithinSizeLimit(fs.statSync(file).size, limits);
  const content = decodeImportFile(fs.readFileSync(file));
  let lastShown = 0;
  const report = await importContent(db, content, {
    format,
    kind,
    limits,
    dryRun,
    author: cliAuthor(),
    onProgress: ({ step, written, total }) => {
      // Progress on large files: about every 5 %, and at each step's end.
      if (written === total || written - lastShown >= Math.max(1000, total / 20)) {
        process.stderr.write(`import: ${step} ${written}/${total} (${Math.round((100 * written) / Math.max(total, 1))} %)\n`);
        lastShown = written === total ? 0 : written;
      }
    },
  });
  if (!report.accepted) {
    process.stderr.write(`import: ${file} rejected, nothing written. ${report.issueCount} problem(s):\n`);
    for (const issue of report.issues) {
      process.stderr.write(`  ${file}:${issue.line} [${issue.column}] ${issue.reason}\n`);
    }
    if (report.issuesTruncated) {
      process.stderr.write(
        `  ... and ${report.issueCount - report.issues.length} more: the first ${report.issues.length} of ${report.issueCount} are listed (IMPORT_MAX_ISSUES)\n`,
      );
    }
    return 1;
  }
  const { actors, offers, needs, supplyLinks } = report.counts;
  const verb = report.written ? 'imported' : 'valid (dry run, nothing written):';
  process.stdout.write(`import: ${file} ${verb} ${actors} actors, ${offers} offers, ${needs} needs, ${supplyLinks} supply links\n`);
  return 0;
});
