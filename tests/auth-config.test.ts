import { ConfigError, loadConfig } from '../src/config';

describe('authentication configuration', () => {
  it('accepts no JWT settings at all (API keys only), with a 30 s clock skew and key cache by default', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({
      jwt: { secret: undefined, jwksUrl: undefined, issuer: undefined, audience: undefined, clockSkewS: 30 },
      apiKeyCacheTtlS: 30,
    });
  });

  it('requires the issuer and the audience once a secret or a JWKS URL is set', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) })).toThrow(ConfigError);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://id.example.org/jwks.json', AUTH_JWT_ISSUER: 'https://id.example.org/' })).toThrow(
      /AUTH_JWT_AUDIENCE/,
    );
    const config = loadConfig({
      AUTH_JWKS_URL: 'https://id.example.org/jwks.json',
      AUTH_JWT_ISSUER: 'https://id.example.org/',
      AUTH_JWT_AUDIENCE: 'maillon',
      AUTH_JWT_CLOCK_SKEW_S: '5',
    });
    expect(config.auth.jwt).toEqual({
      secret: undefined,
      jwksUrl: 'https://id.example.org/jwks.json',
      issuer: 'https://id.example.org/',
      audience: 'maillon',
      clockSkewS: 5,
    });
  });

  it('names the variable and the expected form of a bad value', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(
      /AUTH_JWT_SECRET=\(hidden\): expected a secret of at least 32 characters/,
    );
    expect(() => loadConfig({ AUTH_JWKS_URL: 'not a url' })).toThrow(/AUTH_JWKS_URL/);
    expect(() => loadConfig({ AUTH_API_KEY_CACHE_TTL_S: '3600' })).toThrow(/AUTH_API_KEY_CACHE_TTL_S="3600": expected at most 300 seconds/);
  });
});
