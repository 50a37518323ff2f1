import type { SeedFileData } from '../../format.ts';

/** The registry's site, the record's publisher as the explorer names it. */
export const DISTRIBUTOR = 'ClinicalTrials.gov';

/** One field value on one line: runs of white space (line breaks too) become one space. */
export const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

/**
 * The rendered record: one line per field the mapper uses, in the order added; each line is a sentence facts cite,
 * under the field's key (`overallStatus`, `intervention2`).
 */
export class Lines {
  readonly sentences: Record<string, string> = {};
  private readonly lines: string[] = [];

  /** Adds `label: value` under `key`; returns the key (for `cite`). */
  add(key: string, label: string, value: string): string {
    const line = `${label}: ${oneLine(value)}`;
    if (this.sentences[key] !== undefined) throw new Error(`sentence key ${key} used twice`);
    this.sentences[key] = line;
    this.lines.push(line);
    return key;
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** `nct01120184-v2019-05-07`: the study and the version (its last-update-posted day). */
export const documentIdOf = (nctId: string, version: string): string => `${nctId.toLowerCase()}-v${version}`;

export const studyUrl = (nctId: string): string => `https://clinicaltrials.gov/study/${nctId}`;

export function studyDocument(nctId: string, version: string, cite: string[]): SeedFileData['document'] {
  const id = documentIdOf(nctId, version);
  return {
    id,
    title: `ClinicalTrials.gov ${nctId}`,
    distributor: DISTRIBUTOR,
    date: version,
    url: studyUrl(nctId),
    sourceFile: `sources/${id}.txt`,
    ...(cite.length > 0 ? { cite } : {}),
  };
}
