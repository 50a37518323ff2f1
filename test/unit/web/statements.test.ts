import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../web/src/api/types.ts';
import { formatProvenance, formatValueChange, statementDiffs } from '../../../web/src/history/index.ts';

const statement = (date: string, values: Record<string, unknown>): Statement => ({
  date,
  values,
  document: { id: `doc-${date}`, name: `Release of ${date}`, date, publisher: 'ImmunoGen', url: null },
  citations: [],
});

describe('statementDiffs', () => {
  const history = [
    statement('2013-09-20', {
      status: 'PENDING',
      amount: 5_000_000,
      citedIn: ['a#1'],
      sortDate: '2013-09-20',
    }),
    statement('2013-11-20', { status: 'TRIGGERED', amount: 5_000_000, _subject: 'x' }),
  ];
  const diffs = statementDiffs(history);

  it('compares each value with what the statements before it said', () => {
    expect(diffs.map((d) => d.values)).toEqual([
      [
        { property: 'status', before: undefined, after: 'PENDING', kind: 'first' },
        { property: 'amount', before: undefined, after: 5_000_000, kind: 'first' },
      ],
      [
        { property: 'status', before: 'PENDING', after: 'TRIGGERED', kind: 'changed' },
        { property: 'amount', before: 5_000_000, after: 5_000_000, kind: 'same' },
      ],
    ]);
    expect(diffs[1]?.statement).toBe(history[1]);
  });

  it('writes the changes as people read them', () => {
    expect(diffs[1]?.values.map(formatValueChange)).toEqual([
      'status: PENDING → TRIGGERED',
      'amount: 5000000 (unchanged)',
    ]);
    expect(diffs[0]?.values.map(formatValueChange)[0]).toBe('status: PENDING');
    expect(formatValueChange({ property: 'aliases', before: ['T-DM1'], after: null, kind: 'changed' })).toBe(
      'aliases: T-DM1 → none',
    );
  });

  it('compares lists and objects by value', () => {
    const [, second] = statementDiffs([
      statement('2012-01-01', { aliases: ['T-DM1'], date: { date: '2013', precision: 'YEAR' } }),
      statement('2013-01-01', { aliases: ['T-DM1'], date: { date: '2013-11-15', precision: 'DAY' } }),
    ]);
    expect(second?.values.map((v) => v.kind)).toEqual(['same', 'changed']);
    expect(second?.values.map(formatValueChange)[1]).toBe('date: 2013 → 2013-11-15');
  });

  it('copes with an empty history', () => {
    expect(statementDiffs([])).toEqual([]);
  });
});

describe('formatProvenance', () => {
  it('says how many documents stated an element, and when', () => {
    expect(
      formatProvenance({ statedIn: ['a', 'b'], since: '2013-09-20', lastStated: '2013-11-20', status: 'X' }),
    ).toBe('Stated by 2 documents, 2013-09-20 to 2013-11-20');
    expect(formatProvenance({ statedIn: ['a'], since: '2013-09-20', lastStated: '2013-09-20' })).toBe(
      'Stated by 1 document, 2013-09-20',
    );
    expect(formatProvenance({ status: 'PENDING' })).toBeNull();
  });
});
