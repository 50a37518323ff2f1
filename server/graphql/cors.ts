import type { RequestHandler } from 'express';

const ALLOWED_HEADERS =
  'content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id, authorization';
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * CORS for an allowlist of origins (config CORS_ORIGINS): allowed origins get the headers, anyone else gets none
 * (same-origin requests need none). No credentials: the API has no cookies.
 */
export function corsAllowlist(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && (allowed.has(origin) || allowed.has('*'))) {
      res.setHeader('Access-Control-Allow-Origin', allowed.has('*') ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', 'x-request-id');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
      }
    }
    res.vary('Origin');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}
