/**
 * A source file (plain text, HTML or PDF) to the plain text a seed file's `sourceFile` holds, or a refusal
 * that says in one line why the file cannot be ingested.
 *
 * The format is sniffed from the content first (`%PDF-`, an HTML opening tag), then taken from the extension,
 * else plain text. HTML is read with htmlparser2 (nothing in the page is ever run); PDF with unpdf (pdf.js,
 * serverless build: no worker, no canvas, no network).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { LIMITS } from '../../server/core/limits.ts';

export const MAX_SOURCE_BYTES = LIMITS.maxSourceBytes;

export type SourceFormat = 'text' | 'html' | 'pdf';

export interface SourceText {
  file: string;
  format: SourceFormat;
  text: string;
  /** The HTML `<title>` (else the first `<h1>`) or the PDF's Title metadata, when there is one. */
  title?: string;
}

/** One clear reason, fit for one line: "<file>: <reason>". */
export class InputRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputRefused';
  }
}

/** Reads a source file; throws InputRefused when it cannot or should not be ingested. */
export async function readSource(file: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputRefused(file, 'is a directory, not a file');
    if (info.size > MAX_SOURCE_BYTES) throw new InputRefused(file, tooLarge(info.size));
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof InputRefused) throw error;
    throw new InputRefused(file, `cannot be read (${readError(error)})`);
  }
  return sourceFromBuffer(file, bytes);
}

/** As readSource, for bytes already in memory (an upload); `file` names the source in refusals. */
export async function sourceFromBuffer(file: string, bytes: Buffer): Promise<SourceText> {
  if (bytes.length > MAX_SOURCE_BYTES) throw new InputRefused(file, tooLarge(bytes.length));
  const format = sniffFormat(file, bytes);
  let text: string;
  let title: string | undefined;
  if (format === 'pdf') {
    ({ text, title } = await pdfText(file, bytes));
  } else {
    const decoded = decode(file, bytes);
    if (format === 'html') ({ text, title } = htmlText(decoded));
    else text = decoded;
  }
  if (text.trim() === '') {
    throw new InputRefused(
      file,
      format === 'text' ? 'is empty (or only white space)' : `has no text (${format})`,
    );
  }
  const longest = longestRun(text);
  if (longest > MAX_RUN_WITHOUT_SPACE) {
    throw new InputRefused(
      file,
      `has ${longest} characters in a row without a space (at most ${MAX_RUN_WITHOUT_SPACE}): not the prose of a release`,
    );
  }
  const score = englishScore(text);
  if (score.words >= MIN_WORDS_FOR_LANGUAGE && score.ratio < MIN_ENGLISH_RATIO) {
    throw new InputRefused(
      file,
      `does not look like English (${(score.ratio * 100).toFixed(0)}% common English words; at least ${MIN_ENGLISH_RATIO * 100}% expected)`,
    );
  }
  return title ? { file, format, text, title } : { file, format, text };
}

/**
 * The longest run of characters without white space a source may have. The longest in the corpora is 129 (a URL);
 * the sentence splitter and the rules take time that grows with the square of a run's length (a run of 30,000
 * took 1.5 s, of 100,000 took 15 s), so a source that is one long run is refused before them.
 */
export const MAX_RUN_WITHOUT_SPACE = 1000;

function longestRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/\S+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

function tooLarge(size: number): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `is ${mb(size)} (${size} bytes), larger than the ${mb(MAX_SOURCE_BYTES)} limit`;
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return code ?? (error instanceof Error ? error.message : String(error));
}

// ---------------------------------------------------------------------------------------------------------
// Format

const HTML_START =
  /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|h[1-6]|table|ul|ol)[\s>/]/i;

/** Content first (`%PDF-` in the first KB, an HTML opening tag), then the extension, else text. */
function sniffFormat(file: string, bytes: Buffer): SourceFormat {
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  const start = head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart();
  if (HTML_START.test(start) || /<(?:html|body)[\s>]/i.test(head)) return 'html';
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  return 'text';
}

// ---------------------------------------------------------------------------------------------------------
// Text: decoding, binary detection

/**
 * The bytes as text: UTF-8 (or UTF-16 with a byte-order mark), BOM stripped, CRLF and CR as LF. Refuses
 * empty and binary content: a NUL byte, or more than 2% control characters or undecodable bytes.
 */
function decode(file: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new InputRefused(file, 'is empty (0 bytes)');
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) throw new InputRefused(file, 'is binary (contains NUL bytes), not text');
    text = new TextDecoder('utf-8').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let bad = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (
      code === 0xfffd ||
      code === 0 ||
      (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12)
    )
      bad += 1;
    else if (code >= 0x7f && code < 0xa0) bad += 1;
  }
  if (text.length > 0 && bad / text.length > 0.02) {
    throw new InputRefused(
      file,
      `is binary or not UTF-8 text (${((bad / text.length) * 100).toFixed(0)}% control or undecodable characters)`,
    );
  }
  if (text.trim() === '') throw new InputRefused(file, 'is empty (only white space)');
  return text.replace(/\r\n?/g, '\n');
}

// ---------------------------------------------------------------------------------------------------------
// Language

/**
 * About a hundred of the most common English function words (articles, pronouns, prepositions, conjunctions,
 * auxiliaries). A text's score is the share of its words (runs of letters) that are among them. Measured: the
 * four ImmunoGen releases in seed/sources score 0.34–0.37 (whole files, source header and contacts included),
 * the English HTML and PDF fixtures 0.3 and more; the French, German and Spanish fixture releases 0.00–0.02
 * (shared words such as "a", "in", "an" are rare). Refused below 0.12, when the text has at least
 * MIN_WORDS_FOR_LANGUAGE words (fewer is too little to judge, and is let through).
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the of and to a in is that for it as was with be by on not he i this are or his from at which but have an ' +
    'they you were her she there been one all we their has would when if so no will more can who its our out ' +
    'them than into these also may other such only some could should any about after over under between ' +
    'through during before while where both each those then do does did had being what how up because ' +
    'most very until upon against within without toward per us my your him me'
  ).split(' '),
);
const MIN_ENGLISH_RATIO = 0.12;
const MIN_WORDS_FOR_LANGUAGE = 20;

/** The share of the text's words that are common English function words, and how many words it has. */
export function englishScore(text: string): { ratio: number; words: number } {
  let words = 0;
  let hits = 0;
  for (const match of text.matchAll(/\p{L}+/gu)) {
    words += 1;
    if (ENGLISH_FUNCTION_WORDS.has(match[0].toLowerCase())) hits += 1;
  }
  return { ratio: words === 0 ? 0 : hits / words, words };
}

// ---------------------------------------------------------------------------------------------------------
// HTML

/** Elements whose content is never text of the page. */
const DROPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'nav',
  'aside',
  'form',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'button',
  'select',
  'textarea',
  'video',
  'audio',
  'dialog',
]);
/** Dropped unless inside the <article> or <main> chosen as the page's text (an article's own header has its title). */
const PAGE_FURNITURE = new Set(['header', 'footer']);
/** Block elements that end a paragraph: a blank line before and after. */
const PARAGRAPH = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'dl',
  'table',
  'pre',
  'figure',
  'address',
  'hr',
  'section',
  'article',
  'main',
  'header',
  'footer',
]);
/** Block elements that end a line. */
const LINE = new Set([
  'div',
  'li',
  'tr',
  'br',
  'dt',
  'dd',
  'figcaption',
  'caption',
  'summary',
  'details',
  'body',
]);

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];

function htmlText(html: string): { text: string; title?: string } {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const titleElement = DomUtils.findOne((e) => e.name === 'title', document.children, true);
  const h1 = DomUtils.findOne((e) => e.name === 'h1', document.children, true);
  const title =
    collapse(titleElement ? DomUtils.textContent(titleElement) : '') || collapse(h1 ? inlineText(h1) : '');

  // The page's text: its longest <article>, else its <main>, else everything.
  const articles = DomUtils.findAll((e) => e.name === 'article', document.children);
  let roots: HtmlNode[] = document.children;
  let best = 0;
  for (const article of articles) {
    const length = collapse(DomUtils.textContent(article)).length;
    if (length > best) [best, roots] = [length, [article]];
  }
  if (best === 0) {
    const main = DomUtils.findOne((e) => e.name === 'main', document.children, true);
    if (main) roots = [main];
  }
  const writer = new LineWriter();
  for (const node of roots) walk(node, writer, false);
  return title ? { text: writer.finish(), title } : { text: writer.finish() };
}

function inlineText(node: HtmlNode): string {
  const writer = new LineWriter();
  walk(node, writer, true);
  return writer.finish();
}

function isHidden(attribs: Record<string, string>): boolean {
  return (
    'hidden' in attribs ||
    attribs['aria-hidden'] === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '')
  );
}

function walk(node: HtmlNode, out: LineWriter, keepFurniture: boolean): void {
  if ('attribs' in node) walkElement(node, out, keepFurniture);
  else if (String(node.type) === 'text' && 'data' in node) out.text(node.data);
  else if (String(node.type) !== 'comment' && 'children' in node) {
    for (const child of node.children) walk(child, out, keepFurniture); // the document, CDATA
  }
}

type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

function walkElement(node: HtmlElement, out: LineWriter, keepFurniture: boolean): void {
  const name = node.name;
  if (DROPPED.has(name) || name === 'title' || isHidden(node.attribs)) return;
  if (PAGE_FURNITURE.has(name) && !keepFurniture) return;
  const inner = keepFurniture || name === 'article' || name === 'main';
  if (name === 'br') {
    out.lineBreak();
    return;
  }
  const paragraph = PARAGRAPH.has(name);
  const line = LINE.has(name);
  if (paragraph) out.paragraphBreak();
  else if (line) out.lineBreak();
  if (name === 'li') out.text('- ', true);
  if (name === 'td' || name === 'th') out.text(' ');
  for (const child of node.children) walk(child, out, inner);
  if (name === 'td' || name === 'th') out.text(' ');
  if (paragraph) out.paragraphBreak();
  else if (line) out.lineBreak();
}

/** Builds lines of text: spaces collapsed within a line, at most one blank line in a row, no blank ends. */
class LineWriter {
  private readonly lines: string[] = [];
  private current = '';
  private blank = false;

  text(data: string, verbatim = false): void {
    this.current += verbatim ? data : data.replace(/\s+/g, ' ');
  }

  lineBreak(): void {
    const line = collapse(this.current.replace(/^- +$/, ''));
    this.current = '';
    if (line === '') return;
    if (this.blank && this.lines.length > 0) this.lines.push('');
    this.blank = false;
    this.lines.push(line);
  }

  paragraphBreak(): void {
    this.lineBreak();
    this.blank = true;
  }

  finish(): string {
    this.lineBreak();
    return this.lines.join('\n');
  }
}

/** Runs of white space (no-break spaces included) as one space, trimmed. */
function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------
// PDF

interface PdfLine {
  text: string;
  y: number;
  left: number;
  right: number;
  height: number;
}

async function pdfText(file: string, bytes: Buffer): Promise<{ text: string; title?: string }> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') throw new InputRefused(file, 'is a password-protected PDF');
    const message = error instanceof Error ? error.message : String(error);
    throw new InputRefused(file, `cannot be parsed as PDF (${message.replace(/\.$/, '')})`);
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items));
      page.cleanup();
    }
    const text = pages.filter((page) => page !== '').join('\n\n');
    if (text.trim() === '') throw new InputRefused(file, 'has no text layer (a scanned image?)');
    let title: string | undefined;
    try {
      const metadata = await pdf.getMetadata();
      const info = metadata.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string') title = collapse(info.Title) || undefined;
    } catch {
      // No readable metadata: no title.
    }
    return title ? { text, title } : { text };
  } catch (error) {
    if (error instanceof InputRefused) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InputRefused(file, `cannot be parsed as PDF (${message.replace(/\.$/, '')})`);
  } finally {
    await pdf.destroy();
  }
}

interface PdfItem {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * A page's text items as lines, then as paragraphs: a line joins the next one with a space when the vertical
 * gap is an ordinary line spacing and the line either fills the text width (a wrapped line) or does not end a
 * sentence while the next begins in lower case; a bullet always starts a line; a larger gap is a blank line.
 */
function pageText(items: readonly unknown[]): string {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  const end = () => {
    if (current && current.text.trim() !== '') lines.push({ ...current, text: collapse(current.text) });
    current = undefined;
  };
  for (const raw of items) {
    const item = raw as PdfItem;
    if (typeof item.str !== 'string') continue;
    const x = item.transform?.[4] ?? 0;
    const y = item.transform?.[5] ?? 0;
    const height = Math.abs(item.height ?? 0) || Math.abs(item.transform?.[3] ?? 0);
    if (current && item.str !== '' && Math.abs(current.y - y) > Math.max(current.height, height) * 0.5) end();
    if (item.str !== '') {
      if (!current) current = { text: '', y, left: x, right: x, height };
      current.text += item.str;
      current.left = Math.min(current.left, x);
      current.right = Math.max(current.right, x + (item.width ?? 0));
      current.height = Math.max(current.height, height);
    }
    if (item.hasEOL) end();
  }
  end();
  if (lines.length === 0) return '';
  const full = Math.max(...lines.map((line) => line.right - line.left));
  let text = lines[0]?.text ?? '';
  for (let i = 1; i < lines.length; i += 1) {
    const previous = lines[i - 1] as PdfLine;
    const line = lines[i] as PdfLine;
    const gap = previous.y - line.y;
    const spacing = Math.max(previous.height, line.height, 1);
    if (gap < 0 || gap > spacing * 1.5) text += '\n\n';
    else if (/^[-•*‣▪◦–]\s/.test(line.text)) text += '\n';
    else if (
      previous.right - previous.left >= full * 0.8 ||
      (!endsSentence(previous.text) && /^\p{Ll}/u.test(line.text))
    )
      text += /\p{L}-$/u.test(previous.text) ? '' : ' ';
    else text += '\n';
    text += line.text;
  }
  return text;
}

function endsSentence(line: string): boolean {
  return /[.!?:;]["'”’)\]]*$/.test(line);
}
