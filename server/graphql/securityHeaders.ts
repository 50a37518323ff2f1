import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The one inline stylesheet the explorer needs: Cytoscape.js injects `<style>` with this text into the page's head
 * (renderer/base, "prepend a stylesheet"). Allowed by its hash, so `style-src` needs no 'unsafe-inline'.
 */
export const CYTOSCAPE_STYLESHEET = '.__________cytoscape_container { position: relative; }';
const CYTOSCAPE_STYLESHEET_HASH = `'sha256-${createHash('sha256').update(CYTOSCAPE_STYLESHEET).digest('base64')}'`;

/**
 * Content-Security-Policy of everything the server sends: the app's own files and nothing else. No inline scripts,
 * no eval, no other origin, no framing. No `upgrade-insecure-requests`: the explorer may be served over plain HTTP
 * on a LAN (HOST=0.0.0.0), where upgrading its own requests to HTTPS would break it.
 */
export const CONTENT_SECURITY_POLICY = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", CYTOSCAPE_STYLESHEET_HASH],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
});

/**
 * Security headers (helmet): the CSP above, `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`,
 * `Referrer-Policy: no-referrer`, cross-origin isolation of our resources, and no `X-Powered-By`.
 *
 * The one exception: in development the Apollo Sandbox landing page (GET /graphql from a browser) loads its code from
 * Apollo's CDN, and Apollo gives that page its own nonce-based CSP in a `<meta>` tag. A second, strict CSP header
 * would block it (browsers enforce both), so that page gets only `frame-ancestors 'none'` in the header. With the
 * landing page off (production by default) the strict policy applies to it too.
 */
export function securityHeaders({ landingPage }: { landingPage: boolean }): RequestHandler {
  const common = {
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
  };
  const strict = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
  });
  const sandbox = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        'frame-ancestors': ["'none'"],
      },
    },
    // The Sandbox's embedded iframe comes from Apollo's origin.
    crossOriginEmbedderPolicy: false,
  });
  return (req, res, next) => {
    if (landingPage && isLandingPageRequest(req)) sandbox(req, res, next);
    else strict(req, res, next);
  };
}

/** What Apollo answers with its landing page (ApolloServer.prefersHTML): a GET of /graphql that prefers HTML. */
function isLandingPageRequest(req: Request): boolean {
  return (
    req.method === 'GET' &&
    (req.path === '/graphql' || req.path === '/graphql/') &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}
