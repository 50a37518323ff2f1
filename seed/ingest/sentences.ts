/**
 * A source text as sentences, each with its offsets in the text, for seed files to cite verbatim.
 *
 * Lines are hard boundaries (a headline, a bullet, a dateline line each end a sentence), except where a text is
 * hard-wrapped: there a paragraph's lines are read as one (see `segments`). A dateline opening a paragraph
 * (`WALTHAM, Mass.--(BUSINESS WIRE)--`, `SOUTH SAN FRANCISCO, Calif., March 3, 2025 /PRNewswire/ --`,
 * `BOSTON, May 5, 2024 –`) is a sentence of its own. Within that, sentences are split by wink-nlp's sentence
 * boundary detection with its packaged English model (it keeps abbreviations such as "Inc.", "U.S.", "Dr.",
 * decimals and money, and closing quotes after a full stop with their sentence), with a few corrections for
 * abbreviations that never end a sentence.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export interface SourceSentence {
  /** `source.slice(start, end)`, trimmed; a leading bullet marker is not part of it. */
  text: string;
  start: number;
  end: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** The wink-nlp instance, loaded on first use (about 70 ms), sentence boundary detection only. */
function wink(): Nlp {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

export function splitSentences(source: string): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  for (const [start, end] of segments(source)) splitSegment(source, start, end, sentences);
  return sentences;
}

// ---------------------------------------------------------------------------------------------------------
// Lines and segments

const BULLET = /^[ \t]*[-•*‣▪◦·][ \t]+/;
/** Ends a sentence: . ! ? or : (a label such as "For Investors:"), possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?:]["'”’»)\]]*$/;

/** A line that is an e-mail address or a web address (in lower case, yet not a continuation). */
const ADDRESS = /^(?:[\w.+-]+@[\w-]+\.[\w.-]+|(?:https?:\/\/|www\.)\S+)[.,;]?$/;

/**
 * The ranges of the text that are read as one run of sentences: each non-blank line, except that a line
 * break inside a paragraph is soft (the lines are joined) when
 * - the paragraph is hard-wrapped prose: at least three lines, none a bullet, the longest 50–100 characters
 *   and every line but the last at least 60% of it (a fixed-width wrap; contact blocks and lists fail this);
 * - or the line does not end a sentence and the next line starts in lower case.
 */
function segments(source: string): [number, number][] {
  const lines: [number, number][] = [];
  let from = 0;
  while (from <= source.length) {
    let to = source.indexOf('\n', from);
    if (to < 0) to = source.length;
    lines.push([from, to]);
    from = to + 1;
  }
  const result: [number, number][] = [];
  let block: [number, number][] = [];
  const flush = () => {
    if (block.length > 0) joinBlock(source, block, result);
    block = [];
  };
  for (const line of lines) {
    if (source.slice(line[0], line[1]).trim() === '') flush();
    else block.push(line);
  }
  flush();
  return result;
}

function joinBlock(source: string, block: [number, number][], out: [number, number][]): void {
  const texts = block.map(([start, end]) => source.slice(start, end).trim());
  const widest = Math.max(...texts.map((text) => text.length));
  const wrapped =
    texts.length >= 3 &&
    widest >= 50 &&
    widest <= 100 &&
    texts.every((text, i) => !BULLET.test(text) && (i === texts.length - 1 || text.length >= widest * 0.6));
  let current = block[0] as [number, number];
  for (let i = 1; i < block.length; i += 1) {
    const previous = texts[i - 1] as string;
    const next = texts[i] as string;
    const soft =
      wrapped ||
      (!SENTENCE_END.test(previous) && !BULLET.test(next) && /^\p{Ll}/u.test(next) && !ADDRESS.test(next));
    const line = block[i] as [number, number];
    if (soft) current = [current[0], line[1]];
    else {
      out.push(current);
      current = line;
    }
  }
  out.push(current);
}

// ---------------------------------------------------------------------------------------------------------
// Datelines

const MONTH =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4})`;
/** A place in capitals ("SOUTH SAN FRANCISCO", "BOSTON and CAMBRIDGE"), then ", State." parts. */
const PLACE = `[A-Z][A-Z.'’&-]{2,}(?:[ \\t]+(?:and|&|[A-Z][A-Z.'’&-]*))*(?:,[ \\t]*[A-Z][A-Za-z.'’-]*(?:[ \\t]+[A-Z][A-Za-z.'’-]*)*)*`;
/** A wire service: "(BUSINESS WIRE)", "/PRNewswire/", "/PRNewswire-FirstCall/", "(GLOBE NEWSWIRE)". */
const WIRE = '(?:\\([A-Za-z][A-Za-z .-]{1,30}\\)|/[A-Za-z][A-Za-z .-]{1,30}/)';
const DASH = '(?:--|–|—|\\s-\\s)';
/**
 * A dateline at the start of a paragraph: place, optionally a date and a wire service, and a dash; the
 * sentence ends with the dash (and a wire service and second dash after it, Business Wire style).
 */
const DATELINE = new RegExp(
  `^${PLACE}(?:,?[ \\t]*${DATE})?(?:[ \\t]*${WIRE})?[ \\t]*${DASH}(?:[ \\t]*${WIRE}[ \\t]*${DASH})?`,
  'u',
);
/** What may follow a dateline's dash on its own line and belongs to it: a date. */
const DATE_ONLY = new RegExp(`^[ \\t]*${DATE}[ \\t]*$`);

// ---------------------------------------------------------------------------------------------------------
// Sentences within a segment

/** Never end a sentence: a split after them is undone. */
const NEVER_FINAL = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prof.',
  'st.',
  'no.',
  'nos.',
  'vs.',
  'e.g.',
  'i.e.',
  'approx.',
  'fig.',
  'figs.',
  'ref.',
  'cf.',
  'dept.',
  'ph.d.',
  'm.d.',
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'aug.',
  'sep.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
]);
/** May end a sentence, but not when the next piece starts in lower case, with a digit, or with punctuation. */
const MAYBE_FINAL =
  /(?:^|[\s(])(?:Inc|Corp|Co|Ltd|L\.P|LLC|S\.A|N\.V|A\.G|Mass|Calif|Conn|Penn|Wash|Fla|Ill|Mich|Minn|U\.S|U\.K|E\.U|et al|etc)\.$/;

function splitSegment(source: string, start: number, end: number, out: SourceSentence[]): void {
  let from = start;
  const bullet = BULLET.exec(source.slice(start, Math.min(end, start + 8)));
  if (bullet) from += bullet[0].length;
  const dateline = DATELINE.exec(source.slice(from, Math.min(end, from + 200)));
  if (dateline) {
    const rest = source.slice(from + dateline[0].length, end);
    if (rest.trim() === '' || DATE_ONLY.test(rest)) {
      push(source, from, end, out);
      return;
    }
    push(source, from, from + dateline[0].length, out);
    from += dateline[0].length;
  }
  const text = source.slice(from, end);
  if (text.trim() === '') return;
  const pieces: [number, number][] = [];
  let cursor = 0;
  for (const value of wink().readDoc(text).sentences().out()) {
    const at = text.indexOf(value, cursor);
    if (at < 0 || value === '') continue;
    pieces.push([at, at + value.length]);
    cursor = at + value.length;
  }
  // Anything wink left out (it should not) goes with the piece before it, or alone.
  if (pieces.length === 0) pieces.push([0, text.length]);
  const last = pieces[pieces.length - 1] as [number, number];
  if (text.slice(last[1]).trim() !== '') last[1] = text.length;
  const merged: [number, number][] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    const stands =
      !previous ||
      (/\s/.test(text.slice(previous[1], piece[0] + 1)) &&
        endsHere(text.slice(previous[0], previous[1]), text.slice(piece[0], piece[1])));
    if (previous && !stands) {
      previous[1] = piece[1];
    } else merged.push([piece[0], piece[1]]);
  }
  for (const [a, b] of merged) push(source, from + a, from + b, out);
}

/**
 * Whether a split between these two pieces stands (a split with no white space at it, as in
 * "www.immunogen.com", never does).
 */
function endsHere(before: string, after: string): boolean {
  const lastWord = /\S+$/.exec(before)?.[0].toLowerCase() ?? '';
  const lastToken = lastWord.replace(/^[("“‘']+/, '');
  if (NEVER_FINAL.has(lastToken)) return false;
  const next = after.trimStart();
  if (MAYBE_FINAL.test(before) && /^[\p{Ll}\d,;:)]/u.test(next)) return false;
  // A decimal or a number split after its point ("$10." "5 million").
  if (/\d\.$/.test(before) && /^\d/.test(next)) return false;
  return true;
}

function push(source: string, start: number, end: number, out: SourceSentence[]): void {
  while (start < end && /\s/.test(source[start] as string)) start += 1;
  while (end > start && /\s/.test(source[end - 1] as string)) end -= 1;
  if (end > start) out.push({ text: source.slice(start, end), start, end });
}
