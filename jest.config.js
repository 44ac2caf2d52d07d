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
  testTimeout: 60_000,
};
