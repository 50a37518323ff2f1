import { describe, expect, it } from 'vitest';
import { fuzzyDate } from '../../../server/core/fields.ts';
import { checkRange, filterText, idList, LIMITS, pageSize } from '../../../server/core/limits.ts';
import { decodeCursor, encodeCursor } from '../../../server/core/paging.ts';
import { isIsoDay } from '../../../server/core/scalars.ts';
import { AppError } from '../../../server/errors.ts';
import { countTokens } from '../../../server/graphql/tokenLimit.ts';

const badInput = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
  return 'none';
};

describe('arguments', () => {
  it('round-trips cursors and refuses forged ones', () => {
    const position = { key: 'kadcyla', id: 'kadcyla' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(null)).toBeNull();
    expect(badInput(() => decodeCursor('bm9wZQ'))).toBe('BAD_USER_INPUT');
    expect(badInput(() => decodeCursor(Buffer.from('[1,2]').toString('base64url')))).toBe('BAD_USER_INPUT');
    expect(badInput(() => decodeCursor('x'.repeat(2000)))).toBe('BAD_USER_INPUT');
  });

  it('checks ranges instead of clamping silently', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(LIMITS.maxPageSize)).toBe(LIMITS.maxPageSize);
    expect(badInput(() => pageSize(LIMITS.maxPageSize + 1))).toBe('BAD_USER_INPUT');
    expect(badInput(() => pageSize(0))).toBe('BAD_USER_INPUT');
    expect(badInput(() => checkRange('depth', 1.5, 0, 3, 1))).toBe('BAD_USER_INPUT');
  });

  it('trims and bounds filter text', () => {
    expect(filterText('x', ' DM1 ')).toBe('DM1');
    expect(filterText('x', undefined)).toBeUndefined();
    expect(badInput(() => filterText('x', ' '))).toBe('BAD_USER_INPUT');
    expect(badInput(() => filterText('x', 'a\u0000'))).toBe('BAD_USER_INPUT');
    expect(badInput(() => filterText('x', 'a'.repeat(LIMITS.maxTextLength + 1)))).toBe('BAD_USER_INPUT');
    expect(idList('ids', ['a', 'a', 'b'], 3)).toEqual(['a', 'b']);
    expect(badInput(() => idList('ids', ['a', 'b'], 1))).toBe('BAD_USER_INPUT');
  });

  it('accepts real calendar days only', () => {
    expect(isIsoDay('2013-09-20')).toBe(true);
    expect(isIsoDay('2013-02-30')).toBe(false);
    expect(isIsoDay('2013-9-20')).toBe(false);
  });

  it('keeps loose dates as precise as stored', () => {
    expect(fuzzyDate('2013', 'BY_YEAR_END', '2013-12-31')).toEqual({
      date: '2013',
      precision: 'BY_YEAR_END',
      sortDate: '2013-12-31',
    });
    expect(fuzzyDate('2013-09', null, null)).toEqual({ date: '2013-09', precision: 'MONTH', sortDate: null });
    expect(fuzzyDate(null, null, null)).toBeNull();
  });

  it('counts tokens up to one past the limit', () => {
    expect(countTokens('{ stats { totalNodes } }', 100)).toBe(6);
    expect(countTokens(`{ ${'a '.repeat(5000)} }`, 10)).toBe(11);
    expect(countTokens('{ "unterminated', 10)).toBeLessThanOrEqual(11);
  });
});
