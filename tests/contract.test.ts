import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderSchemaFile } from '../scripts/emit-schema';

const ROOT = path.resolve(__dirname, '..');

describe('the published contract', () => {
  it('schema/schema.graphql is what the type-graphql classes emit (run `npm run codegen` when it is not)', async () => {
    const committed = fs.readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await renderSchemaFile());
  });

  it('src/generated/graphql.ts is current for schema/operations', () => {
    // graphql-codegen --check exits non-zero when the generated output would change.
    expect(() =>
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--check'], {
        cwd: ROOT,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
