import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../server/errors.ts';
import { edgeLabel } from '../../../server/features/graph/edgeLabels.ts';
import { createFormatError } from '../../../server/graphql/formatError.ts';
import { createLogger } from '../../../server/logger.ts';

const format = createFormatError(createLogger('silent', false));

describe('formatError', () => {
  it('keeps our codes and messages', () => {
    const error = new GraphQLError('x', {
      path: ['drugs'],
      originalError: new AppError(ErrorCode.ServiceUnavailable, 'down'),
    });
    expect(format({ message: 'x', path: ['drugs'] }, error)).toEqual({
      message: 'down',
      path: ['drugs'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('masks anything unexpected', () => {
    const error = new GraphQLError('boom', { originalError: new Error('MATCH (n) secret') });
    const formatted = format(
      { message: 'MATCH (n) secret', path: ['drugs'], extensions: { code: 'X' } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Internal server error.',
      path: ['drugs'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('gives operation limits their own code back', () => {
    const inner = new GraphQLError('Query depth limit of 10 exceeded', {
      extensions: { code: ErrorCode.QueryTooComplex },
    });
    const wrapped = new GraphQLError(inner.message, {
      originalError: inner,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = format(
      { message: inner.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      wrapped,
    );
    expect(formatted.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('edge labels', () => {
  it('says what an edge means, with the role or title when it has one', () => {
    expect(edgeLabel('LICENSES_DRUG', {})).toBe('licenses');
    expect(edgeLabel('PARTY_TO', { role: 'LICENSOR' })).toBe('licensor');
    expect(edgeLabel('WORKS_FOR', { title: 'President and CEO' })).toBe('President and CEO');
  });
});
