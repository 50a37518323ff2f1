import type { DocumentSentence } from '../api/types.ts';

/** A run of a document's text: plain, or one of its cited sentences (the one being read is `current`). */
export interface TextSegment {
  text: string;
  /** The cited sentence this run is, or null for text between sentences. */
  sentenceId: string | null;
  current: boolean;
}

/**
 * Where a sentence is in `text`: its `start`/`end` offsets when they fit the text (the sentence's own text may
 * differ from the document's where a line break stands for a space), else the first place its text occurs;
 * null when it is in neither.
 */
function place(text: string, sentence: DocumentSentence): [number, number] | null {
  const { start, end } = sentence;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length)
    return [start, end];
  const at = sentence.text ? text.indexOf(sentence.text) : -1;
  return at >= 0 ? [at, at + sentence.text.length] : null;
}

/**
 * A document's text cut into runs at its cited sentences, in order, so that the reader can mark each sentence and
 * highlight `currentId`. Every character of `text` is in exactly one run; a sentence that overlaps an earlier one
 * (or cannot be placed) is left unmarked rather than drawn twice.
 */
export function textSegments(
  text: string,
  sentences: readonly DocumentSentence[],
  currentId: string | null = null,
): TextSegment[] {
  const placed = sentences
    .map((sentence) => ({ sentence, at: place(text, sentence) }))
    .filter((p): p is { sentence: DocumentSentence; at: [number, number] } => p.at !== null)
    .sort((a, b) => a.at[0] - b.at[0] || b.at[1] - a.at[1]);
  const out: TextSegment[] = [];
  let cursor = 0;
  for (const { sentence, at } of placed) {
    const [start, end] = at;
    if (start < cursor) continue;
    if (start > cursor) out.push({ text: text.slice(cursor, start), sentenceId: null, current: false });
    out.push({ text: text.slice(start, end), sentenceId: sentence.id, current: sentence.id === currentId });
    cursor = end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor), sentenceId: null, current: false });
  return out;
}
