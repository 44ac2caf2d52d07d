/**
 * Jest runs the TypeScript sources through SWC (fast, and it emits the decorator metadata that
 * type-graphql reads); `npm run lint` does the type check. The global setup starts a throwaway
 * Neo4j for the run (tests/neo4j.global-setup.cjs), so tests never touch the dev data.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    // jose ships ES modules only; Node loads them (require of ESM), Jest needs them as CommonJS.
    '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: '<rootDir>/tests/neo4j.global-setup.cjs',
  globalTeardown: '<rootDir>/tests/neo4j.global-teardown.cjs',
  setupFiles: ['reflect-metadata'],
  // Each worker's own Neo4j first, then the seed's bookkeeping (tests/helpers/seed-state.ts).
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/worker-neo4j.setup.ts', '<rootDir>/tests/helpers/seed-state.setup.ts'],
  testSequencer: '<rootDir>/tests/sequencer.cjs',
  // One worker per Neo4j; a Neo4j named by MAILLON_TEST_NEO4J_URI is one graph, so one worker.
  maxWorkers: process.env.MAILLON_TEST_NEO4J_URI ? 1 : Number(process.env.MAILLON_TEST_WORKERS || 2),
  testTimeout: 60_000,
};
