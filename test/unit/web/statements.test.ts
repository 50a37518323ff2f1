import { describe, expect, it } from 'vitest';
import { type PropertyChange, propertyChanges } from '../../../server/model/fold.ts';
import type { Statement } from '../../../web/src/api/types.ts';
import { formatProvenance, formatValueChange, statementDiffs } from '../../../web/src/history/index.ts';

const statement = (date: string, values: Record<string, unknown>): Statement => ({
  date,
  values,
  document: { id: `doc-${date}`, name: `Release of ${date}`, date, publisher: 'ImmunoGen', url: null },
  citations: [],
});

const sortByProperty = (changes: readonly PropertyChange[]) =>
  [...changes].sort((a, b) => a.property.localeCompare(b.property));

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
        { property: 'status', before: null, after: 'PENDING', kind: 'first' },
        { property: 'amount', before: null, after: 5_000_000, kind: 'first' },
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

  it('compares lists by value, and lists an alias as the new union, as the server does', () => {
    const [, second, third] = statementDiffs([
      statement('2012-01-01', { aliases: ['T-DM1'], date: '2013', datePrecision: 'YEAR' }),
      statement('2013-01-01', { aliases: ['T-DM1'], date: '2013-11-15', datePrecision: 'DAY' }),
      statement('2013-06-01', { aliases: ['Kadcyla'] }),
    ]);
    expect(second?.values.map((v) => v.kind)).toEqual(['same', 'changed']);
    expect(second?.values.map(formatValueChange)[1]).toBe('date: 2013 → 2013-11-15');
    expect(third?.values.map(formatValueChange)).toEqual(['aliases: T-DM1 → T-DM1; Kadcyla']);
  });

  it('does not show a later, coarser date as a change (the fold keeps the finer one)', () => {
    const history = [
      statement('2013-02-22', { status: 'APPROVED', date: '2013-02-22', sortDate: '2013-02-22' }),
      statement('2013-06-01', { status: 'APPROVED', date: '2013', sortDate: '2013-01-01' }),
    ];
    const [, second] = statementDiffs(history);
    expect(second?.values.map((v) => [v.property, v.kind])).toEqual([
      ['status', 'same'],
      ['date', 'same'],
    ]);
    expect(second?.values.map(formatValueChange)).not.toContain('date: 2013-02-22 → 2013');
  });

  it('changes exactly what the server’s changes list would (server/model/fold.ts)', () => {
    const history = [
      statement('2012-11-06', { status: 'PENDING', date: '2013-02-22', aliases: ['T-DM1'] }),
      statement('2013-02-22', { status: 'TRIGGERED', date: '2013', aliases: ['T-DM1', 'Kadcyla'] }),
      statement('2013-11-20', { status: 'TRIGGERED', amount: 5 }),
    ];
    statementDiffs(history).forEach(({ values }, index) => {
      if (!index) return;
      const changed = values.filter((v) => v.kind !== 'same').map(({ kind: _kind, ...change }) => change);
      const server = propertyChanges(
        history.slice(0, index).map((s) => s.values),
        history[index]?.values ?? {},
      );
      expect(sortByProperty(changed)).toEqual(sortByProperty(server));
    });
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
