import { describe, expect, it } from 'vitest';
import {
  type ChangeDraft,
  changesOf,
  completeSingle,
  type WindowRow,
} from '../../../server/features/history/changes.ts';
import { fromElement, fromStatementNode, historyOf } from '../../../server/features/history/statements.ts';
import { foldElement, foldStatements, isCoarserForm, propertyChanges } from '../../../server/model/fold.ts';
import { statedValues, statementOfElement, statementOfNode } from '../../../server/model/statements.ts';
import { parseSubject, relationshipSubject } from '../../../server/model/subjects.ts';

/** A `:Statement` node's properties, as the graph holds them. */
const statement = (
  document: string,
  date: string,
  values: Record<string, unknown>,
  citedIn: string[] = [],
) => ({
  ...values,
  citedIn,
  _id: `${document}|x`,
  _subject: 'x',
  _document: document,
  _date: date,
  _kind: 'node',
  _label: 'Milestone',
});

describe('the fold of statements', () => {
  it('takes each property from the latest statement that states it, and unions aliases and citations', () => {
    expect(
      foldStatements([
        statement('a', '2013-09-20', { name: 'EU milestone', status: 'PENDING', aliases: ['M1'] }, ['a#1']),
        statement('b', '2013-11-20', { status: 'TRIGGERED', aliases: ['M1', 'M2'] }, ['b#1', 'a#1']),
      ]),
    ).toEqual({ name: 'EU milestone', status: 'TRIGGERED', aliases: ['M1', 'M2'], citedIn: ['a#1', 'b#1'] });
  });

  it('keeps a finer date when a later statement gives only a coarser form of it', () => {
    const folded = foldStatements([
      statement('a', '2013-02-22', { date: '2013-02-22', datePrecision: 'DAY', sortDate: '2013-02-22' }),
      statement('b', '2013-09-20', {
        date: '2013',
        datePrecision: 'YEAR',
        sortDate: '2013-01-01',
        status: 'X',
      }),
    ]);
    expect(folded).toMatchObject({
      date: '2013-02-22',
      datePrecision: 'DAY',
      sortDate: '2013-02-22',
      status: 'X',
    });
    expect(isCoarserForm('2013', '2013-02-22')).toBe(true);
    expect(isCoarserForm('2013-11-20', '2013')).toBe(false);
  });
});

describe('property changes', () => {
  const earlier = [
    statement('a', '2013-09-20', {
      status: 'PENDING',
      date: '2013',
      datePrecision: 'BY_YEAR_END',
      aliases: ['M1'],
    }),
  ];

  it('lists what a statement changes against the fold of the earlier ones, by property name', () => {
    const later = statement('b', '2013-11-20', {
      status: 'TRIGGERED',
      date: '2013-11-20',
      datePrecision: 'ON_OR_BEFORE',
      aliases: ['M1'],
      amount: 5,
    });
    expect(propertyChanges(earlier, later)).toEqual([
      { property: 'amount', before: null, after: 5 },
      { property: 'date', before: '2013', after: '2013-11-20' },
      { property: 'datePrecision', before: 'BY_YEAR_END', after: 'ON_OR_BEFORE' },
      { property: 'status', before: 'PENDING', after: 'TRIGGERED' },
    ]);
  });

  it('ignores repeated values, citations, coarser dates, and aliases already known', () => {
    const later = statement('b', '2014-01-01', { status: 'PENDING', date: '2013', aliases: ['M1'] }, ['b#1']);
    expect(propertyChanges(earlier, later)).toEqual([]);
    const named = statement('c', '2014-01-01', { aliases: ['M2'] });
    expect(propertyChanges(earlier, named)).toEqual([
      { property: 'aliases', before: ['M1'], after: ['M1', 'M2'] },
    ]);
  });
});

describe('subject keys', () => {
  it('names a relationship by type, endpoints and identity properties, and takes keys apart again', () => {
    expect(relationshipSubject('MARKETS', 'genentech', 'kadcyla', { region: 'us', citedIn: [] })).toBe(
      'MARKETS:genentech>kadcyla@us',
    );
    expect(relationshipSubject('PAID_TO', 'm1', 'immunogen', { citedIn: [] })).toBe('PAID_TO:m1>immunogen');
    expect(parseSubject('MARKETS:genentech>kadcyla@us')).toEqual({
      kind: 'relationship',
      type: 'MARKETS',
      from: 'genentech',
      to: 'kadcyla',
      identity: { region: 'us' },
    });
    expect(parseSubject('kadcyla')).toEqual({ kind: 'node', id: 'kadcyla' });
    for (const bad of ['', 'NOT_A_TYPE:a>b', 'MARKETS:a>b', 'PAID_TO:a>b@x', 'PAID_TO:a', "x' OR 1=1:a>b"]) {
      expect(parseSubject(bad), bad).toBeNull();
    }
  });
});

describe('statements', () => {
  it('shows a statement node without bookkeeping, and an element stated once as its own statement', () => {
    expect(fromStatementNode(statement('a', '2013-09-20', { status: 'PENDING' }, ['a#1']))).toEqual({
      document: 'a',
      date: '2013-09-20',
      values: { status: 'PENDING' },
      citedIn: ['a#1'],
    });
    const element = {
      id: 'x',
      name: 'X',
      status: 'PENDING',
      citedIn: ['a#1'],
      statedIn: ['a'],
      since: '2013-09-20',
      lastStated: '2013-09-20',
    };
    expect(fromElement(element, { subject: 'x', kind: 'node' })).toEqual({
      document: 'a',
      date: '2013-09-20',
      values: { name: 'X', status: 'PENDING' },
      citedIn: ['a#1'],
    });
    expect(historyOf([], element, { subject: 'x', kind: 'node' })).toHaveLength(1);
    expect(historyOf([], { id: 'x', name: 'X' }, { subject: 'x', kind: 'node' })).toEqual([]);
  });
});

describe('changes of a window', () => {
  it('adds what a document states first, changes what it restates, in document and subject order', () => {
    const rows: WindowRow[] = [
      {
        document: 'b',
        date: '2013-11-20',
        key: 'm1',
        statements: [
          statement('a', '2013-09-20', { status: 'PENDING' }),
          statement('b', '2013-11-20', { status: 'TRIGGERED' }, ['b#2']),
        ],
      },
      { document: 'b', date: '2013-11-20', key: 'PAID_TO:m2>immunogen', statements: [] },
      { document: 'b', date: '2013-11-20', key: 'm2', statements: [] },
      // Stated first by b, then again by c: b added it.
      {
        document: 'b',
        date: '2013-11-20',
        key: 'm3',
        statements: [statement('b', '2013-11-20', { name: 'M3' }, ['b#4'])],
      },
      // Not a key of this API: left out.
      { document: 'b', date: '2013-11-20', key: 'NOT_A_TYPE:a>b', statements: [] },
    ];
    const changes = changesOf(rows);
    expect(
      changes.map((change) => [
        change.kind,
        change.entityId,
        change.property,
        change.before,
        change.after,
        change.single,
      ]),
    ).toEqual([
      ['PROPERTY_CHANGED', 'm1', 'status', 'PENDING', 'TRIGGERED', false],
      ['ENTITY_ADDED', 'm2', null, null, null, true],
      ['ENTITY_ADDED', 'm3', null, null, { name: 'M3' }, false],
      ['RELATIONSHIP_ADDED', 'm2', null, null, null, true],
    ]);
    expect(changes.map((change) => change.citedIn)).toEqual([['b#2'], [], ['b#4'], []]);
    // An addition by the only document that states it: the element is its statement.
    const single = changes[1] as ChangeDraft;
    expect(
      completeSingle(single, {
        id: 'm2',
        name: 'M2',
        labels: ['Entity', 'Milestone'],
        citedIn: ['b#1'],
        statedIn: ['b'],
        since: '2013-11-20',
        lastStated: '2013-11-20',
      }),
    ).toMatchObject({ after: { name: 'M2' }, citedIn: ['b#1'] });
  });
});

describe('an element as of a day', () => {
  it('is the fold of its statements up to then, with the documents, first and last day of those', () => {
    expect(
      foldElement([
        statement('a', '2013-09-20', { status: 'PENDING' }, ['a#1']),
        statement('b', '2013-11-20', { status: 'TRIGGERED' }, ['b#1']),
      ]),
    ).toEqual({
      status: 'TRIGGERED',
      citedIn: ['a#1', 'b#1'],
      statedIn: ['a', 'b'],
      since: '2013-09-20',
      lastStated: '2013-11-20',
    });
  });
});

describe('the shared statement form (server/model/statements.ts)', () => {
  it('turns a statement node into the fold form, with its bookkeeping as strings', () => {
    expect(
      statementOfNode({
        ...statement('a', '2013-09-20', { status: 'PENDING' }, ['a#1']),
        _date: '2013-09-20T00:00:00',
      }),
    ).toEqual({
      status: 'PENDING',
      citedIn: ['a#1'],
      _document: 'a',
      _date: '2013-09-20',
      _subject: 'x',
      _kind: 'node',
      _label: 'Milestone',
    });
  });

  it('turns an element stated once into its statement: no meta properties, no entity id, no nulls', () => {
    const element = {
      id: 'x',
      name: 'X',
      modality: null,
      citedIn: ['a#1'],
      statedIn: ['a', 'b'],
      since: '2013-09-20',
      lastStated: '2013-11-20',
    };
    const node = statementOfElement(element, { subject: 'x', kind: 'node', label: 'Drug' });
    expect(node).toEqual({
      name: 'X',
      citedIn: ['a#1'],
      _document: 'a',
      _date: '2013-09-20',
      _subject: 'x',
      _kind: 'node',
      _label: 'Drug',
    });
    expect(statedValues(node)).toEqual({ name: 'X' });
    const edge = statementOfElement(
      { id: 'r1', region: 'us', citedIn: [], statedIn: ['a'], since: '2013-09-20' },
      { subject: 'MARKETS:g>k@us', kind: 'relationship' },
    );
    expect(statedValues(edge)).toEqual({ id: 'r1', region: 'us' });
    expect(edge).not.toHaveProperty('_label');
    expect(statementOfElement({ name: 'X' }, { subject: 'x', kind: 'node' })._document).toBe('');
    // The fold reads the same form.
    expect(foldElement([node])).toMatchObject({ name: 'X', statedIn: ['a'], since: '2013-09-20' });
  });
});
