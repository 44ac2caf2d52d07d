const fs = require('node:fs');
const neo4jServer = require('../scripts/neo4j.cjs');
const { instanceFor } = require('./neo4j.instances.cjs');

module.exports = async function globalTeardown(globalConfig) {
  if (process.env.MAILLON_TEST_NEO4J_MANAGED) {
    // Every worker's instance (stop does nothing for one that was never started).
    const workers = Math.max(1, globalConfig.maxWorkers || 1);
    await Promise.all(Array.from({ length: workers }, (_, i) => neo4jServer.stop({ name: instanceFor(i + 1).name })));
  }
  const state = process.env.MAILLON_TEST_STATE_DIR;
  if (state) fs.rmSync(state, { recursive: true, force: true });
};
