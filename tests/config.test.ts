import { ConfigError, loadConfig } from '../src/config';

describe('configuration from the environment', () => {
  it('uses the project\'s own Neo4j and documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', managedLocally: true });
    expect(config.http).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(config.seedOnStart).toBe(true);
  });

  it('accepts bolt:// and neo4j:// (routing) URIs and then manages nothing', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc123.databases.neo4j.io' }).neo4j).toMatchObject({ managedLocally: false });
    expect(loadConfig({ NEO4J_URI: 'bolt://db.internal:7687' }).neo4j.uri).toBe('bolt://db.internal:7687');
  });

  it('stops on a malformed variable, naming it and the expected form', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty": expected a port number/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI="http:\/\/localhost:7474": expected bolt:\/\/host:port or neo4j:\/\/host:port/);
    expect(() => loadConfig({ SEED_ON_START: 'maybe' })).toThrow(/SEED_ON_START="maybe": expected true or false/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
