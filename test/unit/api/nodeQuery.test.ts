import { describe, expect, it } from 'vitest';
import { pagesParam } from '../../../server/core/cypher.ts';
import { FIELD_RELATIONS } from '../../../server/core/entityTypes.ts';
import type { Prefetch } from '../../../server/core/relations.ts';
import { nodeQuery } from '../../../server/core/rootQuery.ts';
import { selectionPrefetch } from '../../../server/core/selection.ts';
import { infoFor } from './resolveInfo.ts';

/** A prefetch as [spec key, page size or '-', children]: what the statement's shape and `$pages` come from. */
const shape = (prefetch: readonly Prefetch[]): unknown[] =>
  prefetch.map((item) => [item.spec.key, item.page ?? '-', shape(item.children ?? [])]);

const COMPANY_PAGE = `query Q($first: Int) { company(id: "roche") { id name
  drugs(relation: DEVELOPS, first: $first) { totalCount nodes { id antibody { name } ...Parts
    trials(first: 2) { nodes { id } } } }
  partnerships { edges { node { parties { company { name } } milestones { payer { name } trigger { name } } } } }
  members { id }
  milestoneTotals { count } } }
  fragment Parts on Drug { payload { name } targets { name } }`;

describe('selectionPrefetch: the relations a root field’s selection reads', () => {
  it('follows pages, edges, fragments and nested lists, with each page’s size', () => {
    const prefetch = selectionPrefetch(infoFor(COMPANY_PAGE, { first: 5 }), FIELD_RELATIONS, 'Company');
    expect(shape(prefetch)).toEqual([
      [
        'Company.drugs.DEVELOPS',
        5,
        [
          ['Drug.antibody', '-', []],
          ['Drug.payload', '-', []],
          ['Drug.targets', '-', []],
          ['Drug.trials', 2, []],
        ],
      ],
      [
        'Company.partnerships',
        20,
        [
          ['Partnership.parties', '-', []],
          [
            'Partnership.milestones',
            '-',
            [
              ['payer', '-', []],
              ['Milestone.trigger', '-', []],
            ],
          ],
        ],
      ],
      ['Company.members', '-', []],
    ]);
  });

  it('leaves later pages and a second field on the same relation to the loaders', () => {
    const prefetch = selectionPrefetch(
      infoFor(
        `query Q($after: String) { company(id: "x") {
        later: drugs(first: 5, after: $after) { nodes { id } }
        all: drugs { nodes { id } }
        again: drugs(first: 3) { nodes { id } } } }`,
        { after: 'cursor' },
      ),
      FIELD_RELATIONS,
      'Company',
    );
    expect(shape(prefetch)).toEqual([['Company.drugs', 20, []]]);
  });
});

describe('selectionPrefetch and bad arguments', () => {
  it('leaves a page size out of range to its field, which reports it when it resolves', () => {
    const prefetch = selectionPrefetch(
      infoFor(
        '{ company(id: "x") { drugs(first: 100000) { nodes { id } } partnerships(first: 0) { totalCount } members { id } } }',
      ),
      FIELD_RELATIONS,
      'Company',
    );
    expect(shape(prefetch)).toEqual([['Company.members', '-', []]]);
  });
});

describe('nodeQuery: one entity with its prefetched relations, as Cypher text', () => {
  const prefetchOf = (first: number) =>
    selectionPrefetch(infoFor(COMPANY_PAGE, { first }), FIELD_RELATIONS, 'Company');

  it('is the same text whatever the page sizes: they go as $pages, keyed by where each page sits', () => {
    expect(nodeQuery('Company', prefetchOf(5))).toBe(nodeQuery('Company', prefetchOf(50)));
    expect(pagesParam(prefetchOf(5))).toEqual({
      'Company.drugs.DEVELOPS': 6,
      'Company.drugs.DEVELOPS/Drug.trials': 3,
      'Company.partnerships': 21,
    });
  });

  it('reads as written (snapshot), today and as of a day', () => {
    expect(nodeQuery('Company', prefetchOf(5)).text).toMatchSnapshot();
    const asOf = nodeQuery('Company', prefetchOf(5), true);
    expect(asOf.name).toBe('entities.node:Company@asOf');
    expect(asOf.text).toMatchSnapshot();
  });
});
