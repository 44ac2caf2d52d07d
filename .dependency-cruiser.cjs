/**
 * The folder plan, enforced (docs/architecture-lint.md says why each rule is there).
 * `npm run lint:deps` runs it; every rule is an error. Paths are relative to the repository root.
 *
 * A "folder" is a top-level folder of src/ (src/actor/, src/records/, src/reasoning/...); a
 * "sub-folder" is a folder inside one (src/reasoning/suppliers/). Inside a folder anything goes;
 * across folders only through the folder's index.ts; the same one level down between sub-folders.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'A module reaches itself through its imports: load order decides which side sees undefined, ' +
        'and neither side can be understood (or moved) without the other. Break the cycle by moving ' +
        'the shared part down into a module both import.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment:
        'Two folders of src/ import each other (e.g. actor/ -> import/ -> actor/), even if no single ' +
        'file cycle exists: dependencies between folders point one way (questions and reports use the ' +
        'concepts; concepts never import a use case). src/ itself (the composition root: schema.ts, ' +
        'server.ts, main.ts, and the kernel: errors.ts, context.ts, config.ts) is not a folder here.',
      from: { path: '^src/.+' },
      to: { path: '^src/.+', circular: true },
    },
    {
      name: 'cross-folder-through-index',
      severity: 'error',
      comment:
        'A file of one folder of src/ imports another folder only through its index.ts, which exports ' +
        'what other folders may use. Import from "../actor", not "../actor/actor.cypher".',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'root-through-index',
      severity: 'error',
      comment: 'The files directly in src/ (schema.ts, server.ts, main.ts...) use a folder through its index.ts too.',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'sub-folder-through-index',
      severity: 'error',
      comment:
        'One level down, the same rule: src/reasoning/chains/ uses src/reasoning/suppliers/ only ' +
        'through its index.ts. A sub-folder may use the files of its parent folder directly ' +
        "(src/reasoning/suppliers/ imports src/reasoning/scope.ts): they are the folder's shared parts.",
      from: { path: '^src/([^/]+)/([^/]+)/' },
      to: { path: '^src/$1/[^/]+/', pathNot: ['^src/$1/$2/', '^src/$1/[^/]+/index\\.ts$'] },
    },
    {
      name: 'parent-to-sub-folder-through-index',
      severity: 'error',
      comment: 'A file of a folder (src/reasoning/index.ts, src/reasoning/scope.ts) uses its sub-folders through their index.ts.',
      from: { path: '^src/([^/]+)/[^/]+$' },
      to: { path: '^src/$1/[^/]+/', pathNot: ['^src/$1/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-src-through-index',
      severity: 'error',
      comment:
        "tools/, scripts/ and bench/ are clients of the server's code: they use a folder of src/ through " +
        'its index.ts (or a file directly in src/), like any other folder. Tests may reach inside ' +
        '(they test units), src/generated/ has no index (it is generated).',
      from: { path: '^(tools|scripts|bench)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/[^/]+/index\\.ts$', '^src/generated/'] },
    },
    {
      name: 'driver-only-in-db',
      severity: 'error',
      comment:
        'One module owns the database: only src/db/ imports neo4j-driver (or its -core / -bolt-connection ' +
        'parts), so sessions, retries, Integer/Point/temporal conversion and error mapping happen in one ' +
        "place. Everything else, tests and tools included, goes through src/db's API.",
      // scripts/neo4j.cjs manages the Neo4j process and runs before the build (no src/db to use yet):
      // it asks the server "RETURN 1" to know it is up. That is its only driver use.
      // bench/ measures peers of Maillon: @neo4j/graphql takes a neo4j-driver Driver of its own, and
      // the round-trip counter wraps the driver's Session and Transaction for every way alike.
      from: { pathNot: ['^src/db/', '^scripts/neo4j\\.cjs$', '^bench/'] },
      to: { path: '(^|/)node_modules/neo4j-driver(-core|-bolt-connection)?/' },
    },
    {
      name: 'src-not-to-tools-or-scripts',
      severity: 'error',
      comment:
        'The server does not ship tools/, scripts/, bench/ or tests/: src/ never imports them (the seed ' +
        "generator stays out of the server's import graph; the start script runs it).",
      from: { path: '^src/' },
      to: { path: '^(tools|scripts|bench|tests)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that resolves to nothing is a typo or a missing dependency. Exception: scripts run ' +
        'from dist/ (or read it) require files relative to their built location ("../../scripts/neo4j.cjs", ' +
        '"../dist/..."), and the explorer\'s Vite virtual modules ("virtual:drome-territories", made by explorer/vite.config.ts).',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^\\.\\./dist/', '^\\.\\./\\.\\./scripts/', '^virtual:'] },
    },
  ],
  options: {
    // Type-only imports count: a type from another folder's internals couples as much as a value.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // node_modules may be a symlink (worktrees share one): name packages by where they are imported from.
    preserveSymlinks: true,
    doNotFollow: { path: 'node_modules' },
    // The whole repository is cruised (`depcruise .`), so a new top-level folder such as tools/ is in
    // from its first file; what is not code, or not ours, is left out.
    exclude: { path: '^(dist|coverage|db|\\.neo4j|seeds|deploy|docs|schema|bench/results|test-results|explorer/dist)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      // .tsx: the explorer's React components (explorer/src).
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
      // Type-only packages (@graphql-typed-document-node/core) have an empty "main" and a "typings".
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
