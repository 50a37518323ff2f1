import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { vocabulary } from '../ingest/vocabulary.ts';
import { Random, Zipf } from '../synthetic/random.ts';

/*
 * A synthetic ClinicalTrials.gov registry: a ZIP of `NCT########.json` study records in the API v2 layout, as
 * in the registry's full download, at any count, deterministic for a seed (the same seed and count give the
 * same bytes; study i is the same whatever the count).
 *
 * The record layout (module and field names, enum values, the `Drug: X` form of an arm's intervention names)
 * follows the registry's published study data structure, https://clinicaltrials.gov/data-api/about-api/study-data-structure,
 * as summarised in the field references found with the search tool:
 * https://glama.ai/mcp/servers/@aafjes/mcp-clinicaltrials.gov/blob/1ed672abbedfa2af38fdf6dee281ad7b64fa1d9e/FIELD_REFERENCE.md
 * (sections, modules, enums of status, phases, arm group and intervention types, date structs) and
 * github.com/DesayoEm/Clinexa-ETL-ELT-Pipeline documentation/data/non_scalar_fields.md (AgencyClass values,
 * armGroups/interventions fields, locations).
 *
 * Versions (`versions: true`): a second archive, `<out>.update.zip` beside the first, holds a later version of
 * every tenth study (same NCT id and entry name, a later lastUpdatePostDate, the status moved on), as a
 * download made a year later would. Importing the first archive and then the second exercises supersession;
 * importing either twice changes nothing. Two archives rather than two entries of one name, because the
 * registry's archive never holds two versions of a study.
 *
 * The ZIP is written by a small streaming writer here (deflate, ZIP64 for more than 65,535 entries), not yazl:
 * yazl keeps every entry's compressed data until the archive ends and scans its entry list from the start on
 * each step (measured: 50,000 records took 18 s and 1 GB RSS, growing quadratically), which rules out 500,000.
 */

// ---------------------------------------------------------------------------------------------------------
// A streaming ZIP writer

const DOS_EPOCH_YEAR = 1980;

/** Writes a ZIP entry by entry, keeping only the central directory records (spooled to a side file). */
export class ZipWriter {
  private readonly out: WriteStream;
  private readonly directory: WriteStream;
  private readonly directoryPath: string;
  private offset = 0;
  private directorySize = 0;
  private count = 0;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
    this.directoryPath = `${path}.directory.tmp`;
    this.directory = createWriteStream(this.directoryPath);
    const fail = (error: Error) => {
      this.failure ??= error;
    };
    this.out.on('error', fail);
    this.directory.on('error', fail);
  }

  get entries(): number {
    return this.count;
  }

  /** Adds one file, deflated; `date` is its modification time (UTC parts, as DOS time has no zone). */
  async add(name: string, data: Buffer, date: Date): Promise<void> {
    if (this.failure) throw this.failure;
    const fileName = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
    const day =
      ((Math.max(date.getUTCFullYear(), DOS_EPOCH_YEAR) - DOS_EPOCH_YEAR) << 9) |
      ((date.getUTCMonth() + 1) << 5) |
      date.getUTCDate();
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);

    const zip64Offset = this.offset >= 0xffffffff;
    const central = Buffer.alloc(46 + (zip64Offset ? 12 : 0));
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, 4.5
    central.writeUInt16LE(zip64Offset ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt16LE(zip64Offset ? 12 : 0, 30);
    central.writeUInt32LE(0o100644 * 0x10000, 38); // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(zip64Offset ? 0xffffffff : this.offset, 42);
    const centralRecord = [central.subarray(0, 46), fileName];
    if (zip64Offset) {
      const extra = central.subarray(46);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(this.offset), 4);
      centralRecord.push(extra);
    }
    await write(this.out, local);
    await write(this.out, fileName);
    await write(this.out, compressed);
    for (const part of centralRecord) await write(this.directory, part);
    this.offset += local.length + fileName.length + compressed.length;
    this.directorySize += centralRecord.reduce((sum, part) => sum + part.length, 0);
    this.count += 1;
  }

  /** Appends the central directory and its end records; returns the archive's size in bytes. */
  async close(): Promise<number> {
    this.directory.end();
    await once(this.directory, 'close');
    if (this.failure) throw this.failure;
    const directoryOffset = this.offset;
    for await (const chunk of createReadStream(this.directoryPath)) await write(this.out, chunk as Buffer);
    await rm(this.directoryPath, { force: true });
    let end = this.offset + this.directorySize;
    const zip64 = this.count >= 0xffff || directoryOffset >= 0xffffffff || this.directorySize >= 0xffffffff;
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE((3 << 8) | 45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(this.count), 24);
      record.writeBigUInt64LE(BigInt(this.count), 32);
      record.writeBigUInt64LE(BigInt(this.directorySize), 40);
      record.writeBigUInt64LE(BigInt(directoryOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(end), 8);
      locator.writeUInt32LE(1, 16);
      await write(this.out, record);
      await write(this.out, locator);
      end += record.length + locator.length;
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(Math.min(this.count, 0xffff), 8);
    eocd.writeUInt16LE(Math.min(this.count, 0xffff), 10);
    eocd.writeUInt32LE(Math.min(this.directorySize, 0xffffffff), 12);
    eocd.writeUInt32LE(Math.min(directoryOffset, 0xffffffff), 16);
    await write(this.out, eocd);
    end += eocd.length;
    this.out.end();
    await once(this.out, 'close');
    if (this.failure) throw this.failure;
    return end;
  }
}

async function write(stream: WriteStream, chunk: Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

// ---------------------------------------------------------------------------------------------------------
// Pools

/** The registry's last update in this synthetic world: dates after it are estimates. Fixed, for determinism. */
export const REFERENCE_DATE = '2026-06-30';
/** The update archive's download date: a year later. */
export const UPDATE_REFERENCE_DATE = '2027-06-30';

type AgencyClass =
  | 'INDUSTRY'
  | 'NIH'
  | 'FED'
  | 'OTHER_GOV'
  | 'INDIV'
  | 'NETWORK'
  | 'OTHER'
  | 'AMBIG'
  | 'UNKNOWN';
interface Sponsor {
  name: string;
  class: AgencyClass;
  /** Org study id prefix. */
  code: string;
}

/** Sponsors with the spellings the registry has for them (several per company), most active first. */
export const SPONSORS: readonly Sponsor[] = [
  { name: 'National Cancer Institute (NCI)', class: 'NIH', code: 'NCI' },
  { name: 'Hoffmann-La Roche', class: 'INDUSTRY', code: 'BO' },
  { name: 'AstraZeneca', class: 'INDUSTRY', code: 'D' },
  { name: 'M.D. Anderson Cancer Center', class: 'OTHER', code: 'MDACC' },
  { name: 'Daiichi Sankyo Co., Ltd.', class: 'INDUSTRY', code: 'DS8201-A-J' },
  { name: 'Merck Sharp & Dohme LLC', class: 'INDUSTRY', code: 'MK' },
  { name: 'Pfizer', class: 'INDUSTRY', code: 'C' },
  { name: 'Genentech, Inc.', class: 'INDUSTRY', code: 'GO' },
  { name: 'Memorial Sloan Kettering Cancer Center', class: 'OTHER', code: 'MSK' },
  { name: 'Bristol-Myers Squibb', class: 'INDUSTRY', code: 'CA' },
  { name: 'Daiichi Sankyo', class: 'INDUSTRY', code: 'DS' },
  { name: 'Seagen Inc.', class: 'INDUSTRY', code: 'SGN' },
  { name: 'Novartis Pharmaceuticals', class: 'INDUSTRY', code: 'CLNP' },
  { name: 'Jiangsu HengRui Medicine Co., Ltd.', class: 'INDUSTRY', code: 'SHR' },
  { name: 'Gilead Sciences', class: 'INDUSTRY', code: 'GS-US' },
  { name: 'Dana-Farber Cancer Institute', class: 'OTHER', code: 'DFCI' },
  { name: 'Sun Yat-sen University', class: 'OTHER', code: 'SYSU' },
  { name: 'Mayo Clinic', class: 'OTHER', code: 'MC' },
  { name: 'Eli Lilly and Company', class: 'INDUSTRY', code: 'I' },
  { name: 'Fudan University', class: 'OTHER', code: 'FUSCC' },
  { name: 'Daiichi Sankyo, Inc.', class: 'INDUSTRY', code: 'DS-US' },
  { name: 'Sanofi', class: 'INDUSTRY', code: 'ACT' },
  { name: 'AbbVie', class: 'INDUSTRY', code: 'M' },
  { name: 'Alliance for Clinical Trials in Oncology', class: 'NETWORK', code: 'A' },
  { name: 'NRG Oncology', class: 'NETWORK', code: 'NRG' },
  { name: 'Takeda', class: 'INDUSTRY', code: 'TAK' },
  { name: 'Seattle Genetics, Inc.', class: 'INDUSTRY', code: 'SGN' },
  { name: 'ImmunoGen, Inc.', class: 'INDUSTRY', code: 'IMGN' },
  { name: 'Immunomedics, Inc.', class: 'INDUSTRY', code: 'IMMU' },
  { name: 'Astellas Pharma Global Development, Inc.', class: 'INDUSTRY', code: 'EV' },
  { name: 'Sichuan Kelun Pharmaceutical Research Institute Co., Ltd.', class: 'INDUSTRY', code: 'KL264' },
  { name: 'RemeGen Co., Ltd.', class: 'INDUSTRY', code: 'RC48' },
  { name: 'University of California, San Francisco', class: 'OTHER', code: 'UCSF' },
  { name: 'Seoul National University Hospital', class: 'OTHER', code: 'SNUH' },
  { name: 'Gustave Roussy, Cancer Campus, Grand Paris', class: 'OTHER', code: 'GR' },
  {
    name: 'European Organisation for Research and Treatment of Cancer - EORTC',
    class: 'NETWORK',
    code: 'EORTC',
  },
  { name: 'SWOG Cancer Research Network', class: 'NETWORK', code: 'S' },
  { name: 'ECOG-ACRIN Cancer Research Group', class: 'NETWORK', code: 'EA' },
  { name: 'GlaxoSmithKline', class: 'INDUSTRY', code: 'GSK' },
  { name: 'Mersana Therapeutics', class: 'INDUSTRY', code: 'MER' },
  { name: 'ADC Therapeutics S.A.', class: 'INDUSTRY', code: 'ADCT' },
  { name: 'Byondis B.V.', class: 'INDUSTRY', code: 'SYD' },
  { name: 'Eisai Co., Ltd.', class: 'INDUSTRY', code: 'E' },
  { name: 'Peking University', class: 'OTHER', code: 'PKU' },
  { name: 'Assistance Publique - Hôpitaux de Paris', class: 'OTHER', code: 'APHP' },
  { name: 'University College, London', class: 'OTHER', code: 'UCL' },
  { name: 'VA Office of Research and Development', class: 'FED', code: 'VA' },
  { name: 'National Health Research Institutes, Taiwan', class: 'OTHER_GOV', code: 'NHRI' },
  { name: 'Canadian Cancer Trials Group', class: 'NETWORK', code: 'CCTG' },
  { name: 'Tata Memorial Hospital', class: 'OTHER', code: 'TMH' },
];

const CONDITIONS: readonly { name: string; mesh?: [string, string] }[] = [
  { name: 'Breast Cancer', mesh: ['D001943', 'Breast Neoplasms'] },
  { name: 'HER2-positive Breast Cancer', mesh: ['D001943', 'Breast Neoplasms'] },
  { name: 'Non-small Cell Lung Cancer', mesh: ['D002289', 'Carcinoma, Non-Small-Cell Lung'] },
  { name: 'Gastric Cancer', mesh: ['D013274', 'Stomach Neoplasms'] },
  { name: 'Urothelial Carcinoma', mesh: ['D014571', 'Urologic Neoplasms'] },
  { name: 'Ovarian Cancer', mesh: ['D010051', 'Ovarian Neoplasms'] },
  { name: 'Triple Negative Breast Cancer', mesh: ['D064726', 'Triple Negative Breast Neoplasms'] },
  { name: 'Diffuse Large B-Cell Lymphoma', mesh: ['D016403', 'Lymphoma, Large B-Cell, Diffuse'] },
  { name: 'Hodgkin Lymphoma', mesh: ['D006689', 'Hodgkin Disease'] },
  { name: 'Multiple Myeloma', mesh: ['D009101', 'Multiple Myeloma'] },
  { name: 'Acute Myeloid Leukemia', mesh: ['D015470', 'Leukemia, Myeloid, Acute'] },
  { name: 'Colorectal Cancer', mesh: ['D015179', 'Colorectal Neoplasms'] },
  { name: 'Prostate Cancer', mesh: ['D011471', 'Prostatic Neoplasms'] },
  { name: 'Cervical Cancer', mesh: ['D002583', 'Uterine Cervical Neoplasms'] },
  { name: 'Solid Tumor' },
  { name: 'Advanced Solid Tumors' },
  { name: 'Type 2 Diabetes', mesh: ['D003924', 'Diabetes Mellitus, Type 2'] },
  { name: 'Hypertension', mesh: ['D006973', 'Hypertension'] },
  { name: 'Rheumatoid Arthritis', mesh: ['D001172', 'Arthritis, Rheumatoid'] },
  { name: 'Major Depressive Disorder', mesh: ['D003865', 'Depressive Disorder, Major'] },
  { name: 'COVID-19', mesh: ['D000086382', 'COVID-19'] },
  { name: 'Asthma', mesh: ['D001249', 'Asthma'] },
  { name: 'Healthy Volunteers' },
];

const KEYWORDS = [
  'HER2',
  'TROP2',
  'antibody-drug conjugate',
  'ADC',
  'metastatic',
  'second line',
  'PD-L1',
  'biomarker',
];

const COUNTRIES: readonly { country: string; cities: readonly (readonly [string, string?])[] }[] = [
  {
    country: 'United States',
    cities: [
      ['Houston', 'Texas'],
      ['New York', 'New York'],
      ['Boston', 'Massachusetts'],
      ['Los Angeles', 'California'],
      ['Nashville', 'Tennessee'],
    ],
  },
  { country: 'China', cities: [['Shanghai'], ['Beijing'], ['Guangzhou'], ['Chengdu']] },
  { country: 'Japan', cities: [['Tokyo'], ['Chuo-ku'], ['Kashiwa'], ['Osaka']] },
  { country: 'Korea, Republic of', cities: [['Seoul'], ['Goyang-si']] },
  { country: 'Germany', cities: [['Berlin'], ['Munich'], ['Heidelberg']] },
  { country: 'France', cities: [['Paris'], ['Villejuif'], ['Lyon']] },
  { country: 'United Kingdom', cities: [['London'], ['Manchester'], ['Glasgow']] },
  { country: 'Spain', cities: [['Barcelona'], ['Madrid'], ['Valencia']] },
  { country: 'Italy', cities: [['Milano'], ['Roma'], ['Napoli']] },
  {
    country: 'Canada',
    cities: [
      ['Toronto', 'Ontario'],
      ['Montreal', 'Quebec'],
    ],
  },
  {
    country: 'Australia',
    cities: [
      ['Melbourne', 'Victoria'],
      ['Sydney', 'New South Wales'],
    ],
  },
  { country: 'Taiwan', cities: [['Taipei'], ['Tainan']] },
  { country: 'Brazil', cities: [['São Paulo'], ['Porto Alegre']] },
  { country: 'Poland', cities: [['Warszawa'], ['Gdańsk']] },
  { country: 'Netherlands', cities: [['Amsterdam'], ['Rotterdam']] },
  { country: 'Belgium', cities: [['Brussels'], ['Leuven']] },
  { country: 'Israel', cities: [['Tel Aviv'], ['Haifa']] },
  { country: 'Türkiye', cities: [['Ankara'], ['Istanbul']] },
  { country: 'India', cities: [['Mumbai'], ['New Delhi']] },
];

const FACILITIES = [
  'Research Site',
  'University Hospital',
  'Cancer Center',
  'Medical Center',
  'Clinical Research Unit',
  'General Hospital',
];

/** Non-ADC interventions with the other names the registry lists for them. */
const DRUGS: readonly { name: string; type: 'DRUG' | 'BIOLOGICAL'; otherNames: string[] }[] = [
  { name: 'Pembrolizumab', type: 'BIOLOGICAL', otherNames: ['MK-3475', 'Keytruda'] },
  { name: 'Nivolumab', type: 'BIOLOGICAL', otherNames: ['BMS-936558', 'Opdivo'] },
  { name: 'Paclitaxel', type: 'DRUG', otherNames: ['Taxol'] },
  { name: 'Docetaxel', type: 'DRUG', otherNames: ['Taxotere'] },
  { name: 'Carboplatin', type: 'DRUG', otherNames: [] },
  { name: 'Cisplatin', type: 'DRUG', otherNames: [] },
  { name: 'Capecitabine', type: 'DRUG', otherNames: ['Xeloda'] },
  { name: 'Trastuzumab', type: 'BIOLOGICAL', otherNames: ['Herceptin'] },
  { name: 'Pertuzumab', type: 'BIOLOGICAL', otherNames: ['Perjeta', 'RO4368451'] },
  { name: 'Bevacizumab', type: 'BIOLOGICAL', otherNames: ['Avastin'] },
  { name: 'Atezolizumab', type: 'BIOLOGICAL', otherNames: ['MPDL3280A', 'Tecentriq'] },
  { name: 'Durvalumab', type: 'BIOLOGICAL', otherNames: ['MEDI4736', 'Imfinzi'] },
  { name: 'Gemcitabine', type: 'DRUG', otherNames: ['Gemzar'] },
  { name: 'Irinotecan', type: 'DRUG', otherNames: ['CPT-11'] },
  { name: 'Oxaliplatin', type: 'DRUG', otherNames: [] },
  { name: 'Letrozole', type: 'DRUG', otherNames: ['Femara'] },
  { name: 'Metformin', type: 'DRUG', otherNames: [] },
  { name: 'Rituximab', type: 'BIOLOGICAL', otherNames: ['Rituxan', 'MabThera'] },
];

/** Comparators of ADC phase 3 trials. */
const COMPARATORS = [
  "Treatment of Physician's Choice",
  'Docetaxel',
  'Capecitabine',
  'Eribulin',
  'Paclitaxel',
  'Investigator choice chemotherapy',
];

/** Made-up antibody INNs (prefix + a real substem) for ADCs whose INN is not in the vocabulary. */
const ANTIBODY_PREFIXES = ['zano', 'feli', 'quara', 'belo', 'tivo', 'sena', 'orvi', 'luma', 'dava', 'pemi'];
const ANTIBODY_SUBSTEMS = ['tuzumab', 'ximab', 'zumab', 'mab', 'tamab'];

const STATUSES_ENDED = ['COMPLETED', 'COMPLETED', 'COMPLETED', 'TERMINATED', 'UNKNOWN', 'WITHDRAWN'] as const;
const STATUSES_RUNNING = [
  'RECRUITING',
  'RECRUITING',
  'ACTIVE_NOT_RECRUITING',
  'ACTIVE_NOT_RECRUITING',
  'ENROLLING_BY_INVITATION',
  'SUSPENDED',
] as const;
const PHASE_SETS: readonly (readonly string[])[] = [
  ['EARLY_PHASE1'],
  ['PHASE1'],
  ['PHASE1'],
  ['PHASE1', 'PHASE2'],
  ['PHASE2'],
  ['PHASE2'],
  ['PHASE2', 'PHASE3'],
  ['PHASE3'],
  ['PHASE3'],
  ['PHASE4'],
  ['NA'],
];

// ---------------------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

// ---------------------------------------------------------------------------------------------------------
// One study

export interface SyntheticStudyOptions {
  seed: number;
  /** Share of studies with an ADC intervention, 0..1. */
  adcShare: number;
}

/** The NCT number of study `index`: increasing, unique, with gaps as in the registry. */
export function syntheticNctId(seed: number, index: number): string {
  const jitter = new Random(mix(seed, index, 0x9e3779b1)).int(0, 12);
  return `NCT${String(100_000 + index * 13 + jitter).padStart(8, '0')}`;
}

/** The archive entry name of a study: in a folder per 10,000 NCT numbers, as the registry's download has. */
export function syntheticEntryName(nctId: string): string {
  return `${nctId.slice(0, 7)}xxxx/${nctId}.json`;
}

function mix(seed: number, index: number, salt: number): number {
  let h = Math.imul(seed ^ salt, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

let sponsorRanks: Zipf | undefined;
let adcNames: { real: string[]; stems: string[] } | undefined;

function adcVocabulary(): { real: string[]; stems: string[] } {
  if (!adcNames) {
    const stems = vocabulary().stems;
    adcNames = { real: stems.flatMap((stem) => stem.examples), stems: stems.map((stem) => stem.stem) };
  }
  return adcNames;
}

const title = (text: string) => text.replace(/\b\w/g, (char) => char.toUpperCase());

function adcIntervention(random: Random): { name: string; otherNames: string[] } {
  const { real, stems } = adcVocabulary();
  const inn = random.chance(0.6)
    ? random.pick(real)
    : `${random.pick(ANTIBODY_PREFIXES)}${random.pick(ANTIBODY_SUBSTEMS)} ${random.pick(stems)}`;
  const code = `${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}-${random.int(100, 9999)}`;
  const style = random.int(0, 3);
  const name =
    style === 0
      ? inn
      : style === 1
        ? title(inn)
        : style === 2
          ? `${title(inn)} (${code})`
          : inn.toUpperCase();
  return { name, otherNames: style === 2 ? [] : random.chance(0.7) ? [code] : [] };
}

/** The record of study `index`, as the registry's API v2 returns it. */
export function syntheticStudy(index: number, options: SyntheticStudyOptions): Record<string, unknown> {
  const random = new Random(mix(options.seed, index, 0x2545f491));
  sponsorRanks ??= new Zipf(SPONSORS.length, 1.0);
  const nctId = syntheticNctId(options.seed, index);
  const lead = SPONSORS[sponsorRanks.draw(random)] as Sponsor;
  const adc = random.chance(options.adcShare);
  const studyType = adc
    ? 'INTERVENTIONAL'
    : random.pickWeighted(['INTERVENTIONAL', 'OBSERVATIONAL', 'EXPANDED_ACCESS'] as const, (type) =>
        type === 'INTERVENTIONAL' ? 0.77 : type === 'OBSERVATIONAL' ? 0.22 : 0.01,
      );
  const interventional = studyType === 'INTERVENTIONAL';
  const phases = interventional ? [...random.pick(adc ? PHASE_SETS.slice(1, 9) : PHASE_SETS)] : undefined;

  // Dates: registered 2000–2026, more in recent years (as the registry grew); start near registration;
  // completion a few years on.
  const reference = dayMs(REFERENCE_DATE);
  const registrationDays = Math.floor((reference - dayMs('2000-01-15')) / DAY_MS) - 20;
  const firstSubmit = dayMs('2000-01-15') + Math.floor(Math.sqrt(random.next()) * registrationDays) * DAY_MS;
  const start = firstSubmit + random.int(-120, 240) * DAY_MS;
  const primaryCompletion = start + random.int(300, 2200) * DAY_MS;
  const completion = primaryCompletion + random.int(0, 720) * DAY_MS;
  const monthOnly = firstSubmit < dayMs('2011-01-01') && random.chance(0.7);
  const dateStruct = (ms: number) => ({
    date: monthOnly ? toDay(ms).slice(0, 7) : toDay(ms),
    type: ms <= reference ? 'ACTUAL' : 'ESTIMATED',
  });
  const overallStatus =
    start > reference
      ? 'NOT_YET_RECRUITING'
      : completion < reference
        ? random.pick(STATUSES_ENDED)
        : random.pick(STATUSES_RUNNING);
  const ended = ['COMPLETED', 'TERMINATED', 'WITHDRAWN'].includes(overallStatus);
  const lastUpdate = Math.min(
    reference,
    Math.max(firstSubmit + 3 * DAY_MS, (ended ? completion : firstSubmit) + random.int(10, 700) * DAY_MS),
  );
  const completionStruct = (ms: number) =>
    ended ? { date: dateStruct(Math.min(ms, lastUpdate)).date, type: 'ACTUAL' } : dateStruct(ms);

  // Sponsors.
  const collaborators: Sponsor[] = [];
  for (let n = random.chance(0.35) ? random.int(1, 3) : 0; n > 0; n -= 1) {
    const collaborator = SPONSORS[sponsorRanks.draw(random)] as Sponsor;
    if (collaborator.name !== lead.name && !collaborators.includes(collaborator))
      collaborators.push(collaborator);
  }

  // Conditions.
  const conditionCount = random.int(1, 3);
  const conditions: (typeof CONDITIONS)[number][] = [];
  const oncology = CONDITIONS.slice(0, 16);
  for (let n = 0; n < conditionCount; n += 1) {
    const condition = random.pick(adc || random.chance(0.6) ? oncology : CONDITIONS);
    if (!conditions.includes(condition)) conditions.push(condition);
  }

  // Arms and interventions.
  const interventions: { type: string; name: string; otherNames?: string[]; armGroupLabels: string[] }[] = [];
  const armGroups: { label: string; type?: string; description?: string; interventionNames: string[] }[] = [];
  const drugLabel = (type: string, name: string) =>
    `${type === 'BIOLOGICAL' ? 'Biological' : 'Drug'}: ${name}`;
  if (interventional || studyType === 'EXPANDED_ACCESS') {
    const experimental: { type: string; name: string; otherNames: string[] }[] = [];
    if (adc)
      experimental.push({ type: random.chance(0.6) ? 'BIOLOGICAL' : 'DRUG', ...adcIntervention(random) });
    if (!adc || random.chance(0.3)) {
      const drug = random.pick(DRUGS);
      experimental.push({ type: drug.type, name: drug.name, otherNames: [...drug.otherNames] });
    }
    const armLabel =
      experimental.length === 1 ? (experimental[0] as { name: string }).name : 'Combination therapy';
    const experimentalLabel = interventional ? `Arm A: ${armLabel}` : armLabel;
    armGroups.push({
      label: experimentalLabel,
      ...(interventional ? { type: 'EXPERIMENTAL' } : {}),
      description: `Participants receive ${experimental.map((drug) => drug.name).join(' and ')}.`,
      interventionNames: experimental.map((drug) => drugLabel(drug.type, drug.name)),
    });
    for (const drug of experimental)
      interventions.push({
        type: drug.type,
        name: drug.name,
        ...(drug.otherNames.length > 0 ? { otherNames: drug.otherNames } : {}),
        armGroupLabels: [experimentalLabel],
      });
    const randomised =
      interventional && (phases?.includes('PHASE3') || (phases?.includes('PHASE2') && random.chance(0.4)));
    if (randomised) {
      const placebo = !adc && random.chance(0.4);
      const comparator = placebo ? 'Placebo' : adc ? random.pick(COMPARATORS) : random.pick(DRUGS).name;
      const label = `Arm B: ${comparator}`;
      armGroups.push({
        label,
        type: placebo ? 'PLACEBO_COMPARATOR' : 'ACTIVE_COMPARATOR',
        description: `Participants receive ${comparator.toLowerCase()}.`,
        interventionNames: [`Drug: ${comparator}`],
      });
      const known = DRUGS.find((drug) => drug.name === comparator);
      interventions.push({
        type: 'DRUG',
        name: comparator,
        ...(known && known.otherNames.length > 0 ? { otherNames: [...known.otherNames] } : {}),
        armGroupLabels: [label],
      });
    }
  } else if (random.chance(0.6)) {
    const label = `${conditions[0]?.name ?? 'Patients'} cohort`;
    const exposure = random.chance(0.5) ? random.pick(DRUGS).name : 'Standard of care';
    armGroups.push({ label, interventionNames: [`Other: ${exposure}`] });
    interventions.push({ type: 'OTHER', name: exposure, armGroupLabels: [label] });
  }

  // Locations.
  const locations: Record<string, unknown>[] = [];
  const locationCount = random.chance(0.1) ? 0 : random.int(1, phases?.includes('PHASE3') ? 12 : 5);
  for (let n = 0; n < locationCount; n += 1) {
    const { country, cities } = random.pick(COUNTRIES);
    const [city, state] = random.pick(cities);
    locations.push({
      facility: `${city} ${random.pick(FACILITIES)}`,
      ...(overallStatus === 'RECRUITING'
        ? { status: random.chance(0.8) ? 'RECRUITING' : 'NOT_YET_RECRUITING' }
        : {}),
      city,
      ...(state ? { state } : {}),
      country,
    });
  }

  const condition = conditions[0]?.name ?? 'Solid Tumor';
  const first = interventions[0]?.name;
  const phaseWords =
    phases && phases[0] !== 'NA' ? `Phase ${phases.map((p) => p.replace(/\D/g, '')).join('/')} ` : '';
  const briefTitle = first
    ? `A ${phaseWords}Study of ${first} in Participants With ${condition}`
    : `An Observational Study of Outcomes in ${condition}`;
  const acronym = random.chance(0.3)
    ? `${random.pick(['DESTINY', 'TROPiCS', 'EV', 'KEYNOTE', 'HER2CLIMB', 'SOLAR', 'ORIGIN'])}-${random.int(1, 99)}`
    : undefined;
  const enrollment = interventional
    ? random.int(phases?.includes('PHASE3') ? 200 : 12, phases?.includes('PHASE3') ? 1200 : 250)
    : random.int(50, 5000);
  const hasResults = ended && overallStatus !== 'WITHDRAWN' && interventional && random.chance(0.5);

  return {
    protocolSection: {
      identificationModule: {
        nctId,
        orgStudyIdInfo: { id: `${lead.code}${lead.code.endsWith('-') ? '' : '-'}${random.int(1000, 99999)}` },
        organization: { fullName: lead.name, class: lead.class },
        briefTitle,
        officialTitle: `${briefTitle.replace(/^An? /, armGroups.length > 1 ? 'A Randomized, Multicenter ' : 'A Multicenter, Open-label ')}${acronym ? ` (${acronym})` : ''}`,
        ...(acronym ? { acronym } : {}),
      },
      statusModule: {
        statusVerifiedDate: toDay(lastUpdate).slice(0, 7),
        overallStatus,
        ...(overallStatus === 'UNKNOWN' ? { lastKnownStatus: 'RECRUITING' } : {}),
        expandedAccessInfo: { hasExpandedAccess: studyType === 'EXPANDED_ACCESS' },
        startDateStruct: dateStruct(start),
        primaryCompletionDateStruct: completionStruct(primaryCompletion),
        completionDateStruct: completionStruct(completion),
        studyFirstSubmitDate: toDay(firstSubmit),
        studyFirstSubmitQcDate: toDay(firstSubmit + DAY_MS),
        studyFirstPostDateStruct: { date: toDay(firstSubmit + 2 * DAY_MS), type: 'ACTUAL' },
        lastUpdateSubmitDate: toDay(lastUpdate - 2 * DAY_MS),
        lastUpdatePostDateStruct: { date: toDay(lastUpdate), type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: {
        responsibleParty: { type: 'SPONSOR' },
        leadSponsor: { name: lead.name, class: lead.class },
        ...(collaborators.length > 0
          ? { collaborators: collaborators.map((sponsor) => ({ name: sponsor.name, class: sponsor.class })) }
          : {}),
      },
      conditionsModule: {
        conditions: conditions.map((entry) => entry.name),
        ...(adc || random.chance(0.3)
          ? {
              keywords: random.chance(0.5)
                ? ['antibody-drug conjugate', random.pick(KEYWORDS)]
                : [random.pick(KEYWORDS)],
            }
          : {}),
      },
      designModule: {
        studyType,
        ...(phases ? { phases } : {}),
        ...(interventional
          ? {
              designInfo: {
                allocation: armGroups.length > 1 ? 'RANDOMIZED' : 'NA',
                interventionModel: armGroups.length > 1 ? 'PARALLEL' : 'SINGLE_GROUP',
                primaryPurpose: 'TREATMENT',
                maskingInfo: {
                  masking: armGroups.some((arm) => arm.type === 'PLACEBO_COMPARATOR') ? 'DOUBLE' : 'NONE',
                },
              },
            }
          : studyType === 'OBSERVATIONAL'
            ? { designInfo: { observationalModel: 'COHORT', timePerspective: 'PROSPECTIVE' } }
            : {}),
        ...(studyType === 'EXPANDED_ACCESS'
          ? {}
          : {
              enrollmentInfo: {
                count: overallStatus === 'WITHDRAWN' ? 0 : enrollment,
                type: ended ? 'ACTUAL' : 'ESTIMATED',
              },
            }),
      },
      ...(armGroups.length > 0 || interventions.length > 0
        ? {
            armsInterventionsModule: {
              ...(armGroups.length > 0 ? { armGroups } : {}),
              ...(interventions.length > 0 ? { interventions } : {}),
            },
          }
        : {}),
      ...(locations.length > 0 ? { contactsLocationsModule: { locations } } : {}),
    },
    derivedSection: {
      miscInfoModule: { versionHolder: REFERENCE_DATE },
      conditionBrowseModule: {
        meshes: conditions.flatMap((entry) =>
          entry.mesh ? [{ id: entry.mesh[0], term: entry.mesh[1] }] : [],
        ),
      },
    },
    hasResults,
  };
}

type Study = {
  protocolSection: {
    statusModule: Record<string, unknown> & {
      overallStatus: string;
      lastUpdatePostDateStruct: { date: string; type: string };
      primaryCompletionDateStruct?: { date: string; type: string };
      completionDateStruct?: { date: string; type: string };
    };
    designModule: { enrollmentInfo?: { count: number; type: string } };
  };
  derivedSection: { miscInfoModule: { versionHolder: string } };
};

const NEXT_STATUS: Record<string, string> = {
  NOT_YET_RECRUITING: 'RECRUITING',
  RECRUITING: 'ACTIVE_NOT_RECRUITING',
  ENROLLING_BY_INVITATION: 'ACTIVE_NOT_RECRUITING',
  ACTIVE_NOT_RECRUITING: 'COMPLETED',
  SUSPENDED: 'TERMINATED',
};

/** A later version of a study: posted 30–330 days after it, its status one step on, as of the update archive. */
export function laterVersion(
  study: Record<string, unknown>,
  index: number,
  seed: number,
): Record<string, unknown> {
  const random = new Random(mix(seed, index, 0x68e31da4));
  const later = structuredClone(study) as unknown as Study;
  const status = later.protocolSection.statusModule;
  const posted = Math.min(
    dayMs(status.lastUpdatePostDateStruct.date) + random.int(30, 330) * DAY_MS,
    dayMs(UPDATE_REFERENCE_DATE),
  );
  status.lastUpdatePostDateStruct = { date: toDay(posted), type: 'ACTUAL' };
  status.lastUpdateSubmitDate = toDay(posted - 2 * DAY_MS);
  status.statusVerifiedDate = toDay(posted).slice(0, 7);
  const next = NEXT_STATUS[status.overallStatus];
  if (next) status.overallStatus = next;
  if (status.overallStatus === 'COMPLETED' || status.overallStatus === 'TERMINATED') {
    for (const struct of [status.primaryCompletionDateStruct, status.completionDateStruct])
      if (struct && struct.type === 'ESTIMATED') {
        struct.date = toDay(
          Math.min(dayMs(struct.date.length === 7 ? `${struct.date}-01` : struct.date), posted - 3 * DAY_MS),
        );
        struct.type = 'ACTUAL';
      }
    const enrollment = later.protocolSection.designModule.enrollmentInfo;
    if (enrollment) enrollment.type = 'ACTUAL';
  }
  later.derivedSection.miscInfoModule.versionHolder = UPDATE_REFERENCE_DATE;
  return later as unknown as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------
// The archive

export interface SyntheticOptions {
  count: number;
  seed?: number;
  adcShare?: number;
  /** Also write `<out>.update.zip`: a later version of every tenth study. */
  versions?: boolean;
  out: string;
  onProgress?: (written: number) => void;
}

export interface SyntheticResult {
  out: string;
  studies: number;
  adcStudies: number;
  bytes: number;
  update?: { out: string; studies: number; bytes: number };
}

export const DEFAULT_ADC_SHARE = 0.05;

/** Whether study `index` has a later version in the update archive. */
export const hasLaterVersion = (index: number) => index % 10 === 3;

export function updatePath(out: string): string {
  return out.replace(/(\.zip)?$/i, '.update.zip');
}

const isAdc = (study: Record<string, unknown>) => {
  const { stems } = adcVocabulary();
  const arms = (study.protocolSection as { armsInterventionsModule?: { interventions?: { name: string }[] } })
    .armsInterventionsModule;
  return (arms?.interventions ?? []).some((intervention) =>
    stems.some((stem) => intervention.name.toLowerCase().includes(` ${stem}`)),
  );
};

export async function writeSyntheticRegistry(options: SyntheticOptions): Promise<SyntheticResult> {
  const seed = options.seed ?? 1;
  const adcShare = options.adcShare ?? DEFAULT_ADC_SHARE;
  const zip = new ZipWriter(options.out);
  const update = options.versions ? new ZipWriter(updatePath(options.out)) : undefined;
  let adcStudies = 0;
  let bytes = 0;
  let updateBytes = 0;
  try {
    for (let index = 0; index < options.count; index += 1) {
      const study = syntheticStudy(index, { seed, adcShare });
      if (isAdc(study)) adcStudies += 1;
      const nctId = syntheticNctId(seed, index);
      const posted = (study as unknown as Study).protocolSection.statusModule.lastUpdatePostDateStruct.date;
      await zip.add(
        syntheticEntryName(nctId),
        Buffer.from(JSON.stringify(study, null, 2)),
        new Date(`${posted}T00:00:00Z`),
      );
      if (update && hasLaterVersion(index)) {
        const later = laterVersion(study, index, seed);
        const laterPosted = (later as unknown as Study).protocolSection.statusModule.lastUpdatePostDateStruct
          .date;
        await update.add(
          syntheticEntryName(nctId),
          Buffer.from(JSON.stringify(later, null, 2)),
          new Date(`${laterPosted}T00:00:00Z`),
        );
      }
      if (options.onProgress && (index + 1) % 10_000 === 0) options.onProgress(index + 1);
    }
  } finally {
    // Close both even on failure, so no handle stays open.
    bytes = await zip.close();
    updateBytes = update ? await update.close() : 0;
  }
  const result: SyntheticResult = { out: options.out, studies: options.count, adcStudies, bytes };
  if (update) result.update = { out: update.path, studies: update.entries, bytes: updateBytes };
  return result;
}
