import { describe, expect, it } from 'vitest';
import type { SeedRecord } from '../../../seed/format.ts';
import { Analysis } from '../../../seed/ingest/analysis.ts';
import { mentionAll as mentionEvery } from '../../../seed/ingest/extract/mentions.ts';
import { extractRegulatory } from '../../../seed/ingest/extract/regulatory/index.ts';
import { EntityRegistry } from '../../../seed/ingest/registry.ts';
import { splitSentences } from '../../../seed/ingest/sentences.ts';
import type { NodeKind } from '../../../server/model/kinds.ts';

/**
 * The regulatory rules on sentences, with what earlier rules would have found stated by hand: each drug, trial
 * and indication is mentioned wherever the text spells one of its names.
 */
interface Known {
  date?: string;
  drugs?: Record<string, string[]>;
  trials?: Record<string, string[]>;
  indications?: Record<string, string[]>;
  registry?: EntityRegistry;
  documentId?: string;
}

function analyse(text: string, known: Known = {}) {
  const sentences = splitSentences(text);
  const registry = known.registry ?? new EntityRegistry();
  const file = { file: 'doc.txt', format: 'text' as const, text };
  const analysis = new Analysis(known.documentId ?? 'doc', file, sentences, registry);
  analysis.date = known.date ?? '2013-09-20';
  const mentionAll = (label: NodeKind, id: string, names: string[]) =>
    mentionEvery(analysis, label, new Map(names.map((name) => [name, id])));
  for (const [id, names] of Object.entries(known.drugs ?? {})) mentionAll('Drug', id, names);
  for (const [id, names] of Object.entries(known.trials ?? {})) mentionAll('Trial', id, names);
  for (const [id, names] of Object.entries(known.indications ?? {})) mentionAll('Indication', id, names);
  extractRegulatory(analysis);
  const seed = analysis.draft.toSeedFile('sources/doc.txt');
  const events = (seed.regulatoryEvents ?? []).map(
    (record): SeedRecord => ({
      ...record,
      citedText: record.cite.map((key) => seed.sentences[key]),
    }),
  );
  return { analysis, seed, events };
}

const events = (text: string, known: Known = {}) => analyse(text, known).events;
const kadcyla = { drugs: { kadcyla: ['Kadcyla', 'trastuzumab emtansine', 'T-DM1'] } };
const DATE_LINE = 'September 20, 2013';

/** The fields the scorer and the graph read, without citations. */
const facts = ({
  agency,
  agencyName,
  eventType,
  status,
  date,
  datePrecision,
  region,
  concerns,
}: SeedRecord) => ({
  agency,
  agencyName,
  eventType,
  status,
  date,
  datePrecision,
  region,
  concerns,
});

describe('extractRegulatory', () => {
  it('reads an approval by a named regulator as done on or before the release date, citing the date line', () => {
    const [event, ...others] = events(
      `${DATE_LINE}\nThe Japanese Ministry of Health, Labor and Welfare (MHLW) has approved Kadcyla for the treatment of inoperable or recurrent HER2-positive breast cancer.`,
      kadcyla,
    );
    expect(others).toEqual([]);
    expect(facts(event as SeedRecord)).toEqual({
      agency: 'MHLW',
      agencyName: 'Ministry of Health, Labor and Welfare',
      eventType: 'APPROVAL',
      status: 'COMPLETED',
      date: '2013-09-20',
      datePrecision: 'ON_OR_BEFORE',
      region: 'japan',
      concerns: ['kadcyla'],
    });
    expect(event?.opensMarket).toEqual(['japan']);
    expect(event?.citedText).toContain(DATE_LINE);
  });

  it('splits an opinion and the decision expected after it into two events of their regulators', () => {
    const found = events(
      'CHMP has issued a positive opinion for Kadcyla, with the European Commission decision expected by the end of 2013.',
      kadcyla,
    );
    expect(found.map(facts)).toEqual([
      expect.objectContaining({
        agency: 'CHMP',
        eventType: 'POSITIVE_OPINION',
        status: 'COMPLETED',
        region: 'eu',
      }),
      expect.objectContaining({
        agency: 'European Commission',
        eventType: 'DECISION_EXPECTED',
        status: 'EXPECTED',
        date: '2013',
        datePrecision: 'BY_YEAR_END',
        region: 'eu',
        concerns: ['kadcyla'],
      }),
    ]);
  });

  it('merges a headline, a bullet and the body stating one event, and finds the drug a later sentence leaves out', () => {
    const found = events(
      [
        'CHMP has issued a positive opinion for Kadcyla, with the European Commission decision expected by the end of 2013.',
        "The EU's Committee for Medicinal Products for Human Use (CHMP) has recommended approval of Kadcyla for the treatment of adults with HER2-positive breast cancer.",
        'A decision by the European Commission is expected by year end.',
      ].join('\n'),
      kadcyla,
    );
    expect(found).toHaveLength(2);
    const [opinion, decision] = found;
    expect(opinion?.agencyName).toBe('Committee for Medicinal Products for Human Use');
    expect(opinion?.cite).toHaveLength(2);
    expect(decision?.citedText).toContain('A decision by the European Commission is expected by year end.');
  });

  it('reads a PDUFA goal date as the day of a decision expected, apart from the filing it was assigned with', () => {
    const found = events(
      [
        'The U.S. Food and Drug Administration (FDA) has officially accepted the Biologics License Application (BLA) for trastuzumab emtansine and granted it Priority Review.',
        'The FDA has assigned this BLA a Prescription Drug User Fee Act (PDUFA) goal date of February 26, 2013.',
      ].join('\n'),
      { ...kadcyla, date: '2012-11-06' },
    );
    expect(found.map(facts)).toEqual([
      expect.objectContaining({
        agency: 'FDA',
        eventType: 'FILING',
        status: 'COMPLETED',
        datePrecision: 'ON_OR_BEFORE',
      }),
      expect.objectContaining({
        eventType: 'DECISION_EXPECTED',
        status: 'EXPECTED',
        date: '2013-02-26',
        datePrecision: 'DAY',
      }),
    ]);
  });

  it('reads "earlier this year" as the release year and a region named without its regulator', () => {
    const [event] = events(
      `${DATE_LINE}\nKadcyla was approved for marketing in the US earlier this year.`,
      kadcyla,
    );
    expect(facts(event as SeedRecord)).toEqual(
      expect.objectContaining({
        eventType: 'APPROVAL',
        status: 'COMPLETED',
        date: '2013',
        datePrecision: 'YEAR',
        region: 'us',
      }),
    );
    expect(event?.agency).toBeUndefined();
  });

  it('reads a Complete Response Letter as a rejection and a planned submission as a filing expected', () => {
    const [crl] = events('The FDA has issued a Complete Response Letter for the Zentumab BLA.', {
      drugs: { zentumab: ['Zentumab'] },
    });
    expect(facts(crl as SeedRecord)).toEqual(
      expect.objectContaining({ eventType: 'REJECTION', status: 'COMPLETED' }),
    );
    const [plan] = events(
      'Acme plans to submit a Marketing Authorisation Application for Zentumab to the EMA in January 2025.',
      {
        drugs: { zentumab: ['Zentumab'] },
      },
    );
    expect(facts(plan as SeedRecord)).toEqual(
      expect.objectContaining({
        agency: 'EMA',
        eventType: 'FILING',
        status: 'EXPECTED',
        date: '2025-01',
        datePrecision: 'MONTH',
        region: 'eu',
      }),
    );
  });

  it('reads negative opinions and withdrawals', () => {
    const drugs = { drugs: { zentumab: ['Zentumab'] } };
    expect(events('The CHMP adopted a negative opinion on Zentumab.', drugs)[0]?.eventType).toBe(
      'NEGATIVE_OPINION',
    );
    expect(events('Acme has withdrawn the NDA for Zentumab from the NMPA.', drugs)[0]).toEqual(
      expect.objectContaining({ eventType: 'WITHDRAWAL', region: 'china', status: 'COMPLETED' }),
    );
  });

  it('reads Health Canada and an approval expected in a quarter as a decision expected', () => {
    const [event] = events('Health Canada approval of Zentumab is expected in the third quarter of 2025.', {
      drugs: { zentumab: ['Zentumab'] },
    });
    expect(facts(event as SeedRecord)).toEqual(
      expect.objectContaining({
        agency: 'Health Canada',
        eventType: 'DECISION_EXPECTED',
        status: 'EXPECTED',
        date: '2025-07',
        datePrecision: 'QUARTER',
        region: 'canada',
      }),
    );
  });

  it('states nothing for a condition, an approved test or a board approval', () => {
    const drugs = { drugs: { zentumab: ['Zentumab'] } };
    expect(events('Acme will receive $50 million upon FDA approval of Zentumab.', drugs)).toEqual([]);
    expect(events('Patients are selected for Zentumab based on an FDA-approved test.', drugs)).toEqual([]);
    expect(
      events('The transaction has been approved by the boards of directors of both companies.', drugs),
    ).toEqual([]);
  });

  it('keeps comparators and prior treatments out of the drugs an event concerns', () => {
    const [event, ...others] = events(
      'The FDA has granted marketing approval to Kadcyla for the treatment of people who have received prior treatment with Herceptin.',
      { drugs: { ...kadcyla.drugs, herceptin: ['Herceptin'] } },
    );
    expect(others).toEqual([]);
    expect(event?.concerns).toEqual(['kadcyla']);
  });

  it('links the trials an event is based on, in its sentence or the next, and the indication it covers', () => {
    const [event] = events(
      [
        'The EU’s CHMP has recommended approval of Kadcyla for HER2-positive metastatic breast cancer.',
        'This decision is based on the findings in the EMILIA Phase III trial.',
      ].join('\n'),
      {
        ...kadcyla,
        trials: { emilia: ['EMILIA'] },
        indications: { 'her2-mbc': ['HER2-positive metastatic breast cancer'] },
      },
    );
    expect(event?.basedOn).toEqual(['emilia']);
    expect(event?.covers).toEqual(['her2-mbc']);
  });

  it('records a mention of the event wherever a sentence names it, "This event" included', () => {
    const { analysis, events: found } = analyse(
      [
        'The Japanese MHLW has approved Kadcyla for marketing in Japan.',
        'This event triggers a $5 million milestone payment to ImmunoGen.',
      ].join('\n'),
      kadcyla,
    );
    const id = found[0]?.id;
    expect(analysis.mentionsIn(0, 'RegulatoryEvent').map((m) => m.id)).toEqual([id]);
    expect(analysis.mentionsIn(1, 'RegulatoryEvent').map((m) => m.id)).toEqual([id]);
  });

  it('is one event across the documents of a run: the decision expected becomes the approval', () => {
    const registry = new EntityRegistry();
    const first = analyse(
      'The FDA has assigned a PDUFA target action date of February 26, 2013 for trastuzumab emtansine.',
      {
        ...kadcyla,
        registry,
        documentId: 'first',
        date: '2012-11-06',
      },
    ).events;
    const later = analyse('The FDA has approved Kadcyla.', {
      ...kadcyla,
      registry,
      documentId: 'later',
      date: '2013-02-22',
    }).events;
    expect(first[0]?.eventType).toBe('DECISION_EXPECTED');
    expect(later[0]?.eventType).toBe('APPROVAL');
    expect(later[0]?.id).toBe(first[0]?.id);
  });
});
