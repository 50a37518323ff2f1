import type { Analysis } from '../analysis.ts';
import { extractCompanies } from './companies.ts';
import { extractDeals } from './deals/index.ts';
import { extractDocument } from './document.ts';
import { extractDrugs } from './drugs.ts';
import { extractPeople } from './people.ts';
import { extractRegulatory } from './regulatory/index.ts';
import { extractTrials } from './trials.ts';

/** One family of rules: reads the analysis's sentences and what earlier rules found, drafts facts. */
export type Extractor = (analysis: Analysis) => void;

/**
 * In order: each rule may use what the ones before it found (the release date, the companies and drugs the
 * sentences name, the events a milestone is triggered by).
 */
export const EXTRACTORS: readonly Extractor[] = [
  extractDocument,
  extractCompanies,
  extractPeople,
  extractDrugs,
  extractTrials,
  extractRegulatory,
  extractDeals,
];
