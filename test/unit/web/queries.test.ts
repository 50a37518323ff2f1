import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../server/core/limits.ts';
import {
  fetchChanges,
  fetchDrugs,
  fetchGraph,
  fetchPath,
  fetchRegulatoryEvents,
} from '../../../web/src/api/queries.ts';

/** What the explorer asks the API for, against the server's own caps (server/core/limits.ts). */

const EMPTY_PAGE = { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
const ANSWERS: Record<string, unknown> = {
  graph: { nodes: [], edges: [], truncated: false },
  path: null,
  drugs: EMPTY_PAGE,
  regulatoryEvents: EMPTY_PAGE,
  changes: EMPTY_PAGE,
};

let sent: { query: string; variables: Record<string, unknown> }[] = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as (typeof sent)[number];
    sent.push(body);
    const field = Object.keys(ANSWERS).find((name) => body.query.includes(`${name}(`)) as string;
    return new Response(JSON.stringify({ data: { [field]: ANSWERS[field] } }), { status: 200 });
  });
});
afterEach(() => vi.unstubAllGlobals());

const only = () => {
  expect(sent).toHaveLength(1);
  return sent[0] as (typeof sent)[number];
};

describe('the explorer’s requests stay within the server’s limits', () => {
  it('sends at most the graph’s seeds and nodes the server takes', async () => {
    const ids = Array.from({ length: LIMITS.maxGraphSeeds + 7 }, (_, i) => `e${i}`);
    await fetchGraph(ids, { limit: LIMITS.maxGraphLimit * 3 });
    const { variables } = only();
    expect(variables.ids).toEqual(ids.slice(0, LIMITS.maxGraphSeeds));
    expect(variables.limit).toBe(LIMITS.maxGraphLimit);
  });

  it('asks for the largest pages the server gives, as variables', async () => {
    await fetchDrugs();
    await fetchRegulatoryEvents();
    await fetchChanges('2013-01-01', '2013-12-31');
    expect(sent.map((request) => request.variables.first)).toEqual([
      LIMITS.maxPageSize,
      LIMITS.maxPageSize,
      LIMITS.maxChangesPage,
    ]);
    for (const { query } of sent) expect(query).not.toMatch(/first: \d/);
  });

  it('looks for paths as long as the server allows', async () => {
    await fetchPath('kadcyla', 'dm1');
    const { query, variables } = only();
    expect(variables.maxLength).toBe(LIMITS.maxPathLength);
    expect(query).not.toMatch(/maxLength: \d/);
  });
});
