import { ConfigError, loadConfig, loadImportLimits } from '../src/config';

describe('configuration from the environment', () => {
  it("uses the project's own Neo4j and documented defaults when nothing is set", () => {
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
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(
      /NEO4J_URI="http:\/\/localhost:7474": expected bolt:\/\/host:port or neo4j:\/\/host:port/,
    );
    expect(() => loadConfig({ SEED_ON_START: 'maybe' })).toThrow(/SEED_ON_START="maybe": expected true or false/);
  });

  it('executes operations compiled unless GRAPHQL_COMPILED_EXECUTION=false, and names a bad value', () => {
    expect(loadConfig({}).compiledExecution).toBe(true);
    expect(loadConfig({ GRAPHQL_COMPILED_EXECUTION: 'false' }).compiledExecution).toBe(false);
    expect(() => loadConfig({ GRAPHQL_COMPILED_EXECUTION: 'jit' })).toThrow(/GRAPHQL_COMPILED_EXECUTION="jit": expected true or false/);
  });

  it('reads the shutdown grace and the import limits, with their defaults, and names a bad one', () => {
    expect(loadConfig({}).shutdown).toEqual({ graceMs: 10_000 });
    expect(loadConfig({}).import).toEqual({ maxBytes: 20_000_000, maxRows: 100_000, maxIssues: 100 });
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '2500', IMPORT_MAX_ROWS: '500' })).toMatchObject({
      shutdown: { graceMs: 2500 },
      import: { maxRows: 500 },
    });
    expect(loadImportLimits({ IMPORT_MAX_ISSUES: '20' })).toEqual({ maxBytes: 20_000_000, maxRows: 100_000, maxIssues: 20 });
    expect(() => loadConfig({ IMPORT_MAX_ROWS: 'lots' })).toThrow(/IMPORT_MAX_ROWS="lots": expected a number of rows/);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS="-1": expected a positive number of milliseconds/);
  });

  it("reads the reports' Chromium (CHROMIUM_PATH), Debian's by default, and refuses a relative path", () => {
    expect(loadConfig({}).reports).toEqual({ chromiumPath: '/usr/bin/chromium' });
    expect(loadConfig({ CHROMIUM_PATH: '/opt/chrome/chrome' }).reports.chromiumPath).toBe('/opt/chrome/chrome');
    expect(() => loadConfig({ CHROMIUM_PATH: 'chromium' })).toThrow(
      /CHROMIUM_PATH="chromium": expected the absolute path of a Chromium or Chrome executable/,
    );
  });

  it("reads the explorer's optional tile layer (EXPLORER_TILE_URL), none by default, and refuses what is not a URL", () => {
    expect(loadConfig({}).explorer).toEqual({ tileUrl: undefined, tileAttribution: undefined });
    expect(
      loadConfig({ EXPLORER_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', EXPLORER_TILE_ATTRIBUTION: '© OpenStreetMap' })
        .explorer,
    ).toEqual({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', tileAttribution: '© OpenStreetMap' });
    expect(() => loadConfig({ EXPLORER_TILE_URL: 'tiles/{z}/{x}/{y}.png' })).toThrow(
      /EXPLORER_TILE_URL="tiles\/\{z\}\/\{x\}\/\{y\}.png": expected a tile URL template/,
    );
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
