/** The words the synthetic pipeline is made of: regions and their agencies, name syllables, places, diseases. */

export const REGIONS: [string, string, string, string][] = [
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
export const SYLLABLES = [
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
export const CITIES = [
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
export const EXCHANGES = ['Nasdaq', 'NYSE', 'SIX', 'TSE', 'LSE', 'HKEX'];
export const DISEASES = [
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
export const SETTINGS = [
  'metastatic',
  'early stage',
  'locally advanced',
  'relapsed or refractory',
  'recurrent',
  'advanced',
];
export const LINES = ['first line', 'second line', 'third line or later'];
/** What patients had before, for lines after the first. */
export const PRIOR_THERAPIES = [
  'trastuzumab',
  'platinum chemotherapy',
  'a taxane',
  'an anti-PD-1 antibody',
  'an anthracycline',
  'endocrine therapy',
  'a BTK inhibitor',
  'lenalidomide',
];
/** Who, when the indication narrows the population (empty: everyone with the disease). */
export const POPULATIONS = [
  '',
  'patients aged 65 or older',
  'patients with brain metastases',
  'Asian patients',
];
export const PAYLOAD_CLASSES: [string, string][] = [
  ['maytansinoid', 'microtubule inhibitor'],
  ['auristatin', 'microtubule inhibitor'],
  ['camptothecin', 'topoisomerase I inhibitor'],
  ['pyrrolobenzodiazepine', 'DNA alkylator'],
  ['calicheamicin', 'DNA cleavage'],
];
export const LINKER_TYPES = [
  'cleavable peptide',
  'non-cleavable thioether',
  'hydrazone',
  'disulfide',
  'glucuronide',
];
export const MODALITIES: [string, number][] = [
  ['ADC', 0.4],
  ['ANTIBODY', 0.25],
  ['SMALL_MOLECULE', 0.25],
  ['BISPECIFIC', 0.1],
];
export const MODALITY_WORDS: Record<string, string> = {
  ADC: 'an antibody-drug conjugate',
  ANTIBODY: 'an antibody',
  SMALL_MOLECULE: 'a small molecule',
  BISPECIFIC: 'a bispecific antibody',
};
export const PHASES: [string, string, number][] = [
  ['PHASE_1', 'Phase I', 0.35],
  ['PHASE_1_2', 'Phase I/II', 0.1],
  ['PHASE_2', 'Phase II', 0.3],
  ['PHASE_3', 'Phase III', 0.25],
];

/** A region: id, name, short name, agency. */
export type Region = (typeof REGIONS)[number];
/** A phase: value, words, share of trials. */
export type PhaseEntry = (typeof PHASES)[number];

/** The phase a programme moves to after each phase, when it advances. */
export const NEXT_PHASE: Readonly<Record<string, string>> = {
  PHASE_1: 'PHASE_2',
  PHASE_1_2: 'PHASE_2',
  PHASE_2: 'PHASE_3',
};
