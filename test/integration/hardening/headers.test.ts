import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST_DIR } from '../../../server/app.ts';
import { CYTOSCAPE_STYLESHEET } from '../../../server/graphql/securityHeaders.ts';
import { PRODUCTION_CONFIG, withFixtureApi } from '../api/fixture.ts';
import { type Api, startApi } from '../api/harness.ts';

/*
 * Security headers (helmet, server/graphql/securityHeaders.ts) on every kind of response, and the proof that the
 * built explorer runs under its Content-Security-Policy without a single violation.
 */

const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  /^style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/,
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

const fixture = withFixtureApi();
let production: Api;

beforeAll(async () => {
  production = await startApi({ ...fixture.db, config: { ...fixture.db.config, ...PRODUCTION_CONFIG } });
});
afterAll(async () => {
  await production?.stop();
});

function expectStrictHeaders(headers: Headers, what: string) {
  const csp = headers
    .get('content-security-policy')
    ?.split(';')
    .map((part) => part.trim());
  expect(csp, what).toHaveLength(STRICT_CSP.length);
  STRICT_CSP.forEach((expected, i) => {
    if (typeof expected === 'string') expect(csp?.[i], what).toBe(expected);
    else expect(csp?.[i], what).toMatch(expected);
  });
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('x-powered-by'), what).toBeNull();
  expect(headers.get('x-request-id'), what).toBeTruthy();
}

describe('security headers', () => {
  it('are on the page, its assets, the API, the probes and a 404', async () => {
    const assets = await readdir(join(WEB_DIST_DIR, 'assets'));
    const script = assets.find((name) => name.endsWith('.js'));
    const requests: [string, RequestInit?][] = [
      ['/'],
      [`/assets/${script}`],
      ['/favicon.svg'],
      [
        '/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ stats { totalNodes } }"}',
        },
      ],
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
      ['/health'],
      ['/ready'],
      ['/no-such-page'],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`${fixture.api.url}${path}`, init);
      await response.arrayBuffer();
      expectStrictHeaders(response.headers, `${init?.method ?? 'GET'} ${path} (${response.status})`);
    }
  });

  it('relax only the Sandbox landing page in development, which brings its own nonce-based CSP', async () => {
    const landing = await fetch(`${fixture.api.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await landing.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-/);
    expect(landing.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(landing.headers.get('x-content-type-options')).toBe('nosniff');
    expect(landing.headers.get('x-frame-options')).toBe('DENY');
    // The same request in production: no landing page, the strict policy.
    const closed = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    await closed.arrayBuffer();
    expectStrictHeaders(closed.headers, 'production landing page');
  });

  it('allow the one stylesheet Cytoscape injects, by its hash (checked against the installed Cytoscape)', async () => {
    const cytoscape = await readFile(
      join(import.meta.dirname, '../../../node_modules/cytoscape/dist/cytoscape.esm.mjs'),
      'utf8',
    );
    expect(cytoscape).toContain("stylesheet.textContent = '.' + className + ' { position: relative; }'");
    expect(cytoscape).toContain("var className = '__________cytoscape_container'");
    expect(CYTOSCAPE_STYLESHEET).toBe('.__________cytoscape_container { position: relative; }');
  });

  it('fit the built page: no inline script or style, every asset from the same origin', async () => {
    const html = await readFile(join(WEB_DIST_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^\/(?!\/)|^#/);
  });
});
