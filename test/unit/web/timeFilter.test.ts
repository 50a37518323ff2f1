import { describe, expect, it } from 'vitest';
import { milestoneDays, normaliseDay, timeView } from '../../../web/src/graph/timeFilter.ts';

const nodes = [
  { id: 'kadcyla', kind: 'Drug' },
  { id: 'us', kind: 'RegulatoryEvent', day: '2013-02-22' },
  { id: 'ec', kind: 'RegulatoryEvent', day: '2013-11-15' },
  { id: 'ms', kind: 'Milestone' },
  { id: 'deal', kind: 'Partnership', day: '2000-05-01' },
];
const edges = [
  { id: 'e-us', source: 'us', target: 'kadcyla', type: 'CONCERNS' },
  { id: 'e-ec', source: 'ec', target: 'kadcyla', type: 'CONCERNS' },
  { id: 'e-trig', source: 'ec', target: 'ms', type: 'TRIGGERS' },
  { id: 'e-deal', source: 'deal', target: 'kadcyla', type: 'LICENSES_DRUG' },
];

describe('timeView', () => {
  it('hides nothing without dates', () => {
    const view = timeView(nodes, edges, null);
    expect(view.hidden.size + view.changed.size).toBe(0);
  });

  it('hides what had not happened by the day, and their edges', () => {
    const view = timeView(nodes, edges, '2013-06-01');
    expect([...view.hidden].sort()).toEqual(['e-ec', 'e-trig', 'ec']);
  });

  it('highlights what happened between two days, including milestones that got triggered', () => {
    const view = timeView(nodes, edges, '2013-12-31', '2013-06-01');
    expect(view.hidden.size).toBe(0);
    expect([...view.changed].sort()).toEqual(['e-trig', 'ec', 'ms']);
    // The same two days in the other order mean the same.
    expect(timeView(nodes, edges, '2013-06-01', '2013-12-31').changed).toEqual(view.changed);
  });

  it('knows when each milestone is triggered', () => {
    expect(milestoneDays(nodes, edges)).toEqual(new Map([['ms', '2013-11-15']]));
  });

  it('normalises loose days', () => {
    expect(normaliseDay('2013')).toBe('2013-01-01');
    expect(normaliseDay('2013-09')).toBe('2013-09-01');
    expect(normaliseDay('not a day')).toBeNull();
  });
});
