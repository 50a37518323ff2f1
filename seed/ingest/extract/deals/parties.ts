import type { Mention } from '../../analysis.ts';
import type { DealsOfDocument } from './deal.ts';

/** Unique companies the sentence names, in order. */
export function companiesIn(doc: DealsOfDocument, index: number): Mention[] {
  const seen = new Set<string>();
  return doc.analysis.mentionsIn(index, 'Company').filter((m) => !seen.has(m.id) && seen.add(m.id));
}

/**
 * The company a verb at `offset` is about: the nearest one named before it in the sentence, else (for "Its
 * pipeline includes …", "The Company …") the first one of the previous sentence, else the publisher.
 */
export function subjectOf(
  doc: DealsOfDocument,
  index: number,
  companies: Mention[],
  offset: number,
): string | undefined {
  const before = companies.filter((m) => m.end <= offset);
  if (before.length) return (before[before.length - 1] as Mention).id;
  if (!/^(?:its|it|the company|we|our)\b/i.test(doc.texts[index] as string)) return undefined;
  return companiesIn(doc, index - 1)[0]?.id ?? doc.analysis.publisher;
}
