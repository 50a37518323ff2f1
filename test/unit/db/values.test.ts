import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../server/db/values.ts';

describe('toPlain: driver values as plain JSON-friendly values', () => {
  it('copies maps and lists deeply, turning temporals into ISO strings and nodes into labels plus properties', () => {
    const node = new neo4j.types.Node(
      1,
      ['Entity', 'Drug'],
      { id: 'kadcyla', approved: new neo4j.types.Date(2013, 2, 22) },
      '4:x:1',
    );
    const row = {
      page: [
        {
          node,
          key: 'kadcyla',
          links: { 'Drug.payload': [{ type: 'HAS_PAYLOAD', properties: { citedIn: ['s1'] } }] },
        },
      ],
      sortDate: new neo4j.types.Date(2013, 9, 20),
      count: 3,
      missing: undefined,
    };
    const plain = toPlain(row);
    expect(plain).toEqual({
      page: [
        {
          node: { labels: ['Entity', 'Drug'], id: 'kadcyla', approved: '2013-02-22' },
          key: 'kadcyla',
          links: { 'Drug.payload': [{ type: 'HAS_PAYLOAD', properties: { citedIn: ['s1'] } }] },
        },
      ],
      sortDate: '2013-09-20',
      count: 3,
      missing: null,
    });
    // A copy, not the driver's objects.
    const copied = (plain as { page: { links: unknown }[] }).page[0];
    expect(copied?.links).not.toBe(row.page[0]?.links);
  });
});
