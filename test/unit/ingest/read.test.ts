import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  englishScore,
  InputRefused,
  MAX_RUN_WITHOUT_SPACE,
  MAX_SOURCE_BYTES,
  readSource,
  sourceFromBuffer,
} from '../../../seed/ingest/read.ts';
import { splitSentences } from '../../../seed/ingest/sentences.ts';

const INPUTS = join(import.meta.dirname, '../../fixtures/ingest/inputs');
const SOURCES = join(import.meta.dirname, '../../../seed/sources');
const input = (name: string) => join(INPUTS, name);

/** The refusal's reason, or a failure when the source is accepted. */
async function refusal(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (error) {
    expect(error).toBeInstanceOf(InputRefused);
    const refused = error as InputRefused;
    expect(refused.message).toBe(`${refused.file}: ${refused.reason}`);
    expect(refused.message).not.toContain('\n');
    return refused.reason;
  }
  throw new Error('expected the source to be refused');
}

const english =
  'Acme Bio today announced that the FDA has approved its drug for the treatment of adults with advanced ' +
  'breast cancer who have received prior therapy. The approval is based on the results of a Phase 3 trial.';

describe('readSource: plain text', () => {
  it('strips a byte-order mark and reads CRLF as LF', async () => {
    const source = await readSource(input('bom-crlf.txt'));
    expect(source).toEqual({
      file: input('bom-crlf.txt'),
      format: 'text',
      text: 'Acme Bio today announced results.\nThe trial met its primary endpoint.\n',
    });
  });

  it('reads a press release as it is', async () => {
    const file = join(SOURCES, 'immunogen-kadcyla-2013-09-20.txt');
    const source = await readSource(file);
    expect(source.format).toBe('text');
    expect(source.text).toBe(await readFile(file, 'utf8'));
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(english, 'utf16le')]);
    expect((await sourceFromBuffer('upload.txt', bytes)).text).toBe(english);
  });
});

describe('readSource: HTML', () => {
  it('keeps the article text only, as lines, with entities decoded and list items as "- " lines', async () => {
    const source = await readSource(input('release.html'));
    expect(source.format).toBe('html');
    expect(source.title).toBe('Acme Bio Announces FDA Approval of Zeltra & More');
    expect(source.text).toBe(
      [
        'Acme Bio Announces FDA Approval of Zeltra',
        '',
        'BOSTON, May 5, 2024 – Acme Bio, Inc. (Nasdaq: ACME), a biotechnology company, today announced that the U.S. Food and Drug Administration (FDA) has approved Zeltra® for adults with advanced breast cancer.',
        '',
        'The approval triggers a $10.5 million milestone payment to Acme.',
        'Dr. Jane Smith said it was a good day.',
        '',
        '- Zeltra is the first drug of its kind.',
        '- Launch is expected in the third quarter.',
        '',
        'About Acme Bio',
        '',
        'Acme Bio is a biotechnology company based in Boston, "Mass." — and it develops medicines for patients with cancer.',
      ].join('\n'),
    );
    for (const junk of [
      'SCRIPT',
      'STYLE',
      'NAV',
      'SITE HEADER',
      'FOOTER',
      'ASIDE',
      'TEMPLATE',
      'NOSCRIPT',
      'SVG',
    ]) {
      expect(source.text).not.toContain(junk);
    }
    for (const junk of ['FORM', 'HIDDEN', 'IFRAME', 'alert', 'color'])
      expect(source.text).not.toContain(junk);
  });

  it('without <article> or <main>, reads the body without page header, footer and navigation', async () => {
    const html = `<html><body><header>Site</header><nav><a>Home</a></nav><div><h1>Acme &amp; Co Report</h1>
      <div>${english}</div><div>Line <b>one</b><br/>Line   two</div></div>
      <footer>Copyright</footer><script>var x = "<p>no</p>";</script></body></html>`;
    const source = await sourceFromBuffer('page.txt', Buffer.from(html));
    expect(source).toEqual({
      file: 'page.txt',
      format: 'html',
      title: 'Acme & Co Report',
      text: `Acme & Co Report\n\n${english}\nLine one\nLine two`,
    });
  });

  it('is recognised by its content whatever the name, and by its extension otherwise', async () => {
    expect((await sourceFromBuffer('x.txt', Buffer.from(`<!DOCTYPE html><p>${english}</p>`))).format).toBe(
      'html',
    );
    expect((await sourceFromBuffer('x', Buffer.from(`<p>${english}</p>`))).format).toBe('html');
    expect((await sourceFromBuffer('x.htm', Buffer.from(`${english} <b>bold</b>`))).text).toBe(
      `${english} bold`,
    );
    expect((await sourceFromBuffer('x.md', Buffer.from(`${english} <b>bold</b>`))).format).toBe('text');
  });

  it('refuses a page with no text', async () => {
    const reason = await refusal(sourceFromBuffer('x.html', Buffer.from('<html><nav>Home</nav></html>')));
    expect(reason).toBe('has no text (html)');
  });
});

describe('readSource: PDF', () => {
  it('extracts the text layer, paragraphs separated by a blank line, with the Title metadata', async () => {
    const source = await readSource(input('text-layer.pdf'));
    expect(source).toEqual({
      file: input('text-layer.pdf'),
      format: 'pdf',
      title: 'Acme Bio Phase 2 Results',
      text: [
        'Acme Bio Announces Positive Phase 2 Results',
        '',
        'BOSTON, May 5, 2024 - Acme Bio, Inc. today announced that its drug AB-101 met the primary endpoint of the study in patients with advanced breast cancer. The company will present the data at a medical meeting later this year.',
        '',
        'About Acme Bio',
        '',
        'Acme Bio is a biotechnology company based in Boston.',
      ].join('\n'),
    });
  });

  it('refuses a PDF without a text layer', async () => {
    expect(await refusal(readSource(input('no-text.pdf')))).toBe('has no text layer (a scanned image?)');
  });

  it('refuses a file that cannot be parsed as PDF', async () => {
    expect(await refusal(readSource(input('broken.pdf')))).toMatch(/^cannot be parsed as PDF \(.+\)$/);
    expect(await refusal(readSource(input('corrupt.pdf')))).toMatch(/^cannot be parsed as PDF \(.+\)$/);
  });
});

describe('readSource: refusals', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ingest-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file that cannot be read', async () => {
    expect(await refusal(readSource(input('missing.txt')))).toBe('cannot be read (no such file)');
    expect(await refusal(readSource(INPUTS))).toBe('is a directory, not a file');
  });

  it('refuses a file over 10 MB before reading it, saying its size and the limit', async () => {
    const file = join(dir, 'huge.txt');
    await writeFile(file, '');
    await truncate(file, 12 * 1024 * 1024); // sparse: nothing to read
    expect(await refusal(readSource(file))).toBe('is 12 MB (12582912 bytes), larger than the 10 MB limit');
    const bytes = Buffer.alloc(MAX_SOURCE_BYTES + 1, 'a');
    expect(await refusal(sourceFromBuffer('upload.txt', bytes))).toBe(
      'is 10 MB (10485761 bytes), larger than the 10 MB limit',
    );
  });

  it('refuses an empty or blank file', async () => {
    expect(await refusal(readSource(input('blank.txt')))).toBe('is empty (only white space)');
    expect(await refusal(sourceFromBuffer('empty.txt', Buffer.alloc(0)))).toBe('is empty (0 bytes)');
  });

  it('refuses binary content', async () => {
    expect(await refusal(readSource(input('binary.bin')))).toBe('is binary (contains NUL bytes), not text');
    const controls = Buffer.from(`${english}${'\u0001\u0002\u0003'.repeat(20)}`);
    expect(await refusal(sourceFromBuffer('x.txt', controls))).toMatch(/^is binary or not UTF-8 text \(\d+%/);
    const latin1 = Buffer.from('\u00e9\u00e8\u00ea\u00e0 '.repeat(50), 'latin1');
    expect(await refusal(sourceFromBuffer('x.txt', latin1))).toMatch(/^is binary or not UTF-8 text/);
  });

  it('refuses text that is not English, by its share of common English function words', async () => {
    for (const name of ['french.txt', 'german.txt', 'spanish.txt']) {
      expect(await refusal(readSource(input(name))), name).toMatch(
        /^does not look like English \(\d+% common English words; at least 12% expected\)$/,
      );
    }
  });
});

describe('englishScore', () => {
  it('scores the English releases well above the threshold and other languages near 0', async () => {
    for (const name of [
      'immunogen-kadcyla-2012-11-06-priority-review.txt',
      'immunogen-kadcyla-2013-02-22-fda-approval.txt',
      'immunogen-kadcyla-2013-09-20.txt',
      'immunogen-kadcyla-2013-11-20-eu-approval.txt',
    ]) {
      expect(englishScore(await readFile(join(SOURCES, name), 'utf8')).ratio, name).toBeGreaterThan(0.3);
    }
    for (const name of ['french.txt', 'german.txt', 'spanish.txt']) {
      expect(englishScore(await readFile(input(name), 'utf8')).ratio, name).toBeLessThan(0.05);
    }
  });
});

describe('sentences of a read source', () => {
  it('are verbatim substrings of its text, whatever the format', async () => {
    for (const name of ['release.html', 'text-layer.pdf', 'bom-crlf.txt']) {
      const { text } = await readSource(input(name));
      const sentences = splitSentences(text);
      expect(sentences.length, name).toBeGreaterThan(1);
      for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    const { text } = await readSource(input('release.html'));
    expect(splitSentences(text).map((sentence) => sentence.text)).toContain('BOSTON, May 5, 2024 –');
  });
});

describe('readSource: what is not prose', () => {
  it('refuses a run of characters without a space longer than a release ever has, before the rules see it', async () => {
    const refused = sourceFromBuffer(
      'blob.txt',
      Buffer.from(`Roche said ${'y'.repeat(MAX_RUN_WITHOUT_SPACE + 1)}.`),
    );
    await expect(refused).rejects.toThrow(
      /blob\.txt: has 1002 characters in a row without a space \(at most 1000\)/,
    );
    const url = `See https://example.com/${'a'.repeat(200)} for the release.`;
    await expect(sourceFromBuffer('url.txt', Buffer.from(url))).resolves.toMatchObject({ text: url });
  });
});
