import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERIES_ONLY } from '../../../server/graphql/operationTypes.ts';
import { withFixtureApi } from './fixture.ts';
import { type Json, startApi } from './harness.ts';

const TOKEN = 'a-test-editor-token-of-forty-characters!';
const EU_APPROVAL = 'immunogen-kadcyla-2013-11-20-eu-approval.txt';
const DRAFT = `mutation Draft($source: SourceInput!) {
  draftSource(source: $source) {
    documentId title text likelyMisses seed
    sentences { key text start end }
    facts { id kind name record sentences resolution match { id kind } }
  }
}`;

const fixture = withFixtureApi({ EDITING: true, EDITOR_TOKEN: TOKEN });

/** Posts to the curation endpoint; the token is sent unless `headers` says otherwise. */
async function edit(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
  const response = await fetch(`${fixture.api.url}/graphql/edit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: Json; errors?: Json[] }) };
}

const draftOf = (fileName: string, source: { text?: string; base64?: string }) =>
  edit({ query: DRAFT, variables: { source: { fileName, ...source } } });

async function elementCount(): Promise<number> {
  const { records } = await fixture.db.driver.executeQuery(
    'MATCH (n) RETURN count(n) + COUNT { ()-[]->() } AS elements',
  );
  return Number(records[0]?.get('elements'));
}

describe('drafting a source', () => {
  it('proposes the facts of a release, each with its sentences and what the graph already holds, writing nothing', async () => {
    const before = await elementCount();
    const text = readFileSync(`seed/sources/${EU_APPROVAL}`, 'utf8');
    const result = await draftOf(EU_APPROVAL, { text });
    expect(result.errors).toBeUndefined();
    const draft = result.data.draftSource;
    expect(draft.documentId).toBe('immunogen-kadcyla-2013-11-20-eu-approval');
    expect(draft.seed.document.id).toBe(draft.documentId);
    // Every cited sentence is placed in the text as read.
    expect(draft.sentences.length).toBeGreaterThan(3);
    for (const sentence of draft.sentences) {
      const placed = draft.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ');
      expect(placed).toBe(sentence.text.replace(/\s+/g, ' '));
    }
    const keys = new Set(draft.sentences.map((sentence: { key: string }) => sentence.key));
    for (const fact of draft.facts) for (const key of fact.sentences) expect(keys.has(key), key).toBe(true);
    // Kadcyla is matched to the graph's; the EU approval is new.
    const kadcyla = draft.facts.find((fact: { id: string }) => fact.id === 'kadcyla');
    expect(kadcyla).toMatchObject({
      kind: 'Drug',
      resolution: 'GRAPH',
      match: { id: 'kadcyla', kind: 'Drug' },
    });
    expect(kadcyla.sentences.length).toBeGreaterThan(0);
    const events = draft.facts.filter((fact: { kind: string }) => fact.kind === 'RegulatoryEvent');
    expect(
      events.some(
        (fact: { resolution: string; match: unknown }) => fact.resolution === 'NEW' && fact.match === null,
      ),
    ).toBe(true);
    expect(await elementCount()).toBe(before);
  });

  it('reads a file sent as base64, and refuses what the ingester cannot use with its reason', async () => {
    const html = readFileSync('seed/ingest/corpus/inputs/a-07.html');
    const read = await draftOf('a-07.html', { base64: html.toString('base64') });
    expect(read.errors).toBeUndefined();
    expect(read.data.draftSource.text).not.toContain('<');
    const nothing = await draftOf('note.txt', { text: 'Nothing to see here.' });
    expect(nothing.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(nothing.errors?.[0].message).toMatch(/^note\.txt: /);
    const both = await draftOf('a.txt', { text: 'x', base64: 'eA==' });
    expect(both.errors?.[0].message).toMatch(/"text" or as "base64", not both/);
    const huge = await draftOf('big.pdf', { base64: 'A'.repeat(14_000_000) });
    expect(huge.errors?.[0].message).toMatch(/more than the 10 MB/);
  });
});

describe('who may curate', () => {
  const mutation = { query: DRAFT, variables: { source: { fileName: EU_APPROVAL, text: 'x' } } };

  it('refuses a request without the token, with a wrong one, or from another site, and writes nothing', async () => {
    const before = await elementCount();
    const missing = await edit(mutation, {});
    expect(missing.status).toBe(401);
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const wrong = await edit(mutation, { authorization: `Bearer ${TOKEN.slice(1)}x` });
    expect(wrong).toMatchObject({ status: 401, errors: [{ message: 'The editor token is not valid.' }] });
    const crossSite = await edit(mutation, {
      authorization: `Bearer ${TOKEN}`,
      origin: 'https://elsewhere.example',
    });
    expect(crossSite).toMatchObject({ status: 403, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const fetchedCrossSite = await edit(mutation, {
      authorization: `Bearer ${TOKEN}`,
      'sec-fetch-site': 'cross-site',
    });
    expect(fetchedCrossSite.status).toBe(403);
    // The server's own origin may.
    const own = await edit(mutation, { authorization: `Bearer ${TOKEN}`, origin: fixture.api.url });
    expect(own.status).toBe(200);
    expect(await elementCount()).toBe(before);
  });

  it('takes no mutation at the public endpoint', async () => {
    const result = await fixture.api.post(DRAFT, { source: { fileName: 'a.txt', text: 'x' } });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toBe(QUERIES_ONLY);
  });

  it('has no curation endpoint unless the server runs with EDITING=true', async () => {
    const api = await startApi({ ...fixture.db, config: { ...fixture.db.config, EDITING: false } });
    try {
      const response = await fetch(`${api.url}/graphql/edit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(mutation),
      });
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/EDITING=true/);
    } finally {
      await api.stop();
    }
  });
});
