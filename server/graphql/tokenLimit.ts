import type { RequestHandler } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode } from '../errors.ts';

/** Counts a document's lexical tokens, stopping one past `max`; a lexing error is left for the parser to report. */
export function countTokens(document: string, max: number): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a syntax error: Apollo's parser reports it with its location
  }
  return count;
}

/**
 * Refuses documents of more than `max` tokens before they are parsed (a huge document costs time to parse even
 * when validation would refuse it), with 400 and QUERY_TOO_COMPLEX.
 */
export function tokenLimit(max: number): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query =
      typeof body?.query === 'string'
        ? body.query
        : typeof req.query.query === 'string'
          ? req.query.query
          : undefined;
    if (query !== undefined && countTokens(query, max) > max) {
      res.status(400).json({
        errors: [
          {
            message: `The document has more than ${max} tokens.`,
            extensions: { code: ErrorCode.QueryTooComplex },
          },
        ],
      });
      return;
    }
    next();
  };
}
