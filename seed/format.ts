import { z } from 'zod';
import type { NodeKind, RelationshipType } from '../server/model/kinds.ts';

/**
 * The seed file format, defined once. The loader validates with these schemas, `seed/schema/seed.schema.json`
 * is generated from them (`npm run seed -- --write-json-schema`), and the relationship tables below say which
 * field becomes which relationship. docs/model.md describes the graph they produce.
 */

export const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
export const SENTENCE_KEY_PATTERN = /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/;

/** Messages that say "missing" when the field is absent and "expected …" when it has the wrong type. */
const expecting = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing: expected ${what}` : `expected ${what}`,
});

const Id = z
  .string(expecting('an id (a lower-case slug such as "kadcyla")'))
  .regex(
    ID_PATTERN,
    'expected an id: lower-case letters, digits and single dashes, such as "roche-immunogen-kadcyla"',
  );

const SentenceKey = z
  .string(expecting('a sentence key'))
  .regex(SENTENCE_KEY_PATTERN, 'expected a sentence key: letters, digits, "-" or "_"');

/** `<document id>#<sentence key>`: a sentence of another document, stated by another file or in the graph. */
export const SENTENCE_REF_PATTERN = new RegExp(
  `^${ID_PATTERN.source.slice(1, -1)}#${SENTENCE_KEY_PATTERN.source.slice(1, -1)}$`,
);
const CITE_ENTRY_PATTERN = new RegExp(
  `^(?:${ID_PATTERN.source.slice(1, -1)}#)?${SENTENCE_KEY_PATTERN.source.slice(1, -1)}$`,
);

/** A cite entry: a key of this file's `sentences`, or `<document id>#<key>` for another document's sentence. */
const CiteEntry = z.string(expecting('a sentence key')).regex(CITE_ENTRY_PATTERN, {
  error: (issue) =>
    typeof issue.input === 'string' && issue.input.includes('#')
      ? 'expected <document id>#<sentence key>: a document id (lower-case letters, digits, single dashes or dots), "#", then a sentence key (letters, digits, "-" or "_"), such as "inn-stem-table#deruxtecan"'
      : 'expected a sentence key: letters, digits, "-" or "_" (or <document id>#<sentence key> for a sentence of another document)',
});

const Cite = z
  .array(CiteEntry, expecting('a list of sentence keys'))
  .min(1, 'expected at least one sentence key')
  .describe(
    'Keys (in `sentences`) of the sentences that state this fact; `<document id>#<key>` cites a sentence of another document, stated by another file of the load or already in the graph.',
  );

const Text = z.string(expecting('text')).min(1, 'expected non-empty text');
const Texts = z.array(Text, expecting('a list of texts'));
const Aliases = Texts.describe('Other names, former names and code names; searched by full text.');

/** A reference to another record: a bare id, or `{ref, cite, ...properties}` when it needs its own citation. */
function link<T extends z.ZodRawShape>(what: string, extra: T, required = false) {
  const object = z
    .object({
      ref: Id.describe(`The id of the ${what}.`),
      cite: Cite.optional().describe('Sentences that state this relationship, when not the record’s own.'),
      ...extra,
    })
    .strict();
  if (required) return object;
  return z.union([Id, object], {
    error: `expected the id of a ${what} or {ref: <id>, cite: [<sentence keys>]}`,
  });
}

const many = <T extends z.ZodType>(item: T) => z.array(item, expecting('a list'));

export const NCT_ID_PATTERN = /^NCT\d{8}$/;
export const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const LooseDate = z
  .string(expecting('a date such as 2013, 2013-09 or 2013-09-20'))
  .regex(DATE_PATTERN, 'expected a date such as 2013, 2013-09 or 2013-09-20 (only as precise as the text)');
const Day = z
  .string(expecting('a date such as 2013-09-20'))
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'expected a date such as 2013-09-20');

export const DatePrecision = z.enum(['DAY', 'MONTH', 'QUARTER', 'YEAR', 'BY_YEAR_END', 'ON_OR_BEFORE']);
export const CompanyType = z.enum(['BIOTECH', 'PHARMA', 'COMMUNICATIONS', 'NEWS_SERVICE', 'CRO', 'OTHER']);
export const Modality = z.enum([
  'ADC',
  'ANTIBODY',
  'BISPECIFIC',
  'SMALL_MOLECULE',
  'PEPTIDE',
  'CELL_THERAPY',
  'GENE_THERAPY',
  'VACCINE',
  'OTHER',
]);
export const Phase = z.enum(['PHASE_1', 'PHASE_1_2', 'PHASE_2', 'PHASE_2_3', 'PHASE_3', 'PHASE_4']);
export const DevelopmentStage = z.enum([
  'PRECLINICAL',
  'PHASE_1',
  'PHASE_1_2',
  'PHASE_2',
  'PHASE_2_3',
  'PHASE_3',
  'FILED',
  'APPROVED',
]);
export const EventType = z.enum([
  'APPROVAL',
  'POSITIVE_OPINION',
  'NEGATIVE_OPINION',
  'DECISION_EXPECTED',
  'FILING',
  'REJECTION',
  'WITHDRAWAL',
]);
export const EventStatus = z.enum(['COMPLETED', 'EXPECTED']);
export const PartyRole = z.enum(['LICENSOR', 'LICENSEE', 'PARTNER', 'ACQUIRER', 'ACQUIRED']);
export const DealType = z.enum(['LICENSE', 'COLLABORATION', 'OPTION', 'ACQUISITION']);
export const PartnershipStatus = z.enum(['ACTIVE', 'ENDED', 'PROPOSED']);
export const MilestoneStatus = z.enum(['TRIGGERED', 'PENDING', 'PAID']);
export const TrialStatus = z.enum(['PLANNED', 'ONGOING', 'COMPLETED', 'TERMINATED']);
export const TestRole = z.enum(['INVESTIGATIONAL', 'COMPARATOR']);
export const Audience = z.enum(['INVESTORS', 'MEDIA']);
export const StudyStatus = z.enum(['PLANNED', 'ONGOING', 'COMPLETED']);
/** ClinicalTrials.gov's study type, as the registry gives it. */
export const StudyType = z.enum(['INTERVENTIONAL', 'OBSERVATIONAL', 'EXPANDED_ACCESS']);
/** ClinicalTrials.gov's overall status, as the registry gives it (`status` is ours, derived from it). */
export const RegistryStatus = z.enum([
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'COMPLETED',
  'WITHDRAWN',
  'UNKNOWN',
  'AVAILABLE',
  'NO_LONGER_AVAILABLE',
  'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING',
  'WITHHELD',
]);
/** ClinicalTrials.gov's phase values, as the registry gives them (`phase` is ours, derived from them). */
export const RegistryPhase = z.enum(['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA']);
/** Whether a registry date or count is what happened or what is planned. */
export const ActualOrEstimated = z.enum(['ACTUAL', 'ESTIMATED']);
/** ClinicalTrials.gov's sponsor class (`leadSponsor.class`, `collaborators[].class`). */
export const SponsorClass = z.enum([
  'INDUSTRY',
  'NIH',
  'FED',
  'OTHER_GOV',
  'INDIV',
  'NETWORK',
  'AMBIG',
  'OTHER',
  'UNKNOWN',
]);

const base = {
  id: Id.describe('Stable, readable id: one entity, whichever files state things about it.'),
  name: Text.optional().describe('What the UI shows; required where an entity is first stated.'),
  aliases: Aliases.optional(),
  description: Text.optional(),
  cite: Cite,
};

const Company = z
  .object({
    ...base,
    ticker: Text.optional(),
    exchange: Text.optional(),
    headquarters: Text.optional(),
    companyType: CompanyType.optional(),
    website: Text.optional(),
    whollyOwnedClinicalCandidates: z.number().int().min(0).optional(),
    sponsorClass: SponsorClass.optional().describe('The class ClinicalTrials.gov gives it as a sponsor.'),
    memberOf: link('parent company', {}).optional().describe('The group this company is a member of.'),
  })
  .strict();

const Person = z
  .object({
    ...base,
    phone: Text.optional(),
    email: Text.optional(),
    worksFor: many(link('company', { title: Text.optional() })).optional(),
    quotedIn: many(link('source document', { quote: Text.optional() })).optional(),
    contactFor: many(link('source document', { audience: Audience }, true)).optional(),
  })
  .strict();

const Drug = z
  .object({
    ...base,
    genericName: Text.optional(),
    modality: Modality.optional(),
    highestPhase: DevelopmentStage.optional(),
    antibody: link('antibody', {}).optional(),
    payload: link('payload', {}).optional(),
    linker: link('linker', {}).optional(),
    targets: many(link('target', {})).optional(),
    technologies: many(link('technology', {})).optional(),
    developers: many(link('company', {})).optional(),
    marketers: many(
      link('company', { region: Id.describe('The region id where it markets the drug.') }, true),
    )
      .optional()
      .describe('Companies that market the drug, each with the region.'),
    trademarkHolders: many(link('company', {})).optional(),
    investigatedFor: many(
      link('indication', { sponsor: Id.optional().describe('Company id'), status: StudyStatus.optional() }),
    ).optional(),
  })
  .strict();

const component = {
  ...base,
  owner: link('company', {}).optional().describe('The company whose component this is.'),
};

const Antibody = z
  .object({ ...component, antibodyType: Text.optional(), targets: many(link('target', {})).optional() })
  .strict();
const Payload = z
  .object({ ...component, payloadClass: Text.optional(), mechanism: Text.optional() })
  .strict();
const Linker = z.object({ ...component, linkerType: Text.optional() }).strict();
const Technology = z.object(component).strict();
const Target = z.object(base).strict();
const Region = z.object(base).strict();

/** The trial's loose dates; each has a `…Type` (ACTUAL | ESTIMATED) and is stored with a sort date. */
export const TRIAL_DATES = ['startDate', 'primaryCompletionDate', 'completionDate'] as const;

/** The stored property that orders a loose date: `startDate` → `startSortDate`. */
export const sortDatePropertyOf = (field: string) => field.replace(/Date$/, 'SortDate');

const NctId = z
  .string(expecting('an NCT id such as NCT01120184'))
  .regex(NCT_ID_PATTERN, 'expected an NCT id: "NCT" and 8 digits, such as NCT01120184');

const Trial = z
  .object({
    ...base,
    nctId: NctId.optional().describe('The ClinicalTrials.gov id (also in `aliases`, so search finds it).'),
    officialTitle: Text.optional(),
    acronym: Text.optional(),
    studyType: StudyType.optional(),
    registryStatus: RegistryStatus.optional().describe('The registry’s overall status, as it gives it.'),
    phases: many(RegistryPhase)
      .optional()
      .describe('The registry’s phases, as it gives them; `phase` is ours.'),
    startDate: LooseDate.optional(),
    startDateType: ActualOrEstimated.optional(),
    primaryCompletionDate: LooseDate.optional(),
    primaryCompletionDateType: ActualOrEstimated.optional(),
    completionDate: LooseDate.optional(),
    completionDateType: ActualOrEstimated.optional(),
    enrollment: z.number(expecting('a number')).int('expected a whole number').min(0).optional(),
    enrollmentType: ActualOrEstimated.optional(),
    lastUpdate: Day.optional().describe('The day the registry record was last updated.'),
    phase: Phase.optional(),
    design: Text.optional(),
    comparator: Text.optional(),
    endpoints: Texts.optional(),
    outcome: Text.optional(),
    status: TrialStatus.optional(),
    regions: many(link('region', {})).optional(),
    tests: many(link('drug', { role: TestRole.optional() })).optional(),
    studies: many(link('indication', {})).optional(),
    conductedBy: many(link('company', {})).optional(),
  })
  .strict()
  .superRefine((trial, ctx) => {
    for (const field of [...TRIAL_DATES, 'enrollment'] as const) {
      if (trial[`${field}Type`] !== undefined && trial[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `expected ${field} with ${field}Type` });
      }
    }
  });

const Indication = z
  .object({
    ...base,
    disease: Text.optional(),
    biomarker: Text.optional(),
    setting: Text.optional(),
    lineOfTherapy: Text.optional(),
    priorTherapy: Text.optional(),
    population: Text.optional(),
    priorTherapies: many(link('drug or antibody', {})).optional(),
  })
  .strict();

const RegulatoryEvent = z
  .object({
    ...base,
    agency: Text.optional().describe('Short name as the text gives it (CHMP, MHLW); omitted when not named.'),
    agencyName: Text.optional(),
    eventType: EventType.optional(),
    status: EventStatus.optional(),
    date: LooseDate.optional(),
    datePrecision: DatePrecision.optional(),
    region: link('region', {}).optional(),
    concerns: many(link('drug', {})).optional(),
    covers: many(link('indication', {})).optional(),
    basedOn: many(link('trial', {})).optional(),
    opensMarket: many(link('region', {})).optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.date !== undefined && event.datePrecision === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['datePrecision'],
        message: 'expected a datePrecision with the date',
      });
    }
    if (event.date === undefined && event.datePrecision !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'expected a date with the datePrecision' });
    }
    if (event.date !== undefined && event.datePrecision !== undefined) {
      const problem = precisionProblem(event.date, event.datePrecision);
      if (problem) ctx.addIssue({ code: 'custom', path: ['datePrecision'], message: problem });
    }
  });

const Money = z.number(expecting('a number')).nonnegative();
const Currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as USD');

const Milestone = z
  .object({
    ...base,
    amount: Money.optional(),
    currency: Currency.optional(),
    status: MilestoneStatus.optional(),
    payer: link('company', {}).optional(),
    payee: link('company', {}).optional(),
    triggeredBy: link('regulatory event', {}).optional(),
  })
  .strict();

const Royalty = z
  .object({
    ...base,
    basis: Text.optional(),
    rate: z.number().min(0).max(1).optional().describe('A fraction; omitted when undisclosed.'),
    payer: link('company', {}).optional(),
    payee: link('company', {}).optional(),
  })
  .strict();

const Partnership = z
  .object({
    ...base,
    rights: Texts.optional(),
    territory: Text.optional(),
    status: PartnershipStatus.optional(),
    summary: Text.optional(),
    startDate: LooseDate.optional(),
    dealType: DealType.optional(),
    upfront: Money.optional().describe('The upfront payment, in `currency`.'),
    equity: Money.optional().describe('The equity investment, in `currency`.'),
    totalValue: Money.optional().describe(
      'The total deal value (upfront and every milestone); an acquisition’s price.',
    ),
    currency: Currency.optional().describe(
      'The currency of upfront, equity and totalValue (USD when omitted).',
    ),
    parties: many(link('company', { role: PartyRole }, true))
      .min(1, 'expected at least one party')
      .optional(),
    drugs: many(link('drug', {})).optional(),
    technologies: many(link('technology', {})).optional(),
    milestones: many(Milestone).optional(),
    royalties: many(Royalty).optional(),
  })
  .strict();

const Document = z
  .object({
    id: Id,
    title: Text,
    publisher: link('company', {}).optional(),
    distributor: Text.optional(),
    provider: Text.optional(),
    place: Text.optional(),
    date: Day,
    url: Text.optional(),
    sourceFile: z
      .string()
      .regex(/^sources\/[^/\\]+\.txt$/, 'expected a path such as sources/<document id>.txt')
      .describe('The source text, relative to the seed file.'),
    cite: Cite.optional(),
  })
  .strict();

/** The lists a seed file may hold, in the order the loader writes them, with each list's label. */
export const RECORD_LISTS = {
  companies: { label: 'Company', schema: Company },
  people: { label: 'Person', schema: Person },
  regions: { label: 'Region', schema: Region },
  targets: { label: 'Target', schema: Target },
  technologies: { label: 'Technology', schema: Technology },
  antibodies: { label: 'Antibody', schema: Antibody },
  payloads: { label: 'Payload', schema: Payload },
  linkers: { label: 'Linker', schema: Linker },
  drugs: { label: 'Drug', schema: Drug },
  indications: { label: 'Indication', schema: Indication },
  trials: { label: 'Trial', schema: Trial },
  regulatoryEvents: { label: 'RegulatoryEvent', schema: RegulatoryEvent },
  partnerships: { label: 'Partnership', schema: Partnership },
} as const satisfies Record<string, { label: NodeKind; schema: z.ZodType }>;

export type RecordList = keyof typeof RECORD_LISTS;
export const RECORD_LIST_NAMES = Object.keys(RECORD_LISTS) as RecordList[];

/** Nested lists: records inside another record, linked to it by a relationship. */
export const NESTED_LISTS = {
  milestones: { label: 'Milestone', type: 'HAS_MILESTONE' },
  royalties: { label: 'Royalty', type: 'HAS_ROYALTY' },
} as const satisfies Record<string, { label: NodeKind; type: RelationshipType }>;

/** The schemas of nested records, by the list that holds them. */
const NESTED_SCHEMAS = { milestones: Milestone, royalties: Royalty } as const;

/** One field a record may have: its name, and whether its value is a text (else a number, a list or a link). */
export interface RecordField {
  readonly name: string;
  readonly text: boolean;
}

/** The fields a record of `list` (or of its nested list `nested`) may have, in the format's order. */
export function recordFields(list: RecordList, nested?: keyof typeof NESTED_LISTS): RecordField[] {
  const schema = (nested ? NESTED_SCHEMAS[nested] : RECORD_LISTS[list].schema) as unknown as z.ZodObject;
  return Object.entries(schema.shape).map(([name, field]) => {
    let inner = field as z.ZodType;
    while (inner.def.type === 'optional')
      inner = (inner.def as unknown as { innerType: z.ZodType }).innerType;
    return { name, text: inner.def.type === 'string' || inner.def.type === 'enum' };
  });
}

export const SeedFile = z
  .object({
    document: Document.describe('The source document this file transcribes.'),
    sentences: z
      .record(SentenceKey, Text, expecting('a map of sentence key to the exact sentence text'))
      .describe('Each sentence that a fact cites, copied verbatim from the source text.'),
    ...Object.fromEntries(
      Object.entries(RECORD_LISTS).map(([list, { schema }]) => [list, many(schema).optional()]),
    ),
  })
  .strict()
  .meta({
    title: 'Pipeline Atlas seed file',
    description: 'One source document and every fact it states. See docs/model.md.',
  }) as unknown as z.ZodType<SeedFileData>;

/** One relationship field: which type it becomes, which way it points, and which kinds it may reference. */
export interface RelationshipField {
  type: RelationshipType;
  /** `out`: (record)-[type]->(referenced); `in`: (referenced)-[type]->(record). */
  direction: 'out' | 'in';
  targets: readonly NodeKind[];
  /** Properties of the link object that go onto the relationship. */
  properties?: readonly string[];
  /** Link properties that hold ids of records of these kinds. */
  references?: Readonly<Record<string, readonly NodeKind[]>>;
}

const rel = (
  type: RelationshipType,
  direction: 'out' | 'in',
  targets: readonly NodeKind[],
  extra: Omit<RelationshipField, 'type' | 'direction' | 'targets'> = {},
): RelationshipField => ({ type, direction, targets, ...extra });

const COMPANY = ['Company'] as const;
const owner = rel('OWNS', 'in', COMPANY);

/** Which field of which label becomes which relationship. */
export const RELATIONSHIP_FIELDS: Partial<Record<NodeKind, Record<string, RelationshipField>>> = {
  Company: { memberOf: rel('MEMBER_OF', 'out', COMPANY) },
  Person: {
    worksFor: rel('WORKS_FOR', 'out', COMPANY, { properties: ['title'] }),
    quotedIn: rel('QUOTED_IN', 'out', ['SourceDocument'], { properties: ['quote'] }),
    contactFor: rel('CONTACT_FOR', 'out', ['SourceDocument'], { properties: ['audience'] }),
  },
  Drug: {
    antibody: rel('HAS_ANTIBODY', 'out', ['Antibody']),
    payload: rel('HAS_PAYLOAD', 'out', ['Payload']),
    linker: rel('HAS_LINKER', 'out', ['Linker']),
    targets: rel('TARGETS', 'out', ['Target']),
    technologies: rel('USES_TECHNOLOGY', 'out', ['Technology']),
    developers: rel('DEVELOPS', 'in', COMPANY),
    marketers: rel('MARKETS', 'in', COMPANY, {
      properties: ['region'],
      references: { region: ['Region'] },
    }),
    trademarkHolders: rel('HOLDS_TRADEMARK', 'in', COMPANY),
    investigatedFor: rel('INVESTIGATED_FOR', 'out', ['Indication'], {
      properties: ['sponsor', 'status'],
      references: { sponsor: COMPANY },
    }),
  },
  Antibody: { owner, targets: rel('TARGETS', 'out', ['Target']) },
  Payload: { owner },
  Linker: { owner },
  Technology: { owner },
  Trial: {
    regions: rel('IN_REGION', 'out', ['Region']),
    tests: rel('TESTS', 'out', ['Drug'], { properties: ['role'] }),
    studies: rel('STUDIES', 'out', ['Indication']),
    conductedBy: rel('CONDUCTS', 'in', COMPANY),
  },
  Indication: { priorTherapies: rel('PRIOR_THERAPY', 'out', ['Drug', 'Antibody']) },
  RegulatoryEvent: {
    region: rel('IN_REGION', 'out', ['Region']),
    concerns: rel('CONCERNS', 'out', ['Drug']),
    covers: rel('COVERS', 'out', ['Indication']),
    basedOn: rel('BASED_ON', 'out', ['Trial']),
    opensMarket: rel('OPENS_MARKET', 'out', ['Region']),
  },
  Partnership: {
    parties: rel('PARTY_TO', 'in', COMPANY, { properties: ['role'] }),
    drugs: rel('LICENSES_DRUG', 'out', ['Drug']),
    technologies: rel('LICENSES_TECHNOLOGY', 'out', ['Technology']),
  },
  Milestone: {
    payer: rel('PAID_BY', 'out', COMPANY),
    payee: rel('PAID_TO', 'out', COMPANY),
    triggeredBy: rel('TRIGGERS', 'in', ['RegulatoryEvent']),
  },
  Royalty: { payer: rel('PAID_BY', 'out', COMPANY), payee: rel('PAID_TO', 'out', COMPANY) },
  SourceDocument: { publisher: rel('PUBLISHED', 'in', COMPANY) },
};

/**
 * What an entity needs from the first document that states it, or any other one: a later document may add to an
 * entity without repeating them. Checked over all statements once every file is read (seed/validate.ts).
 */
export const REQUIRED_FIELDS: Partial<Record<NodeKind, readonly string[]>> & { all: readonly string[] } = {
  all: ['name'],
  RegulatoryEvent: ['eventType', 'status'],
  Milestone: ['status'],
  Partnership: ['parties'],
};

/** The fields an entity of `label` needs from some document. */
export const requiredFieldsOf = (label: NodeKind) => [
  ...REQUIRED_FIELDS.all,
  ...(REQUIRED_FIELDS[label] ?? []),
];

/** What the loader says of a new entity no document gives its required `fields`. */
export const missingFieldsMessage = (label: NodeKind, fields: readonly string[]) =>
  `missing: a new ${label} needs ${fields.join(' and ')}, and no file states ${fields.length > 1 ? 'them' : 'it'}`;

/** Fields that are neither properties nor relationships. */
export const NON_PROPERTY_FIELDS = new Set(['cite', 'milestones', 'royalties']);

/** A record's own values: every field but its links (RELATIONSHIP_FIELDS), citations and nested records. */
export function ownProperties(label: NodeKind, record: SeedRecord): Record<string, unknown> {
  const links = RELATIONSHIP_FIELDS[label] ?? {};
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || NON_PROPERTY_FIELDS.has(key) || key in links) continue;
    props[key] = value;
  }
  return props;
}

/** `date` + `datePrecision` consistency: the text's precision must match the date's form. */
export function precisionProblem(date: string, precision: z.infer<typeof DatePrecision>): string | undefined {
  const parts = date.split('-').length;
  const expected: Record<typeof precision, number[]> = {
    DAY: [3],
    MONTH: [2],
    QUARTER: [2],
    YEAR: [1],
    BY_YEAR_END: [1],
    ON_OR_BEFORE: [3],
  };
  if (expected[precision].includes(parts)) return undefined;
  const forms = { 1: 'YYYY', 2: 'YYYY-MM', 3: 'YYYY-MM-DD' } as Record<number, string>;
  return `expected a date of the form ${expected[precision].map((n) => forms[n]).join(' or ')} for precision ${precision}, got "${date}"`;
}

/**
 * The day that orders an event on a timeline: the first day of the stated period (DAY, MONTH, QUARTER, YEAR),
 * the deadline for BY_YEAR_END (Dec 31) and the date itself for ON_OR_BEFORE.
 */
export function sortDateOf(date: string, precision: z.infer<typeof DatePrecision>): string {
  const [year, month = '01', day = '01'] = date.split('-');
  if (precision === 'BY_YEAR_END') return `${year}-12-31`;
  return `${year}-${month}-${day}`;
}

/** The precision a loose date's form gives: `2013` YEAR, `2013-09` MONTH, `2013-09-20` DAY. */
export function precisionOfForm(date: string): 'DAY' | 'MONTH' | 'YEAR' {
  const parts = date.split('-').length;
  return parts >= 3 ? 'DAY' : parts === 2 ? 'MONTH' : 'YEAR';
}

// Written by hand: the inferred type of the generated object is unreadable in editors.
export type SeedRecord = { id: string; name?: string; cite: string[] } & Record<string, unknown>;
export interface SeedFileData {
  document: z.infer<typeof Document>;
  sentences: Record<string, string>;
  companies?: SeedRecord[];
  people?: SeedRecord[];
  regions?: SeedRecord[];
  targets?: SeedRecord[];
  technologies?: SeedRecord[];
  antibodies?: SeedRecord[];
  payloads?: SeedRecord[];
  linkers?: SeedRecord[];
  drugs?: SeedRecord[];
  indications?: SeedRecord[];
  trials?: SeedRecord[];
  regulatoryEvents?: SeedRecord[];
  partnerships?: SeedRecord[];
}

/** One record of a seed file: its kind, its YAML path, and for a nested one its parent and the link to it. */
export interface SeedFileRecord {
  label: NodeKind;
  record: SeedRecord;
  path: (string | number)[];
  parent?: { record: SeedRecord; type: RelationshipType };
}

/** Every record of a seed file, list by list in the format's order, each nested record right after its parent. */
export function* seedRecords(data: SeedFileData): Generator<SeedFileRecord> {
  for (const list of Object.keys(RECORD_LISTS) as RecordList[]) {
    const { label } = RECORD_LISTS[list];
    for (const [index, record] of (data[list] ?? []).entries()) {
      yield { label, record, path: [list, index] };
      for (const [nestedList, nested] of Object.entries(NESTED_LISTS)) {
        const children = (record[nestedList] as SeedRecord[] | undefined) ?? [];
        for (const [childIndex, child] of children.entries()) {
          const path = [list, index, nestedList, childIndex];
          yield { label: nested.label, record: child, path, parent: { record, type: nested.type } };
        }
      }
    }
  }
}

/** The JSON Schema editors use (yaml-language-server), generated from `SeedFile`. */
export function seedJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SeedFile, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}

/** The field of a record an issue is about, as the loader names it: `marketers[0].region`. */
export function fieldOf(issue: z.core.$ZodIssue): string | undefined {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') path.push(...issue.keys);
  if (path.length === 0) return undefined;
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/** Zod's messages, made to say what was expected in the words of the format. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `missing: expected ${issue.expected}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((value) => String(value)).join(', ')}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/** What the format finds wrong with one record of `list`, worded as the loader words it. */
export function recordIssues(list: RecordList, record: unknown): { field?: string; message: string }[] {
  const result = (RECORD_LISTS[list].schema as z.ZodType).safeParse(record);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ field: fieldOf(issue), message: describeIssue(issue) }));
}
