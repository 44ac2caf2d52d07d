import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * What ships is src/: the seed generator and the command-line tools (tools/, scripts/) are outside
 * the server's import graph, so the server neither loads nor depends on them. Read off the sources
 * with TypeScript's own import scanner, from src/main.ts.
 */
const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');

/** The relative imports of a TypeScript file, resolved to files. */
function localImportsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => {
      const base = path.resolve(path.dirname(file), name);
      const found = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
        (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
      );
      if (!found) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${name}`);
      return found;
    });
}

/** Every file src/main.ts reaches through relative imports. */
function importGraphOf(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const next of localImportsOf(queue.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('the server and the tools', () => {
  it("src/main.ts's import graph stays inside src/ and holds no seed generator", () => {
    const graph = [...importGraphOf(path.join(SRC, 'main.ts'))].map((f) => path.relative(ROOT, f));
    expect(graph.length).toBeGreaterThan(50);
    expect(graph.filter((f) => !f.startsWith(`src${path.sep}`))).toEqual([]);
    expect(graph.filter((f) => /seed/i.test(f))).toEqual([]);
  });

  it('no file under src/ imports from tools/ or scripts/', () => {
    const offenders = filesUnder(SRC).flatMap((file) =>
      localImportsOf(file)
        .filter((target) => !target.startsWith(`${SRC}${path.sep}`))
        .map((target) => `${path.relative(ROOT, file)} -> ${path.relative(ROOT, target)}`),
    );
    expect(offenders).toEqual([]);
  });
});
