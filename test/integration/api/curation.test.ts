import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphLookup } from '../../../seed/graphLookup.ts';
import { AppError } from '../../../server/errors.ts';
import { Ingester } from '../../../server/features/curation/index.ts';
import { QUERIES_ONLY } from '../../../server/graphql/operationTypes.ts';
import { withFixtureApi } from './fixture.ts';
import { type Json, startApi } from './harness.ts';

const TOKEN = 'a-test-editor-token-of-forty-characters!';
const EU_APPROVAL = 'immunogen-kadcyla-2013-11-20-eu-approval.txt';
const DRAFT = `mutation Draft($source: SourceInput!) {
  draftSource(source: $source) {
    documentId title text likelyMisses seed
    sentences { key text start end }
    facts { id kind name sentences resolution match { id kind } }
  }
}`;

/** Publishes write into a seed folder of the test's own, never into the repository's seed/. */
const SEED_DIR = mkdtempSync(join(tmpdir(), 'atlas-curation-'));
const fixture = withFixtureApi({ EDITING: true, EDITOR_TOKEN: TOKEN, SEED_DIR });

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

  it('drafts a long source on the ingester’s thread: the server answers other requests meanwhile', async () => {
    const text = longRelease(1);
    const finished: string[] = [];
    const drafting = draftOf('long.txt', { text }).then((result) => {
      finished.push('draft');
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { data } = await fixture.api.post('{ __typename }');
    finished.push('query');
    expect(data).toEqual({ __typename: 'Query' });
    const drafted = await drafting;
    expect(drafted.errors).toBeUndefined();
    expect(drafted.data.draftSource.facts.length).toBeGreaterThan(50);
    expect(finished).toEqual(['query', 'draft']);
  });

  it('refuses a source that outlasts the time limit, and one left waiting as long; the next drafts on a new thread', async () => {
    const ingester = new Ingester({ logger: fixture.db.logger, timeLimitMs: 2_500 });
    const graph = graphLookup(fixture.db.executor);
    const text = readFileSync(`seed/sources/${EU_APPROVAL}`, 'utf8');
    try {
      const [refused, waited] = await Promise.all([
        ingester.draft({ fileName: 'long.txt', text: longRelease(4) }, graph).catch((e) => e),
        ingester.draft({ fileName: EU_APPROVAL, text }, graph).catch((e) => e),
      ]);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/within 2.5 s: split it/),
      });
      expect(waited).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/busy with other sources/),
      });
      const draft = await ingester.draft({ fileName: EU_APPROVAL, text }, graph);
      expect(draft.documentId).toBe('immunogen-kadcyla-2013-11-20-eu-approval');
      // The graph was asked from the thread: Kadcyla is the graph's.
      expect(draft.facts.find((fact) => fact.id === 'kadcyla')?.resolution).toBe('GRAPH');
    } finally {
      await ingester.close();
    }
    await expect(ingester.draft({ fileName: EU_APPROVAL, text }, graph)).rejects.toThrow(/closed/);
  });
});

/** The development corpus's plain-text releases, one after another, to about `megabytes` MB. */
function longRelease(megabytes: number): string {
  const dir = 'seed/ingest/corpus/inputs';
  const corpus = readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n\n');
  return corpus.repeat(Math.ceil((megabytes * 2 ** 20) / corpus.length));
}

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

const PUBLISH = `mutation Publish($draft: PublishInput!) {
  publishDraft(draft: $draft) { seedFile sourceFile written document { id name facts { nodes { id } } } }
}`;
const WITHDRAW = 'mutation Withdraw($id: ID!) { withdrawDocument(id: $id) { removed files } }';
const FDA_APPROVAL = 'immunogen-kadcyla-2013-02-22-fda-approval.txt';

/** The ingester's draft of one of seed/sources, as a curator would receive it. */
async function draftOfSource(name: string) {
  const result = await draftOf(name, { text: readFileSync(`seed/sources/${name}`, 'utf8') });
  expect(result.errors).toBeUndefined();
  return result.data.draftSource as { documentId: string; seed: Json; text: string };
}

const publish = (draft: { seed: Json; text: string }) =>
  edit({ query: PUBLISH, variables: { draft: { seed: draft.seed, text: draft.text } } });

async function documentHeld(id: string): Promise<boolean> {
  const { document } = await fixture.api.data('query D($id: ID!) { document(id: $id) { id } }', { id });
  return document !== null;
}

describe('publishing and withdrawing', () => {
  it('writes the seed file and its source, loads them, and withdraws them again', async () => {
    const draft = await draftOfSource(EU_APPROVAL);
    const result = await publish(draft);
    expect(result.errors).toBeUndefined();
    const published = result.data.publishDraft;
    expect(published).toMatchObject({
      seedFile: `${draft.documentId}.yaml`,
      sourceFile: `sources/${draft.documentId}.txt`,
      document: { id: draft.documentId },
    });
    expect(published.written).toBeGreaterThan(0);
    expect(published.document.facts.nodes.map((node: { id: string }) => node.id)).toContain('kadcyla');
    // As `npm run seed` reads them: the folder holds the file and its source.
    expect(readFileSync(join(SEED_DIR, published.seedFile), 'utf8')).toContain(`id: ${draft.documentId}`);
    expect(readFileSync(join(SEED_DIR, published.sourceFile), 'utf8').trim()).toBe(draft.text.trim());
    // The new facts cite their sentences.
    const event = draft.seed.regulatoryEvents[0].id;
    const { node } = await fixture.api.data('query N($id: ID!) { node(id: $id) { id citations { id } } }', {
      id: event,
    });
    expect(node.citations.length).toBeGreaterThan(0);

    const again = await publish(draft);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });

    const withdrawn = await edit({ query: WITHDRAW, variables: { id: draft.documentId } });
    expect(withdrawn.data.withdrawDocument).toEqual({
      removed: true,
      files: [published.seedFile, published.sourceFile],
    });
    expect(await documentHeld(draft.documentId)).toBe(false);
    expect(existsSync(join(SEED_DIR, published.seedFile))).toBe(false);
    // What the Kadcyla release of 2013-09-20 states stays.
    expect((await fixture.api.data('{ node(id: "kadcyla") { id } }')).node).toEqual({ id: 'kadcyla' });
  });

  it('refuses a draft with a mistake, naming record and field, and writes nothing', async () => {
    const draft = await draftOfSource(EU_APPROVAL);
    const before = await elementCount();
    const seed = structuredClone(draft.seed);
    seed.regulatoryEvents[0].concerns = ['no-such-drug'];
    const result = await publish({ seed, text: draft.text });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.errors?.[0].message).toMatch(/nothing was written/);
    expect(result.errors?.[0].message).toMatch(
      new RegExp(`RegulatoryEvent ${seed.regulatoryEvents[0].id}.*field concerns`),
    );
    expect(result.errors?.[0].message).toContain('no-such-drug');
    expect(await elementCount()).toBe(before);
    expect(existsSync(join(SEED_DIR, `${draft.documentId}.yaml`))).toBe(false);
    expect(existsSync(join(SEED_DIR, 'sources', `${draft.documentId}.txt`))).toBe(false);
  });

  it('publishes one at a time: two at once both land, the same one twice lands once', async () => {
    const [eu, fda] = await Promise.all([draftOfSource(EU_APPROVAL), draftOfSource(FDA_APPROVAL)]);
    const both = await Promise.all([publish(eu), publish(fda)]);
    for (const result of both) expect(result.errors).toBeUndefined();
    expect(await documentHeld(eu.documentId)).toBe(true);
    expect(await documentHeld(fda.documentId)).toBe(true);
    for (const draft of [eu, fda]) await edit({ query: WITHDRAW, variables: { id: draft.documentId } });

    const twice = await Promise.all([publish(eu), publish(eu)]);
    const codes = twice.map((result) => result.errors?.[0]?.extensions?.code ?? 'ok').sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    expect(await documentHeld(eu.documentId)).toBe(true);
    expect(existsSync(join(SEED_DIR, `${eu.documentId}.yaml`))).toBe(true);
    await edit({ query: WITHDRAW, variables: { id: eu.documentId } });
  });
});
