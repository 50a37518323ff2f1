import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors.ts';

/**
 * The guards of the curation endpoint (/graphql/edit), before its body is read: the request must come from the
 * server's own origin or an allowlisted one (no cross-site request may write, whatever it carries), and must carry
 * the editor token as a bearer token. Refusals are GraphQL-shaped, as every other answer.
 */

const refuse = (res: Response, status: number, code: ErrorCode, message: string) => {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/**
 * Refuses a request whose browser says it is cross-site: an `Origin` that is neither the server's own nor one of
 * `origins`, or `Sec-Fetch-Site: cross-site`. Requests without them (curl, tests) are not browsers' and pass on
 * to the token check.
 */
export function sameSiteOnly(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get('origin');
    const own = `${req.protocol}://${req.get('host')}`;
    const foreign = origin !== undefined && origin !== own && !allowed.has(origin);
    if (foreign || req.get('sec-fetch-site') === 'cross-site') {
      refuse(res, 403, ErrorCode.Forbidden, 'Curation is refused to cross-site requests.');
      return;
    }
    next();
  };
}

/** Refuses a request without `Authorization: Bearer <token>`, compared in constant time. */
export function requireToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const [scheme, given] = (req.get('authorization') ?? '').split(' ', 2);
    if (scheme?.toLowerCase() !== 'bearer' || !given) {
      refuse(
        res,
        401,
        ErrorCode.Unauthenticated,
        'Curation needs the editor token: "Authorization: Bearer <token>".',
      );
      return;
    }
    if (!timingSafeEqual(digest(given), expected)) {
      refuse(res, 401, ErrorCode.Unauthenticated, 'The editor token is not valid.');
      return;
    }
    next();
  };
}

/** Digests compare in constant time whatever the lengths of the tokens. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The curation endpoint of a server that runs without EDITING=true. */
export const editingOff: RequestHandler = (_req, res) => {
  refuse(
    res,
    404,
    ErrorCode.NotFound,
    'Curation is off on this server: it takes edits when run with EDITING=true and an EDITOR_TOKEN.',
  );
};
