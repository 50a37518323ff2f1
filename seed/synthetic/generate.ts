import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { SEED_DIR } from '../load.ts';
import { Random, Zipf } from './random.ts';

/**
 * A synthetic but realistic pipeline in the seed format: one registry document with the shared pools
 * (companies with parent groups, regions, targets, technologies, antibodies, payloads, linkers), then documents
 * of about `elementsPerDocument` nodes plus relationships each, one drug programme after another: the drug and
 * its components, indications, trials by phase, regulatory events by region with dates, and partnerships with
 * milestones and royalties. Companies are drawn by a Zipf law, so a few hubs hold many deals. Every record cites
 * a sentence that its document's source text contains. Each document is written as soon as it is full, so
 * memory stays bounded whatever the scale. The same scale and seed give the same bytes.
 */

export interface SyntheticOptions {
  /** Nodes plus relationships to generate, roughly. */
  scale: number;
  seed?: number;
  outDir: string;
  elementsPerDocument?: number;
}

export interface SyntheticResult {
  files: string[];
  elements: number;
  documents: number;
}

export const DEFAULT_ELEMENTS_PER_DOCUMENT = 3_000;

const REGIONS: [string, string, string, string][] = [
  ['syn-region-us', 'United States', 'US', 'FDA'],
  ['syn-region-eu', 'European Union', 'EU', 'EMA'],
  ['syn-region-japan', 'Japan', 'JP', 'PMDA'],
  ['syn-region-china', 'China', 'CN', 'NMPA'],
  ['syn-region-uk', 'United Kingdom', 'UK', 'MHRA'],
  ['syn-region-canada', 'Canada', 'CA', 'Health Canada'],
  ['syn-region-australia', 'Australia', 'AU', 'TGA'],
  ['syn-region-brazil', 'Brazil', 'BR', 'ANVISA'],
  ['syn-region-korea', 'South Korea', 'KR', 'MFDS'],
  ['syn-region-switzerland', 'Switzerland', 'CH', 'Swissmedic'],
];
const SYLLABLES = [
  'ar',
  've',
  'lo',
  'xi',
  'na',
  'tor',
  'qui',
  'zen',
  'mo',
  'ra',
  'cel',
  'dy',
  'pho',
  'tri',
  'gen',
  'vo',
];
const CITIES = [
  'Boston, Mass.',
  'Cambridge, Mass.',
  'South San Francisco, Calif.',
  'San Diego, Calif.',
  'Basel',
  'Tokyo',
  'Shanghai',
  'London',
  'Paris',
  'Seattle, Wash.',
  'Waltham, Mass.',
  'Copenhagen',
];
const EXCHANGES = ['Nasdaq', 'NYSE', 'SIX', 'TSE', 'LSE', 'HKEX'];
const DISEASES = [
  'breast cancer',
  'gastric cancer',
  'non-small cell lung cancer',
  'ovarian cancer',
  'multiple myeloma',
  'acute myeloid leukemia',
  'urothelial cancer',
  'colorectal cancer',
  'lymphoma',
  'pancreatic cancer',
];
const SETTINGS = [
  'metastatic',
  'early stage',
  'locally advanced',
  'relapsed or refractory',
  'recurrent',
  'advanced',
];
const LINES = ['first line', 'second line', 'third line or later'];
const PAYLOAD_CLASSES: [string, string][] = [
  ['maytansinoid', 'microtubule inhibitor'],
  ['auristatin', 'microtubule inhibitor'],
  ['camptothecin', 'topoisomerase I inhibitor'],
  ['pyrrolobenzodiazepine', 'DNA alkylator'],
  ['calicheamicin', 'DNA cleavage'],
];
const LINKER_TYPES = [
  'cleavable peptide',
  'non-cleavable thioether',
  'hydrazone',
  'disulfide',
  'glucuronide',
];
const MODALITIES: [string, number][] = [
  ['ADC', 0.4],
  ['ANTIBODY', 0.25],
  ['SMALL_MOLECULE', 0.25],
  ['BISPECIFIC', 0.1],
];
const MODALITY_WORDS: Record<string, string> = {
  ADC: 'an antibody-drug conjugate',
  ANTIBODY: 'an antibody',
  SMALL_MOLECULE: 'a small molecule',
  BISPECIFIC: 'a bispecific antibody',
};
const PHASES: [string, string, number][] = [
  ['PHASE_1', 'Phase I', 0.35],
  ['PHASE_1_2', 'Phase I/II', 0.1],
  ['PHASE_2', 'Phase II', 0.3],
  ['PHASE_3', 'Phase III', 0.25],
];

/** Counts nodes and relationships as the loader will: each record, each link, each sentence and its IN_DOCUMENT. */
class Counter {
  elements = 0;
  node(links = 0) {
    this.elements += 1 + links;
  }
}

type Json = Record<string, unknown>;

/** One source document being filled: its sentences (also its source text) and its records, by list. */
class DocumentBuilder {
  readonly sentences: [string, string][] = [];
  readonly lists = new Map<string, Json[]>();
  private sentenceCount = 0;

  constructor(
    readonly id: string,
    readonly header: Json,
    private readonly counter: Counter,
  ) {
    counter.node(1); // the document and its PUBLISHED link
  }

  sentence(text: string): string {
    this.sentenceCount += 1;
    const key = `s${this.sentenceCount}`;
    this.sentences.push([key, text]);
    this.counter.node(1); // Sentence and IN_DOCUMENT
    return key;
  }

  add(list: string, record: Json, links: number): void {
    const records = this.lists.get(list) ?? [];
    this.lists.set(list, records);
    records.push(record);
    this.counter.node(links);
  }

  render(schemaPath: string): { yaml: string; source: string } {
    const lines = [
      `# yaml-language-server: $schema=${schemaPath}`,
      '# Synthetic data (npm run seed:synthetic): realistic in shape, invented in content.',
      'document:',
    ];
    for (const [key, value] of Object.entries(this.header)) lines.push(`  ${key}: ${JSON.stringify(value)}`);
    lines.push('sentences:');
    for (const [key, text] of this.sentences) lines.push(`  ${key}: ${JSON.stringify(text)}`);
    for (const list of LIST_ORDER) {
      const records = this.lists.get(list);
      if (!records?.length) continue;
      lines.push(`${list}:`);
      for (const record of records) lines.push(`  - ${JSON.stringify(record)}`);
    }
    const title = this.header.title as string;
    const source = `${this.header.date}\n\n${title}\n\n${this.sentences.map(([, text]) => text).join('\n')}\n`;
    return { yaml: `${lines.join('\n')}\n`, source };
  }
}

const LIST_ORDER = [
  'companies',
  'regions',
  'targets',
  'technologies',
  'antibodies',
  'payloads',
  'linkers',
  'drugs',
  'indications',
  'trials',
  'regulatoryEvents',
  'partnerships',
];

const pad = (n: number, width = 6) => String(n).padStart(width, '0');

export async function generateSynthetic(options: SyntheticOptions): Promise<SyntheticResult> {
  const random = new Random(options.seed ?? 1);
  const perDocument = options.elementsPerDocument ?? DEFAULT_ELEMENTS_PER_DOCUMENT;
  const { outDir } = options;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'sources'), { recursive: true });
  const schemaPath = relative(outDir, join(SEED_DIR, 'schema', 'seed.schema.json'));
  const counter = new Counter();
  const files: string[] = [];
  let documentNumber = 0;

  const write = async (builder: DocumentBuilder) => {
    const { yaml, source } = builder.render(schemaPath);
    const file = join(outDir, `${builder.id}.yaml`);
    await writeFile(join(outDir, 'sources', `${builder.id}.txt`), source);
    await writeFile(file, yaml);
    files.push(file);
  };
  const dateOf = (year: number, month: number, day: number) => `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  const newDocument = (title: string, publisher: string) => {
    const id = `syn-doc-${pad(documentNumber, 5)}`;
    documentNumber += 1;
    const date = dateOf(random.int(2008, 2024), random.int(1, 12), random.int(1, 28));
    const header = {
      id,
      title,
      publisher,
      distributor: 'Synthetic Wire',
      place: random.pick(CITIES),
      date,
      sourceFile: `sources/${id}.txt`,
    };
    return new DocumentBuilder(id, header, counter);
  };

  // Pools, sized from the scale.
  const scale = Math.max(options.scale, 1_000);
  const companyCount = Math.max(20, Math.round(scale / 250));
  const groupCount = Math.max(3, Math.round(companyCount * 0.03));
  const names = new Set<string>();
  const uniqueName = (make: () => string) => {
    let name = make();
    for (let suffix = 2; names.has(name); suffix += 1) name = `${make()} ${suffix}`;
    names.add(name);
    return name;
  };
  const word = (syllables: number) => {
    let text = '';
    for (let i = 0; i < syllables; i += 1) text += random.pick(SYLLABLES);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const companies = Array.from({ length: companyCount }, (_, index) => ({
    id: `syn-co-${pad(index)}`,
    name: uniqueName(
      () =>
        `${word(random.int(2, 3))} ${index < groupCount ? 'Group' : random.pick(['Therapeutics', 'Biosciences', 'Pharma', 'Oncology', 'Bio'])}`,
    ),
    ticker: word(2).toUpperCase().slice(0, 4),
  }));
  const companyZipf = new Zipf(companyCount);
  const drawCompany = () => companies[companyZipf.draw(random)] as (typeof companies)[number];

  // The registry: everything the programmes draw from, in one or more documents.
  let registry = newDocument('Synthetic pipeline registry', (companies[0] as { id: string }).id);
  let registryStart = 0;
  const registryFull = async () => {
    if (counter.elements - registryStart < perDocument * 2) return;
    await write(registry);
    registry = newDocument('Synthetic pipeline registry (continued)', (companies[0] as { id: string }).id);
    registryStart = counter.elements;
  };
  for (const [index, company] of companies.entries()) {
    const isGroup = index < groupCount;
    const parent = !isGroup && random.chance(0.25) ? companies[random.int(0, groupCount - 1)] : undefined;
    const exchange = random.pick(EXCHANGES);
    const city = random.pick(CITIES);
    const kind = isGroup ? 'PHARMA' : random.chance(0.8) ? 'BIOTECH' : 'PHARMA';
    const key = registry.sentence(
      `${company.name} (${exchange}: ${company.ticker}) is a ${kind === 'PHARMA' ? 'pharmaceutical' : 'biotechnology'} company based in ${city}${parent ? `, a member of the ${parent.name}` : ''}.`,
    );
    const record: Json = {
      id: company.id,
      name: company.name,
      aliases: [company.ticker],
      ticker: company.ticker,
      exchange,
      headquarters: city,
      companyType: kind,
      cite: [key],
    };
    if (parent) record.memberOf = parent.id;
    registry.add('companies', record, parent ? 1 : 0);
    await registryFull();
  }
  for (const [id, name, alias] of REGIONS) {
    const key = registry.sentence(`${name} (${alias}) is a pharmaceutical market.`);
    registry.add('regions', { id, name, aliases: [alias], cite: [key] }, 0);
  }
  const nameOf = new Map<string, string>();
  const pool = (
    count: number,
    make: (index: number) => Json & { id: string },
    list: string,
    links: number,
  ) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const record = make(index);
      registry.add(list, record, links);
      ids.push(record.id);
      nameOf.set(record.id, record.name as string);
    }
    return ids;
  };
  const targets = pool(
    Math.max(10, Math.round(40 + scale / 20_000)),
    (index) => {
      const name = `${word(1).toUpperCase()}${random.int(1, 99)}-T${index}`;
      return {
        id: `syn-target-${pad(index, 4)}`,
        name,
        cite: [registry.sentence(`${name} is a tumor antigen.`)],
      };
    },
    'targets',
    0,
  );
  const technologies = pool(
    Math.max(5, Math.round(companyCount / 20)),
    (index) => {
      const owner = drawCompany();
      const name = `${word(2)} conjugation platform ${index}`;
      const key = registry.sentence(`${name} is a technology of ${owner.name}.`);
      return { id: `syn-tech-${pad(index, 4)}`, name, owner: owner.id, cite: [key] };
    },
    'technologies',
    1,
  );
  const antibodies = pool(
    Math.max(10, Math.round(scale / 2_500)),
    (index) => {
      const owner = drawCompany();
      const target = random.pick(targets);
      const name = `${word(2).toLowerCase()}${['tuzumab', 'ximab', 'lumab', 'zumab'][index % 4]}${index}`;
      return {
        id: `syn-ab-${pad(index, 5)}`,
        name,
        antibodyType: random.pick(['humanized IgG1', 'fully human IgG1', 'chimeric IgG1', 'humanized IgG4']),
        owner: owner.id,
        targets: [target],
        cite: [
          registry.sentence(`${name} is an antibody against ${nameOf.get(target)}, owned by ${owner.name}.`),
        ],
      };
    },
    'antibodies',
    2,
  );
  const payloads = pool(
    Math.round(20 + scale / 50_000),
    (index) => {
      const [payloadClass, mechanism] = random.pick(PAYLOAD_CLASSES);
      const owner = drawCompany();
      const name = `${word(1).toUpperCase()}-${payloadClass.slice(0, 3).toUpperCase()}${index}`;
      return {
        id: `syn-payload-${pad(index, 4)}`,
        name,
        payloadClass,
        mechanism,
        owner: owner.id,
        cite: [registry.sentence(`${name} is a ${payloadClass} payload (${mechanism}) of ${owner.name}.`)],
      };
    },
    'payloads',
    1,
  );
  const linkers = pool(
    Math.round(10 + scale / 100_000),
    (index) => {
      const linkerType = random.pick(LINKER_TYPES);
      const owner = drawCompany();
      const name = `${word(1)}Link-${index}`;
      return {
        id: `syn-linker-${pad(index, 4)}`,
        name,
        linkerType,
        owner: owner.id,
        cite: [registry.sentence(`${name} is a ${linkerType} linker of ${owner.name}.`)],
      };
    },
    'linkers',
    1,
  );
  await write(registry);
  const antibodyZipf = new Zipf(antibodies.length, 0.9);
  const payloadZipf = new Zipf(payloads.length, 1.2);
  const linkerZipf = new Zipf(linkers.length, 1.2);
  const regionZipf = new Zipf(REGIONS.length, 1.0);

  // Programmes, a document at a time.
  let drugNumber = 0;
  let document = newDocument('Synthetic pipeline update 1', drawCompany().id);
  let documentStart = counter.elements;
  while (counter.elements < scale) {
    if (counter.elements - documentStart >= perDocument) {
      await write(document);
      document = newDocument(`Synthetic pipeline update ${documentNumber}`, drawCompany().id);
      documentStart = counter.elements;
    }
    addProgramme(document, drugNumber);
    drugNumber += 1;
  }
  await write(document);
  return { files, elements: counter.elements, documents: documentNumber };

  function addProgramme(doc: DocumentBuilder, number: number) {
    const id = `syn-drug-${pad(number)}`;
    const developer = drawCompany();
    const [modality] = random.pickWeighted(MODALITIES, ([, share]) => share);
    const brand = `${word(2)}${random.pick(['a', 'o', 'ix', 'ra'])}`;
    const code = `${developer.ticker.slice(0, 3)}-${pad(number, 5)}`;
    const drug: Json = { id, name: brand, aliases: [code], modality };
    let links = 1; // developers
    const target = random.pick(targets);
    const targetName = nameOf.get(target) as string;
    drug.targets = [target];
    links += 1;
    let components = '';
    if (modality !== 'SMALL_MOLECULE') {
      const antibody = antibodies[antibodyZipf.draw(random)] as string;
      drug.antibody = antibody;
      links += 1;
      components = ` It is built on the antibody ${nameOf.get(antibody)}`;
      if (modality === 'ADC') {
        drug.payload = payloads[payloadZipf.draw(random)];
        drug.linker = linkers[linkerZipf.draw(random)];
        drug.technologies = [random.pick(technologies)];
        drug.genericName = `${nameOf.get(antibody)} ${random.pick(['vedotin', 'deruxtecan', 'emtansine', 'govitecan'])}`;
        links += 3;
        components += ` with the payload ${nameOf.get(drug.payload as string)} attached by the linker ${nameOf.get(drug.linker as string)}`;
      }
      components += '.';
    }
    drug.developers = [developer.id];
    const trialCount = random.int(1, 3);
    const phases = Array.from({ length: trialCount }, () =>
      random.pickWeighted(PHASES, ([, , share]) => share),
    );
    const topPhase = phases.reduce((best, phase) =>
      PHASES.indexOf(phase) > PHASES.indexOf(best) ? phase : best,
    );
    const approved = topPhase[0] === 'PHASE_3' && random.chance(0.4);
    drug.highestPhase = approved ? 'APPROVED' : topPhase[0];
    const drugKey = doc.sentence(
      `${brand} (${code}) is ${MODALITY_WORDS[modality]} of ${developer.name} directed at ${targetName}.${components}`,
    );
    drug.cite = [drugKey];

    // Indications: what the programme is investigated for.
    const indicationIds: string[] = [];
    const indicationCount = random.int(1, 2);
    drug.investigatedFor = [];
    for (let k = 0; k < indicationCount; k += 1) {
      const disease = random.pick(DISEASES);
      const setting = random.pick(SETTINGS);
      const line = random.pick(LINES);
      const indicationId = `${id}-ind-${k}`;
      const name = `${line} ${setting} ${targetName}-positive ${disease}`;
      const key = doc.sentence(`${brand} is being studied in ${name} (${indicationId}).`);
      doc.add(
        'indications',
        {
          id: indicationId,
          name,
          disease,
          biomarker: `${targetName}-positive`,
          setting,
          lineOfTherapy: line,
          cite: [key],
        },
        0,
      );
      (drug.investigatedFor as Json[]).push({
        ref: indicationId,
        sponsor: developer.id,
        status: 'ONGOING',
        cite: [key],
      });
      links += 1;
      indicationIds.push(indicationId);
    }
    doc.add('drugs', drug, links);

    // Trials by phase.
    const trialIds: string[] = [];
    phases.forEach(([phase, phaseName], k) => {
      const trialId = `${id}-trial-${k}`;
      const region = REGIONS[regionZipf.draw(random)] as (typeof REGIONS)[number];
      const name = `${word(2).toUpperCase()}-${number}${k}`;
      const key = doc.sentence(
        `The ${phaseName} trial ${name} (${trialId}) of ${brand} is run by ${developer.name} in ${region[1]}.`,
      );
      doc.add(
        'trials',
        {
          id: trialId,
          name,
          phase,
          status: random.pick(['ONGOING', 'COMPLETED']),
          endpoints: random.pick([
            ['overall survival'],
            ['progression-free survival', 'overall survival'],
            ['objective response rate'],
          ]),
          regions: [region[0]],
          tests: [{ ref: id, role: 'INVESTIGATIONAL' }],
          studies: [random.pick(indicationIds)],
          conductedBy: [developer.id],
          cite: [key],
        },
        4,
      );
      trialIds.push(trialId);
    });

    // Regulatory events for late programmes, by region, with dates of varying precision.
    const events: { id: string; completed: boolean }[] = [];
    if (topPhase[0] === 'PHASE_3') {
      const eventCount = random.int(1, 3);
      for (let k = 0; k < eventCount; k += 1) {
        const region = REGIONS[regionZipf.draw(random)] as (typeof REGIONS)[number];
        const eventType =
          approved && k === 0 ? 'APPROVAL' : random.pick(['FILING', 'POSITIVE_OPINION', 'DECISION_EXPECTED']);
        const completed = eventType !== 'DECISION_EXPECTED';
        const year = random.int(2008, 2026);
        const precision = completed ? random.pick(['DAY', 'MONTH', 'YEAR']) : 'BY_YEAR_END';
        const date =
          precision === 'DAY'
            ? dateOf(year, random.int(1, 12), random.int(1, 28))
            : precision === 'MONTH'
              ? `${year}-${pad(random.int(1, 12), 2)}`
              : String(year);
        const eventId = `${id}-event-${k}`;
        const verb = {
          APPROVAL: 'approved',
          FILING: 'accepted a filing for',
          POSITIVE_OPINION: 'issued a positive opinion on',
          DECISION_EXPECTED: 'is expected to decide on',
        }[eventType];
        const key = doc.sentence(`${region[3]} ${verb} ${brand} in ${region[1]} (${eventId}, ${date}).`);
        const event: Json = {
          id: eventId,
          name: `${region[3]} ${eventType.toLowerCase().replace('_', ' ')} for ${brand}`,
          agency: region[3],
          eventType,
          status: completed ? 'COMPLETED' : 'EXPECTED',
          date,
          datePrecision: precision,
          region: region[0],
          concerns: [id],
          covers: [random.pick(indicationIds)],
          cite: [key],
        };
        let eventLinks = 3;
        const pivotal = trialIds[phases.findIndex((phase) => phase[0] === 'PHASE_3')];
        if (pivotal) {
          event.basedOn = [pivotal];
          eventLinks += 1;
        }
        if (eventType === 'APPROVAL') {
          event.opensMarket = [region[0]];
          eventLinks += 1;
        }
        doc.add('regulatoryEvents', event, eventLinks);
        events.push({ id: eventId, completed });
      }
    }

    // A partnership for most programmes: hubs license the most.
    if (random.chance(0.6)) {
      let partner = drawCompany();
      if (partner.id === developer.id)
        partner = companies[(companies.indexOf(partner) + 1) % companies.length] as typeof partner;
      const partnershipId = `${id}-deal`;
      const upfront = random.int(5, 300);
      const key = doc.sentence(
        `${partner.name} licensed ${brand} from ${developer.name} (${partnershipId}) for $${upfront} million upfront, with milestone payments and royalties.`,
      );
      const milestones: Json[] = [];
      const milestoneCount = random.int(1, 3);
      for (let k = 0; k < milestoneCount; k += 1) {
        const event = events[k];
        const amount = random.int(1, 100) * 1_000_000;
        const milestoneId = `${partnershipId}-m${k}`;
        const status = event?.completed ? 'TRIGGERED' : 'PENDING';
        const milestoneKey = doc.sentence(
          `A $${amount / 1_000_000} million milestone (${milestoneId}) is ${status === 'TRIGGERED' ? 'triggered' : 'due'}${event ? ` on ${event.id}` : ' on a future event'}.`,
        );
        const milestone: Json = {
          id: milestoneId,
          name: `$${amount / 1_000_000} million milestone`,
          amount,
          currency: 'USD',
          status,
          payer: partner.id,
          payee: developer.id,
          cite: [milestoneKey, key],
        };
        if (event) milestone.triggeredBy = event.id;
        milestones.push(milestone);
        counter.node(3 + (event ? 1 : 0)); // milestone, HAS_MILESTONE, PAID_BY, PAID_TO (+ TRIGGERS)
      }
      const royalties: Json[] = [];
      if (random.chance(0.5)) {
        royalties.push({
          id: `${partnershipId}-royalty`,
          name: `Royalties on ${brand} net sales`,
          basis: 'net product sales',
          rate: random.int(2, 20) / 100,
          payer: partner.id,
          payee: developer.id,
          cite: [key],
        });
        counter.node(3);
      }
      const partnership: Json = {
        id: partnershipId,
        name: `${developer.name}–${partner.name} ${brand} license`,
        rights: random.pick([
          ['worldwide development', 'worldwide commercialization'],
          ['commercialization in Asia'],
          ['co-development', 'co-promotion in the US'],
        ]),
        territory: random.pick(['worldwide', 'Asia', 'US', 'ex-US']),
        status: random.pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ENDED']),
        parties: [
          { ref: developer.id, role: 'LICENSOR' },
          { ref: partner.id, role: 'LICENSEE' },
        ],
        drugs: [id],
        cite: [key],
      };
      if (milestones.length) partnership.milestones = milestones;
      if (royalties.length) partnership.royalties = royalties;
      doc.add('partnerships', partnership, 3);
    }
  }
}
