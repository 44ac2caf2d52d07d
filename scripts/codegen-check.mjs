#!/usr/bin/env node
// Fails when schema/schema.graphql, src/generated/ or tests/generated/ differ from what `npm run codegen` would write.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

execSync('npm run -s build', { stdio: 'inherit' });
const { renderSchemaFile, SCHEMA_FILE } = await import('../dist/scripts/emit-schema.js').then((m) => m.default ?? m);
const expected = await renderSchemaFile();
if (!fs.existsSync(SCHEMA_FILE) || fs.readFileSync(SCHEMA_FILE, 'utf8') !== expected) {
  console.error('schema/schema.graphql is stale: run `npm run codegen` and commit the result.');
  process.exit(1);
}
const check = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check'], { stdio: 'inherit' });
if (check.status !== 0) {
  console.error('src/generated/, tests/generated/ or explorer/src/generated/ is stale: run `npm run codegen` and commit the result.');
  process.exit(1);
}
console.log('schema/, src/generated/, tests/generated/ and explorer/src/generated/ are current.');
