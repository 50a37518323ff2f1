import { describe, expect, it } from 'vitest';
import { type SeedFileData, type SeedRecord, seedRecords } from '../../../seed/format.ts';
import type { Graph } from '../../../web/src/api/types.ts';
import type { SourceDraft } from '../../../web/src/curation/api.ts';
import { previewElements } from '../../../web/src/curation/preview.ts';
import { DraftReview } from '../../../web/src/curation/review.ts';

/** A small draft: two companies, a drug both develop, and their deal with one milestone. */
function draftOf(graphIds: readonly string[] = []): SourceDraft {
  const seed: SeedFileData = {
    document: {
      id: 'acme-beta-2025',
      title: 'Acme and Beta enter a license',
      date: '2025-01-02',
      sourceFile: 'sources/acme-beta-2025.txt',
      publisher: 'acme',
    },
    sentences: { s1: 'Acme licenses X-1 to Beta.', s2: 'Beta pays $5 million on approval.' },
    companies: [
      { id: 'acme', name: 'Acme Inc.', cite: ['s1'] },
      { id: 'beta', name: 'Beta AG', cite: ['s1'], companyType: 'PHARMA' },
    ],
    drugs: [{ id: 'x-1', name: 'X-1', cite: ['s1'], developers: ['acme', 'beta'] }],
    partnerships: [
      {
        id: 'acme-beta-x-1',
        name: 'Acme–Beta X-1 license',
        cite: ['s1'],
        parties: [
          { ref: 'acme', role: 'LICENSOR' },
          { ref: 'beta', role: 'LICENSEE' },
        ],
        drugs: ['x-1'],
        milestones: [
          {
            id: 'x-1-approval',
            name: '$5M on approval',
            cite: ['s2'],
            status: 'PENDING',
            payer: 'beta',
            payee: 'acme',
          },
        ],
      },
    ],
  };
  const facts = [...seedRecords(seed)].map(({ label, record }) => ({
    id: record.id,
    kind: label as SourceDraft['facts'][number]['kind'],
    name: record.name ?? record.id,
    sentences: record.cite,
    resolution: graphIds.includes(record.id) ? ('GRAPH' as const) : ('NEW' as const),
    match: null,
    lookalike: null,
  }));
  return {
    documentId: 'acme-beta-2025',
    title: null,
    text: '',
    seed,
    likelyMisses: [],
    sentences: [],
    facts,
  };
}

const allIds = (draft: SourceDraft) => draft.facts.map((fact) => fact.id);
const milestonesOf = (deal: SeedRecord | undefined) => deal?.milestones as SeedRecord[] | undefined;

describe('a curator’s review of a draft', () => {
  it('publishes only accepted facts: undecided ones are left out, the document kept', () => {
    const review = new DraftReview(draftOf());
    const { document, sentences } = review.draft.seed as SeedFileData;
    // Its publisher is a company of the draft, not accepted: the link goes too.
    const { publisher: _publisher, ...unpublished } = document;
    expect(review.seed()).toEqual({ document: unpublished, sentences });
    review.decide(['acme'], 'accepted');
    expect(review.seed().document.publisher).toBe('acme');
    expect(review.seed().companies?.map((company) => company.id)).toEqual(['acme']);
    expect(review.seed().drugs).toBeUndefined();
  });

  it('drops every link to a rejected fact, and the rejected milestone from its deal', () => {
    const review = new DraftReview(draftOf());
    review.decide(allIds(review.draft), 'accepted');
    review.decide(['beta', 'x-1-approval'], 'rejected');
    const seed = review.seed();
    expect(seed.companies?.map((company) => company.id)).toEqual(['acme']);
    expect(seed.drugs?.[0]?.developers).toEqual(['acme']);
    expect(seed.partnerships?.[0]?.parties).toEqual([{ ref: 'acme', role: 'LICENSOR' }]);
    expect(milestonesOf(seed.partnerships?.[0])).toBeUndefined();
    expect(seed.document.publisher).toBe('acme');
    // The draft itself is left as the ingester made it.
    expect((review.draft.seed as SeedFileData).drugs?.[0]?.developers).toEqual(['acme', 'beta']);
  });

  it('re-points an entity to the graph’s: its id everywhere, the graph’s name, the drafted name an alias', () => {
    const review = new DraftReview(draftOf());
    review.decide(allIds(review.draft), 'accepted');
    review.repoint('beta', { id: 'roche', name: 'Roche' });
    const seed = review.seed();
    expect(seed.companies?.[1]).toEqual({
      id: 'roche',
      name: 'Roche',
      cite: ['s1'],
      companyType: 'PHARMA',
      aliases: ['Beta AG'],
    });
    expect(seed.drugs?.[0]?.developers).toEqual(['acme', 'roche']);
    expect(seed.partnerships?.[0]?.parties).toContainEqual({ ref: 'roche', role: 'LICENSEE' });
    expect(milestonesOf(seed.partnerships?.[0])?.[0]?.payer).toBe('roche');
    review.repoint('beta', null);
    expect(review.seed().drugs?.[0]?.developers).toEqual(['acme', 'beta']);
  });

  it('makes one record of two facts re-pointed to one entity, each link once; never re-points a milestone', () => {
    const review = new DraftReview(draftOf());
    review.decide(allIds(review.draft), 'accepted');
    review.repoint('acme', { id: 'roche', name: 'Roche' });
    review.repoint('beta', { id: 'roche', name: 'Roche' });
    const seed = review.seed();
    expect(seed.companies).toEqual([
      { id: 'roche', name: 'Roche', cite: ['s1'], companyType: 'PHARMA', aliases: ['Acme Inc.', 'Beta AG'] },
    ]);
    expect(seed.drugs?.[0]?.developers).toEqual(['roche']);
    expect(review.issues().size).toBe(0);
    expect(review.canRepoint('x-1-approval')).toBe(false);
    review.repoint('x-1-approval', { id: 'another-milestone', name: 'Another' });
    expect(review.publishedId('x-1-approval')).toBe('x-1-approval');
  });

  it('says so when a milestone is accepted but its deal is not', () => {
    const review = new DraftReview(draftOf());
    review.decide(['acme', 'beta', 'x-1', 'x-1-approval'], 'accepted');
    expect(review.issues().get('x-1-approval')).toEqual([
      { message: 'its Partnership is not accepted: accept it too, or reject this' },
    ]);
    expect(review.seed().partnerships).toBeUndefined();
  });

  it('checks an edit as the seed format does, with the loader’s words, and keeps nested records', () => {
    const review = new DraftReview(draftOf());
    const beta = review.record('beta') ?? { id: '', cite: [] };
    expect(review.edit('beta', { ...beta, companyType: 'GIANT' })).toEqual([
      { field: 'companyType', message: expect.stringMatching(/^expected one of BIOTECH, PHARMA/) },
    ]);
    expect(review.edit('beta', { ...beta, colour: 'blue' })).toEqual([
      { field: 'colour', message: 'unknown field "colour"' },
    ]);
    expect(review.record('beta')?.companyType).toBe('PHARMA');
    expect(review.edit('beta', { ...beta, name: 'Beta Pharma AG' })).toEqual([]);
    expect(review.edit('x-1-approval', { id: 'x-1-approval', cite: ['s2'], status: 'SOON' })).toEqual([
      { field: 'status', message: 'expected one of TRIGGERED, PENDING, PAID' },
    ]);
    expect(review.fieldsOf('x-1-approval')).toEqual(
      expect.arrayContaining([
        { name: 'status', text: true },
        { name: 'payer', text: false },
        { name: 'amount', text: false },
      ]),
    );
    expect(review.fieldsOf('beta').map((field) => field.name)).toContain('ticker');
    const deal = review.record('acme-beta-x-1') ?? { id: '', cite: [] };
    expect(review.edit('acme-beta-x-1', { ...deal, summary: 'An exclusive license.' })).toEqual([]);
    review.decide(allIds(review.draft), 'accepted');
    const seed = review.seed();
    expect(seed.companies?.[1]?.name).toBe('Beta Pharma AG');
    expect(seed.partnerships?.[0]?.summary).toBe('An exclusive license.');
    expect(milestonesOf(seed.partnerships?.[0])?.map((milestone) => milestone.id)).toEqual(['x-1-approval']);
  });

  it('says what a new entity would lack once the facts it needs are left out', () => {
    const review = new DraftReview(draftOf());
    review.decide(allIds(review.draft), 'accepted');
    expect(review.issues().size).toBe(0);
    review.decide(['acme', 'beta'], 'rejected');
    expect(review.issues().get('acme-beta-x-1')).toEqual([
      { field: 'parties', message: 'missing: a new Partnership needs parties, and no file states it' },
    ]);
  });
});

describe('the preview of a draft', () => {
  it('marks each entity new, changed or unchanged against the graph, and draws only relationships it lacks', () => {
    const review = new DraftReview(draftOf(['acme', 'beta']));
    review.decide(allIds(review.draft), 'accepted');
    const graph: Graph = {
      nodes: [
        { id: 'acme', kind: 'Company', label: 'Acme Inc.', properties: { name: 'Acme Inc.' } },
        { id: 'beta', kind: 'Company', label: 'Beta', properties: { name: 'Beta' } },
        { id: 'gamma', kind: 'Company', label: 'Gamma', properties: { name: 'Gamma' } },
      ],
      edges: [
        { id: 'e1', source: 'acme', target: 'gamma', type: 'MEMBER_OF', label: 'member of', properties: {} },
      ],
    };
    const { elements, counts } = previewElements(review.seed(), graph);
    const classOf = (id: string) => elements.find((element) => element.data.id === id)?.classes;
    expect(classOf('acme')).toBe('draft-unchanged');
    expect(classOf('beta')).toBe('draft-changed');
    expect(classOf('x-1')).toBe('draft-new');
    expect(classOf('gamma')).toBeUndefined();
    expect(classOf('e1')).toBeUndefined();
    expect(counts).toEqual({ new: 4, changed: 1, unchanged: 1 });
    const types = elements.filter((element) => element.group === 'edges').map((edge) => edge.data.id);
    expect(types).toEqual(
      expect.arrayContaining([
        'draft:DEVELOPS acme x-1',
        'draft:PARTY_TO beta acme-beta-x-1',
        'draft:HAS_MILESTONE acme-beta-x-1 x-1-approval',
      ]),
    );
  });
});
