import { describe, expect, it } from 'vitest';
import type { Change } from '../../../web/src/api/types.ts';
import {
  changedElements,
  changeWindow,
  describeChange,
  edgeKey,
  groupChanges,
  shownChanges,
  todayIso,
} from '../../../web/src/history/index.ts';
import { changesSummary } from '../../../web/src/ui/changes.ts';
import { timelineRows } from '../../../web/src/ui/timeline.ts';

const doc = { id: 'doc', name: 'Release', date: '2013-11-20', publisher: 'ImmunoGen', url: null };
const change = (patch: Partial<Change>): Change => ({
  kind: 'PROPERTY_CHANGED',
  property: null,
  date: '2013-11-20',
  entity: { id: 'eu-milestone', kind: 'Milestone', name: 'EU milestone' },
  relationship: null,
  before: null,
  after: null,
  document: doc,
  citations: [],
  ...patch,
});
const trigger = {
  id: 'rel-1',
  source: 'ec-decision',
  target: 'eu-milestone',
  type: 'TRIGGERS' as const,
  label: 'triggers',
};

describe('changeWindow', () => {
  it('runs from "since" to "as of", or to today without it', () => {
    expect(changeWindow('2013-10-01', '2013-12-01', '2026-01-01')).toEqual({
      from: '2013-10-01',
      to: '2013-12-01',
    });
    expect(changeWindow('2013-10-01', null, '2026-01-01')).toEqual({ from: '2013-10-01', to: '2026-01-01' });
    expect(changeWindow(null, '2013-12-01', '2026-01-01')).toBeNull();
  });

  it('takes the earlier day first whichever way round they come', () => {
    expect(changeWindow('2013-12-01', '2013-10-01', '2026-01-01')).toEqual({
      from: '2013-10-01',
      to: '2013-12-01',
    });
  });

  it('knows today in the local calendar', () => {
    expect(todayIso(new Date(2013, 8, 5, 23, 59))).toBe('2013-09-05');
  });
});

describe('describeChange', () => {
  it('says what changed, in the words of the panel', () => {
    expect(describeChange(change({ kind: 'ENTITY_ADDED' }))).toBe('added');
    expect(describeChange(change({ property: 'status', before: 'PENDING', after: 'TRIGGERED' }))).toBe(
      'status: PENDING → TRIGGERED',
    );
    expect(describeChange(change({ property: 'status', before: null, after: 'TRIGGERED' }))).toBe(
      'status: none → TRIGGERED',
    );
  });

  it('names the other end of a relationship when it can', () => {
    const added = change({ kind: 'RELATIONSHIP_ADDED', relationship: trigger });
    expect(describeChange(added, (id) => (id === 'eu-milestone' ? 'EU milestone' : undefined))).toBe(
      'new relationship: triggers → EU milestone',
    );
    expect(describeChange(added)).toBe('new relationship: triggers → eu-milestone');
    const role = change({
      kind: 'RELATIONSHIP_CHANGED',
      relationship: { ...trigger, type: 'PARTY_TO', label: '' },
      property: 'role',
      before: 'PARTNER',
      after: 'LICENSEE',
    });
    expect(describeChange(role)).toBe('party to → eu-milestone: role: PARTNER → LICENSEE');
  });
});

describe('changedElements', () => {
  it('marks entities and relationships, the latter by id and by type and ends', () => {
    const marked = changedElements([
      change({ kind: 'ENTITY_ADDED', entity: { id: 'ec-decision', kind: 'RegulatoryEvent', name: 'EC' } }),
      change({ property: 'status', before: 'PENDING', after: 'TRIGGERED' }),
      change({
        kind: 'RELATIONSHIP_ADDED',
        relationship: trigger,
        entity: { id: 'ec-decision', kind: 'RegulatoryEvent', name: 'EC' },
      }),
    ]);
    expect([...marked.nodes].sort()).toEqual(['ec-decision', 'eu-milestone']);
    expect([...marked.edgeIds]).toEqual(['rel-1']);
    expect(
      marked.edgeKeys.has(edgeKey({ type: 'TRIGGERS', source: 'ec-decision', target: 'eu-milestone' })),
    ).toBe(true);
  });

  it('sums up the window', () => {
    const window = { from: '2013-10-01', to: '2013-12-01' };
    expect(changesSummary(window, 3)).toBe('3 changes after 2013-10-01, up to 2013-12-01');
    expect(changesSummary(window, 1)).toBe('1 change after 2013-10-01, up to 2013-12-01');
    expect(changesSummary(window, 90, 100, 250)).toBe(
      '90 changes after 2013-10-01, up to 2013-12-01 (the first 100 of 250 fetched)',
    );
  });
});

describe('listing changes', () => {
  const ec = { id: 'ec-decision', kind: 'RegulatoryEvent' as const, name: 'EC decision' };
  const changes = [
    change({ entity: ec, property: 'status', before: 'EXPECTED', after: 'COMPLETED' }),
    change({ entity: ec, property: 'sortDate', before: '2013-12-31', after: '2013-11-20' }),
    change({ entity: ec, property: 'datePrecision', before: 'BY_YEAR_END', after: 'ON_OR_BEFORE' }),
    change({ property: 'status', before: 'PENDING', after: 'TRIGGERED' }),
    change({ entity: ec, property: 'lastStated', before: '2013-09-20', after: '2013-11-20' }),
    change({ entity: ec, kind: 'RELATIONSHIP_ADDED', relationship: trigger }),
    change({ entity: ec, property: 'date', before: '2013', after: '2013-11-20' }),
  ];

  it('leaves out sort keys, precisions and provenance, which follow the values listed', () => {
    expect(shownChanges(changes).map((c) => c.property ?? c.kind)).toEqual([
      'status',
      'status',
      'RELATIONSHIP_ADDED',
      'date',
    ]);
  });

  it('lists one document’s changes to one element together, in the server’s order', () => {
    const groups = groupChanges(shownChanges(changes));
    expect(
      groups.map((g) => [g.first.entity.id, g.first.relationship?.id ?? null, g.changes.length]),
    ).toEqual([
      ['ec-decision', null, 2],
      ['eu-milestone', null, 1],
      ['ec-decision', 'rel-1', 1],
    ]);
    expect(groups[0]?.changes.map((c) => describeChange(c))).toEqual([
      'status: EXPECTED → COMPLETED',
      'date: 2013 → 2013-11-20',
    ]);
    const otherDocument = change({ document: { ...doc, id: 'other' } });
    expect(groupChanges([changes[3] as Change, otherDocument])).toHaveLength(2);
  });
});

describe('timelineRows', () => {
  const event = (id: string, day: string | null) => ({
    id,
    name: id,
    agency: null,
    region: null,
    eventType: null,
    status: null,
    date: day ? { date: day, precision: 'DAY' as const, sortDate: day } : null,
    drug: null,
    regions: [],
  });

  it('keeps every event the server sent, by date, and marks those the changes touched', () => {
    const { rows } = timelineRows(
      [event('ec', '2013-11-15'), event('later', null), event('fda', '2013-02-22')],
      new Set(['ec']),
    );
    expect(rows.map((r) => [r.event.id, r.changed])).toEqual([
      ['fda', false],
      ['ec', true],
      ['later', false],
    ]);
  });
});
