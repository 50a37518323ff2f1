import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { SEED_DIR } from '../load.ts';
import { type Day, dayBetween, dayOf, isoOf, monthsLater, yearOf } from './dates.ts';
import { Counter, DocumentBuilder, type Json } from './document.ts';
import { HISTORY_END, LATER_GAPS_MONTHS, LaterDocuments, ProgrammeHistory } from './later.ts';
import { Random, Zipf } from './random.ts';
import {
  CITIES,
  DISEASES,
  EXCHANGES,
  LINES,
  LINKER_TYPES,
  MODALITIES,
  MODALITY_WORDS,
  NEXT_PHASE,
  PAYLOAD_CLASSES,
  PHASES,
  type PhaseEntry,
  POPULATIONS,
  PRIOR_THERAPIES,
  REGIONS,
  type Region,
  SETTINGS,
  SYLLABLES,
} from './vocabulary.ts';

/**
 * A synthetic but realistic pipeline in the seed format: registry documents with the shared pools (companies with
 * parent groups, regions, targets, technologies, antibodies, payloads, linkers), dated first, then programme
 * documents of about `elementsPerDocument` nodes plus relationships each, one drug programme after another: the
 * drug and its components, indications, trials by phase, regulatory events by region with dates, and partnerships
 * with milestones and royalties. Companies are drawn by a Zipf law, so a few hubs hold many deals.
 *
 * Each programme document is followed by up to three later documents (later.ts) that add to what it stated, as
 * a pipeline's press releases do over the years: an expected decision taken (status, type and a precise date), the
 * milestone it triggers, a phase reached with a new trial, a trial completed, a new code name, a launch in a
 * region, a deal ended or amended. About one entity in six ends up stated by two or more documents.
 *
 * Every record cites sentences that its document's source text contains. Each programme document and its later
 * documents are written as soon as the programme document is full, so memory stays bounded whatever the scale.
 * The same scale and seed give the same bytes.
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
  /** Nodes plus relationships, each counted once however many documents state it. */
  elements: number;
  /** Source documents: registry, programme and later documents. */
  documents: number;
}

export const DEFAULT_ELEMENTS_PER_DOCUMENT = 3_000;

/** The registry is dated before everything else, so that it is known as of any day a programme is. */
const REGISTRY_DAY = dayOf(2007, 1, 2);
/** Programme documents are dated in this range; their later documents up to HISTORY_END. */
const FIRST_PROGRAMME_DAY = dayOf(2008, 1, 1);
const LAST_PROGRAMME_DAY = dayOf(2021, 12, 28);
/** How far back a completed regulatory event may be from the document that reports it. */
const EVENT_LOOKBACK_MONTHS = 36;

/** How often each kind of later statement happens (per candidate, when a later document exists). */
const SHARE = {
  /** An expected decision is taken, and a later document says so. */
  decisionTaken: 0.85,
  /** The decision taken is an approval (else a rejection). */
  approval: 0.8,
  /** An approved drug is launched by its marketer in the approval's region. */
  launch: 0.5,
  /** A launched drug is launched in one more region. */
  furtherLaunch: 0.3,
  /** A programme below Phase III moves to the next phase with a new trial. */
  advance: 0.2,
  /** An ongoing trial completes. */
  trialCompletes: 0.12,
  /** A drug gets a new code name. */
  newAlias: 0.08,
  /** A milestone not tied to a regulatory event is triggered. */
  milestoneTriggered: 0.2,
  /** A milestone's amount is amended. */
  milestoneAmended: 0.06,
  /** An active deal ends. */
  dealEnds: 0.1,
} as const;

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
  let registryDay = REGISTRY_DAY;

  const write = async (builder: DocumentBuilder) => {
    const { yaml, source } = builder.render(schemaPath);
    const file = join(outDir, `${builder.id}.yaml`);
    await writeFile(join(outDir, 'sources', `${builder.id}.txt`), source);
    await writeFile(file, yaml);
    files.push(file);
  };
  const builderOf = (id: string, title: string, publisher: string, day: Day) =>
    new DocumentBuilder(
      id,
      {
        id,
        title,
        publisher,
        distributor: 'Synthetic Wire',
        place: random.pick(CITIES),
        date: isoOf(day),
        sourceFile: `sources/${id}.txt`,
      },
      counter,
    );
  const newDocument = (title: string, publisher: string, day: Day) => {
    const number = documentNumber;
    documentNumber += 1;
    return { number, builder: builderOf(`syn-doc-${pad(number, 5)}`, title, publisher, day) };
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
  /** A word not in `taken` (then added): `make(longer)`, one syllable longer after every three clashes. */
  const freshWord = (taken: Set<string>, make: (longer: number) => string) => {
    for (let clashes = 0; ; clashes += 1) {
      const text = make(Math.floor(clashes / 3));
      if (!taken.has(text)) {
        taken.add(text);
        return text;
      }
    }
  };
  // Tickers and brands are unique, so that the loader's likely-duplicate check has nothing to say about them.
  const tickers = new Set<string>();
  const brands = new Set<string>();
  const companies = Array.from({ length: companyCount }, (_, index) => ({
    id: `syn-co-${pad(index)}`,
    name: uniqueName(
      () =>
        `${word(random.int(2, 3))} ${index < groupCount ? 'Group' : random.pick(['Therapeutics', 'Biosciences', 'Pharma', 'Oncology', 'Bio'])}`,
    ),
    ticker: freshWord(tickers, (longer) =>
      word(2 + longer)
        .toUpperCase()
        .slice(0, 4 + longer),
    ),
  }));
  type Company = (typeof companies)[number];
  const companyZipf = new Zipf(companyCount);
  const drawCompany = () => companies[companyZipf.draw(random)] as Company;
  const registryPublisher = (companies[0] as Company).id;

  // The registry: everything the programmes draw from, in one or more documents.
  let registry = newDocument('Synthetic pipeline registry', registryPublisher, registryDay).builder;
  let registryStart = 0;
  const registryFull = async () => {
    if (counter.elements - registryStart < perDocument * 2) return;
    await write(registry);
    registryDay += 1;
    registry = newDocument('Synthetic pipeline registry (continued)', registryPublisher, registryDay).builder;
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
  const drawRegion = () => REGIONS[regionZipf.draw(random)] as Region;

  // Programmes, a document at a time, each document with its later documents.
  interface ProgrammeDocument {
    builder: DocumentBuilder;
    day: Day;
    later: LaterDocuments;
  }
  const newProgrammeDocument = (): ProgrammeDocument => {
    const publisher = drawCompany().id;
    const day = dayBetween(random, FIRST_PROGRAMME_DAY, LAST_PROGRAMME_DAY);
    const { number, builder } = newDocument(`Synthetic pipeline update ${documentNumber}`, publisher, day);
    const days: Day[] = [];
    let laterDay = day;
    for (const [min, max] of LATER_GAPS_MONTHS) {
      laterDay = monthsLater(random, laterDay, random.int(min, max));
      if (laterDay > HISTORY_END) break;
      days.push(laterDay);
    }
    const later = new LaterDocuments(days, (slot) =>
      builderOf(
        `syn-update-${pad(number, 5)}-${slot + 1}`,
        `Synthetic pipeline update ${number}: later developments (${slot + 1})`,
        publisher,
        days[slot] as Day,
      ),
    );
    return { builder, day, later };
  };
  const writeProgrammeDocument = async (document: ProgrammeDocument) => {
    await write(document.builder);
    for (const builder of document.later.opened()) await write(builder);
  };

  let drugNumber = 0;
  let document = newProgrammeDocument();
  let documentStart = counter.elements;
  while (counter.elements < scale) {
    if (counter.elements - documentStart >= perDocument) {
      await writeProgrammeDocument(document);
      document = newProgrammeDocument();
      documentStart = counter.elements;
    }
    addProgramme(document, drugNumber);
    drugNumber += 1;
  }
  await writeProgrammeDocument(document);
  return { files, elements: counter.elements, documents: files.length };

  function addProgramme({ builder: doc, day: docDay, later }: ProgrammeDocument, number: number) {
    const history = new ProgrammeHistory(later);
    const laterSlot = (from = 0) => random.int(from, history.length - 1);
    const id = `syn-drug-${pad(number)}`;
    const developer = drawCompany();
    const [modality] = random.pickWeighted(MODALITIES, ([, share]) => share);
    const brand = freshWord(brands, (longer) => `${word(2 + longer)}${random.pick(['a', 'o', 'ix', 'ra'])}`);
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
    const partner = random.chance(0.6) ? partnerOf(developer) : undefined;
    const marketer = partner ?? developer;

    // Indications: what the programme is investigated for.
    const indicationIds: string[] = [];
    const indicationCount = random.int(1, 2);
    drug.investigatedFor = [];
    for (let k = 0; k < indicationCount; k += 1) {
      const disease = random.pick(DISEASES);
      const setting = random.pick(SETTINGS);
      const line = random.pick(LINES);
      const priorTherapy = line === LINES[0] ? undefined : random.pick(PRIOR_THERAPIES);
      const population = random.pick(POPULATIONS) || undefined;
      const indicationId = `${id}-ind-${k}`;
      const name = `${line} ${setting} ${targetName}-positive ${disease}${priorTherapy ? ` after ${priorTherapy}` : ''}${population ? ` in ${population}` : ''}`;
      const key = doc.sentence(`${brand} is being studied in ${name} (${indicationId}).`);
      const indication: Json = {
        id: indicationId,
        name,
        disease,
        biomarker: `${targetName}-positive`,
        setting,
        lineOfTherapy: line,
        cite: [key],
      };
      if (priorTherapy) indication.priorTherapy = priorTherapy;
      if (population) indication.population = population;
      doc.add('indications', indication, 0);
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
    /** `from`: the first later document that may say more about the trial (0 for the programme document's). */
    const trials: { id: string; name: string; phase: PhaseEntry; ongoing: boolean; from: number }[] = [];
    const addTrial = (
      at: DocumentBuilder | number,
      phase: PhaseEntry,
      k: number,
      status: string,
      verb = 'is run by',
    ) => {
      const trialId = `${id}-trial-${k}`;
      const region = drawRegion();
      const name = `${word(2).toUpperCase()}-${number}${k}`;
      const text = `The ${phase[1]} trial ${name} (${trialId}) of ${brand} ${verb} ${developer.name} in ${region[1]}.`;
      const key = typeof at === 'number' ? history.sentence(at, text) : at.sentence(text);
      const record = {
        id: trialId,
        name,
        phase: phase[0],
        status,
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
      };
      if (typeof at === 'number') history.add(at, 'trials', record, 4);
      else at.add('trials', record, 4);
      const from = typeof at === 'number' ? at + 1 : 0;
      trials.push({ id: trialId, name, phase, ongoing: status === 'ONGOING', from });
      return key;
    };
    phases.forEach((phase, k) => {
      addTrial(doc, phase, k, random.pick(['ONGOING', 'COMPLETED']));
    });

    // Regulatory events for late programmes, by region, with dates of varying precision. An expected decision
    // may be taken in a later document, which then gives its type, outcome and day.
    const events: { id: string; completed: boolean; decision?: { slot: number; approved: boolean } }[] = [];
    const approvals: { slot: number | null; region: Region; key: string }[] = [];
    if (topPhase[0] === 'PHASE_3') {
      const eventCount = random.int(1, 3);
      const pivotal = trials.find((trial) => trial.phase[0] === 'PHASE_3')?.id;
      const eventRegions = new Set<Region>();
      for (let k = 0; k < eventCount; k += 1) {
        // One event per region and programme (a later document may turn it into another kind).
        let region = drawRegion();
        while (eventRegions.has(region)) region = drawRegion();
        eventRegions.add(region);
        const eventType =
          approved && k === 0 ? 'APPROVAL' : random.pick(['FILING', 'POSITIVE_OPINION', 'DECISION_EXPECTED']);
        const completed = eventType !== 'DECISION_EXPECTED';
        let date: string;
        let precision: string;
        let decision: { slot: number; approved: boolean; day: Day } | undefined;
        if (completed) {
          const day = dayBetween(random, docDay - EVENT_LOOKBACK_MONTHS * 28, docDay);
          precision = random.pick(['DAY', 'MONTH', 'YEAR']);
          date = isoOf(day, precision as 'DAY' | 'MONTH' | 'YEAR');
        } else {
          precision = 'BY_YEAR_END';
          if (history.length && random.chance(SHARE.decisionTaken)) {
            const slot = history.length === 1 || random.chance(0.6) ? 0 : 1;
            const day = dayBetween(random, docDay + 1, history.day(slot));
            decision = { slot, approved: random.chance(SHARE.approval), day };
            date = String(yearOf(day));
          } else {
            date = String(yearOf(docDay) + random.int(0, 1));
          }
        }
        const eventId = `${id}-event-${k}`;
        const verb = {
          APPROVAL: 'approved',
          FILING: 'accepted a filing for',
          POSITIVE_OPINION: 'issued a positive opinion on',
          DECISION_EXPECTED: 'is expected to decide on',
        }[eventType];
        const key = doc.sentence(`${region[3]} ${verb} ${brand} in ${region[1]} (${eventId}, ${date}).`);
        const covers = random.pick(indicationIds);
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
          covers: [covers],
          cite: [key],
        };
        let eventLinks = 3;
        if (pivotal) {
          event.basedOn = [pivotal];
          eventLinks += 1;
        }
        if (eventType === 'APPROVAL') {
          event.opensMarket = [region[0]];
          eventLinks += 1;
          approvals.push({ slot: null, region, key });
        }
        doc.add('regulatoryEvents', event, eventLinks);
        events.push({ id: eventId, completed, decision });
        if (decision) {
          const { slot, day } = decision;
          const iso = isoOf(day);
          const decisionKey = history.sentence(
            slot,
            decision.approved
              ? `${region[3]} approved ${brand} in ${region[1]} on ${iso} (${eventId}).`
              : `${region[3]} declined to approve ${brand} in ${region[1]} on ${iso} (${eventId}).`,
          );
          const taken = history.record(slot, 'regulatoryEvents', eventId, decisionKey);
          Object.assign(taken, {
            name: `${region[3]} ${decision.approved ? 'approval' : 'rejection'} for ${brand}`,
            eventType: decision.approved ? 'APPROVAL' : 'REJECTION',
            status: 'COMPLETED',
            date: iso,
            datePrecision: 'DAY',
          });
          if (decision.approved) {
            history.link(slot, taken, 'opensMarket', { ref: region[0] }, true);
            const drugUpdate = history.record(slot, 'drugs', id, decisionKey);
            drugUpdate.highestPhase = 'APPROVED';
            history.link(
              slot,
              drugUpdate,
              'investigatedFor',
              { ref: covers, status: 'COMPLETED', cite: [decisionKey] },
              false,
            );
            approvals.push({ slot, region, key: decisionKey });
          }
        }
      }
    }

    // Launches: the marketer (the licensee, when there is one) in the approval's region, then perhaps another.
    if (history.length) {
      const launched = new Set<string>();
      const launch = (slot: number, region: Region) => {
        if (launched.has(region[0])) return;
        launched.add(region[0]);
        const key = history.sentence(slot, `${marketer.name} launched ${brand} in ${region[1]}.`);
        const drugUpdate = history.record(slot, 'drugs', id, key);
        history.link(
          slot,
          drugUpdate,
          'marketers',
          { ref: marketer.id, region: region[0], cite: [key] },
          true,
        );
      };
      for (const approval of approvals) {
        if (!random.chance(SHARE.launch)) continue;
        const slot = approval.slot ?? laterSlot();
        launch(slot, approval.region);
        if (slot + 1 < history.length && random.chance(SHARE.furtherLaunch)) launch(slot + 1, drawRegion());
      }
    }

    // A programme below Phase III moves on: its lead trial completes and a trial of the next phase starts.
    const next = NEXT_PHASE[topPhase[0]];
    if (!approved && next && history.length && random.chance(SHARE.advance)) {
      const slot = laterSlot();
      const lead = trials.find((trial) => trial.phase === topPhase) as (typeof trials)[number];
      const phase = PHASES.find(([value]) => value === next) as PhaseEntry;
      if (lead.ongoing) completeTrial(slot, lead, 'met its primary endpoint');
      const key = addTrial(slot, phase, trials.length, 'ONGOING', 'was started by');
      history.record(slot, 'drugs', id, key).highestPhase = phase[0];
    }
    for (const trial of trials) {
      if (trial.ongoing && trial.from < history.length && random.chance(SHARE.trialCompletes)) {
        completeTrial(
          laterSlot(trial.from),
          trial,
          random.pick(['met its primary endpoint', 'did not meet its primary endpoint']),
        );
      }
    }

    // A new code name, as when a partner takes a programme over.
    if (history.length && random.chance(SHARE.newAlias)) {
      const slot = laterSlot();
      const alias = `${marketer.ticker.slice(0, 2)}${pad(number, 5)}`;
      const key = history.sentence(slot, `${brand} (${code}) is also known as ${alias}.`);
      history.record(slot, 'drugs', id, key).aliases = [alias];
    }

    if (partner) addPartnership(partner);
    history.flush();

    function completeTrial(slot: number, trial: (typeof trials)[number], outcome: string) {
      trial.ongoing = false;
      const key = history.sentence(
        slot,
        `The ${trial.phase[1]} trial ${trial.name} (${trial.id}) of ${brand} completed and ${outcome}.`,
      );
      Object.assign(history.record(slot, 'trials', trial.id, key), { status: 'COMPLETED', outcome });
    }

    // A partnership for most programmes: hubs license the most.
    function addPartnership(partner: Company) {
      const partnershipId = `${id}-deal`;
      const upfront = random.int(5, 300);
      const key = doc.sentence(
        `${partner.name} licensed ${brand} from ${developer.name} (${partnershipId}) for $${upfront} million upfront, with milestone payments and royalties.`,
      );
      const milestones: Json[] = [];
      const milestoneCount = random.int(1, 3);
      let lastSlot = -1;
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
          name: `${brand} milestone ${k + 1}, $${amount / 1_000_000} million`,
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

        // Later: triggered by its event's approval, or by a development step; or its amount amended.
        let slot: number | undefined;
        let said: string | undefined;
        if (event?.decision?.approved) {
          slot = event.decision.slot;
          said = `The $${amount / 1_000_000} million milestone (${milestoneId}) was triggered by ${event.id}.`;
        } else if (!event && history.length && random.chance(SHARE.milestoneTriggered)) {
          slot = laterSlot();
          said = `${partner.name} paid ${developer.name} the $${amount / 1_000_000} million milestone (${milestoneId}).`;
        }
        if (slot !== undefined && said) {
          const triggerKey = history.sentence(slot, said);
          history.milestone(slot, partnershipId, milestoneId, triggerKey).status = 'TRIGGERED';
          lastSlot = Math.max(lastSlot, slot);
        }
        if (history.length && random.chance(SHARE.milestoneAmended)) {
          const amendSlot = laterSlot();
          const raised = amount + random.int(1, 50) * 1_000_000;
          const amendKey = history.sentence(
            amendSlot,
            `${partner.name} and ${developer.name} raised the milestone ${milestoneId} to $${raised / 1_000_000} million.`,
          );
          Object.assign(history.milestone(amendSlot, partnershipId, milestoneId, amendKey), {
            name: `${brand} milestone ${k + 1}, $${raised / 1_000_000} million`,
            amount: raised,
          });
          lastSlot = Math.max(lastSlot, amendSlot);
        }
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
      const status = random.pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ENDED']);
      const partnership: Json = {
        id: partnershipId,
        name: `${developer.name}–${partner.name} ${brand} license`,
        rights: random.pick([
          ['worldwide development', 'worldwide commercialization'],
          ['commercialization in Asia'],
          ['co-development', 'co-promotion in the US'],
        ]),
        territory: random.pick(['worldwide', 'Asia', 'US', 'ex-US']),
        status,
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

      // An active deal may end, after everything else later documents say about it.
      const endSlot = Math.max(lastSlot, 0);
      if (status === 'ACTIVE' && endSlot < history.length && random.chance(SHARE.dealEnds)) {
        const slot = laterSlot(endSlot);
        const endKey = history.sentence(
          slot,
          `${partner.name} returned the rights to ${brand} to ${developer.name}, ending ${partnershipId}.`,
        );
        history.record(slot, 'partnerships', partnershipId, endKey).status = 'ENDED';
      }
    }
  }

  function partnerOf(developer: Company): Company {
    const partner = drawCompany();
    return partner.id === developer.id
      ? (companies[(companies.indexOf(partner) + 1) % companies.length] as Company)
      : partner;
  }
}
