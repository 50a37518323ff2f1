import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('gives sensible defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_DATA_DIR).toBe('.data/neo4j');
    expect(config.SEED_ON_EMPTY).toBe(true);
    expect(config.GRAPHQL_INTROSPECTION).toBe(true);
  });

  it('names the bad variable and the expected form', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty": expected a port number/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(
      /NEO4J_URI=.*expected a Bolt URI/,
    );
    expect(() => loadConfig({ SEED_ON_EMPTY: 'maybe' })).toThrow(
      /SEED_ON_EMPTY="maybe": expected true or false/,
    );
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '99999', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it('accepts a cluster or Aura URI and turns introspection off in production', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io', NODE_ENV: 'production' });
    expect(config.NEO4J_URI).toBe('neo4j+s://abcd.databases.neo4j.io');
    expect(config.GRAPHQL_INTROSPECTION).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).GRAPHQL_INTROSPECTION).toBe(
      true,
    );
  });

  it('splits the CORS allowlist', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('keeps editing off unless asked, and then refuses a missing or short token without showing it', () => {
    expect(loadConfig({}).EDITING).toBe(false);
    const token = 'x'.repeat(32);
    expect(loadConfig({ EDITING: 'true', EDITOR_TOKEN: token })).toMatchObject({
      EDITING: true,
      EDITOR_TOKEN: token,
    });
    expect(() => loadConfig({ EDITING: 'true' })).toThrow(
      /EDITOR_TOKEN=<0 characters, not shown>: EDITING=true needs a token of at least 32/,
    );
    const short = 'secret-but-short';
    const error = (() => {
      try {
        loadConfig({ EDITING: 'true', EDITOR_TOKEN: short });
      } catch (caught) {
        return (caught as Error).message;
      }
      return '';
    })();
    expect(error).toContain('EDITOR_TOKEN=<16 characters, not shown>');
    expect(error).not.toContain(short);
  });
});
