import type { NodeKind } from '../../../server/model/kinds.ts';
import type { Analysis } from '../analysis.ts';

/** `text` read literally inside a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `name` occurs in `text` as whole words (case-sensitive: names are capitalised as written). */
export function findAll(text: string, name: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (!name) return found;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (isWordEdge(text, at - 1) && isWordEdge(text, end)) found.push({ start: at, end });
  }
  return found;
}

const isWordEdge = (text: string, index: number) =>
  index < 0 || index >= text.length || !/[\p{L}\p{N}]/u.test(text[index] as string);

/**
 * Records every occurrence of every name in `ids` (name → entity id) in every sentence, longest names first so
 * "Genentech, Inc." is one mention, not also "Genentech".
 */
export function mentionAll(analysis: Analysis, label: NodeKind, ids: ReadonlyMap<string, string>): void {
  const names = [...ids.keys()].sort((a, b) => b.length - a.length);
  analysis.sentences.forEach(({ text }, sentence) => {
    const taken: { start: number; end: number }[] = [];
    for (const name of names) {
      for (const place of findAll(text, name)) {
        if (taken.some((t) => place.start < t.end && t.start < place.end)) continue;
        taken.push(place);
        analysis.mention({ label, id: ids.get(name) as string, sentence, ...place });
      }
    }
  });
}
