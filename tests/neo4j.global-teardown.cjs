const neo4jServer = require('../scripts/neo4j.cjs');

module.exports = async function globalTeardown() {
  const name = process.env.MAILLON_TEST_NEO4J_MANAGED;
  if (name) await neo4jServer.stop({ name });
};
