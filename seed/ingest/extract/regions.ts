import type { Analysis } from '../analysis.ts';
import { findTerm, vocabulary } from '../vocabulary.ts';
import { escapeRegExp } from './mentions.ts';

/** Regions by the vocabulary's names and aliases ("the US", "Japanese"), for marketers and trial regions. */

let pattern: RegExp | undefined;

/** A region name or adjective, as a whole word, written as the vocabulary writes it (case matters: "US"). */
export function regionPattern(): RegExp {
  pattern ??= new RegExp(
    `(?<![\\w-])(?:${vocabulary()
      .regions.flatMap((r) => [r.name, ...r.aliases])
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\w-])`,
    'g',
  );
  return pattern;
}

export const REGION_NAME = { test: (text: string) => Boolean(findTerm('region', text.trim())) };

/** The id of the region `text` names, if the vocabulary knows it. */
export const regionIdOf = (text: string): string | undefined => findTerm('region', text.trim())?.id;

/** Drafts the region `text` names (the vocabulary's name, the text's spelling an alias) and returns its id. */
export function draftRegion(analysis: Analysis, text: string, index: number): string | undefined {
  const region = findTerm('region', text.trim());
  if (!region) return undefined;
  const names = [region.name, text.trim()].filter((n, i, all) => all.indexOf(n) === i);
  return analysis.entity('regions', names, {}, [index], region.id);
}
