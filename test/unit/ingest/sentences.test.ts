import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitSentences } from '../../../seed/ingest/sentences.ts';
import { normalizeSourceText } from '../../../seed/validate.ts';

const SEED = join(import.meta.dirname, '../../../seed');
const source = (name: string) => readFileSync(join(SEED, 'sources', name), 'utf8');
const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

const FDA_APPROVAL = 'immunogen-kadcyla-2013-02-22-fda-approval.txt';
const EU_JAPAN = 'immunogen-kadcyla-2013-09-20.txt';
const PRIORITY_REVIEW = 'immunogen-kadcyla-2012-11-06-priority-review.txt';

describe('splitSentences', () => {
  it('gives trimmed sentences that are the source between their offsets', () => {
    for (const name of readdirSync(join(SEED, 'sources'))) {
      const text = source(name);
      let previousEnd = 0;
      for (const sentence of splitSentences(text)) {
        expect(sentence.text).toBe(text.slice(sentence.start, sentence.end));
        expect(sentence.text).toBe(sentence.text.trim());
        expect(sentence.text).not.toBe('');
        expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = sentence.end;
      }
    }
  });

  it('ends a sentence at each line: headline, bullets, a dateline line; bullet markers left out', () => {
    const sentences = texts(source(EU_JAPAN));
    expect(sentences).toContain('September 20, 2013');
    expect(sentences).toContain(
      "ImmunoGen, Inc. Announces Positive Regulatory Decisions for Roche's Kadcyla® in the European Union and Japan",
    );
    expect(sentences).toContain(
      'CHMP has issued a positive opinion for Kadcyla, with the European Commission decision expected by the end of 2013.',
    );
    expect(sentences).toContain(
      "Kadcyla comprises Roche's trastuzumab antibody and ImmunoGen's ADC technology.",
    );
    expect(texts('Title\n• First point\n* Second point\n- Third point')).toEqual([
      'Title',
      'First point',
      'Second point',
      'Third point',
    ]);
    expect(texts(source(PRIORITY_REVIEW))).toContain('WALTHAM, Mass. -- November 06, 2012');
  });

  it('makes a Business Wire dateline its own sentence, and keeps "Inc.", "U.S." and "(Nasdaq: IMGN)" inside one', () => {
    const sentences = texts(source(FDA_APPROVAL));
    const at = sentences.indexOf('WALTHAM, Mass.--(BUSINESS WIRE)--');
    expect(at).toBeGreaterThan(0);
    expect(sentences[at + 1]).toMatch(
      /^ImmunoGen, Inc\. \(Nasdaq: IMGN\), a biotechnology company .* the U\.S\. Food and Drug Administration \(FDA\) has granted .* a taxane chemotherapy\.$/,
    );
  });

  it('makes PR Newswire and GlobeNewswire datelines their own sentences', () => {
    expect(
      texts('SOUTH SAN FRANCISCO, Calif., March 3, 2025 /PRNewswire/ -- Acme Corp. today announced results.'),
    ).toEqual([
      'SOUTH SAN FRANCISCO, Calif., March 3, 2025 /PRNewswire/ --',
      'Acme Corp. today announced results.',
    ]);
    expect(
      texts('BOSTON, May 5, 2024 – Acme Bio, Inc. (Nasdaq: ACME) today announced results. It grew.'),
    ).toEqual([
      'BOSTON, May 5, 2024 –',
      'Acme Bio, Inc. (Nasdaq: ACME) today announced results.',
      'It grew.',
    ]);
    expect(texts('CAMBRIDGE, Mass., Jan. 8, 2024 (GLOBE NEWSWIRE) -- Acme Bio today said so.')).toEqual([
      'CAMBRIDGE, Mass., Jan. 8, 2024 (GLOBE NEWSWIRE) --',
      'Acme Bio today said so.',
    ]);
    // Not a dateline: a headline, and a sentence that starts with an acronym.
    expect(texts('FDA Approves Acme Drug – A First')).toEqual(['FDA Approves Acme Drug – A First']);
  });

  it('does not split at abbreviations, money or decimals', () => {
    expect(
      texts(
        'Dr. Jane Smith and Mr. Jones of Acme, Inc. met in Boston, Mass. on Monday. The U.S. deal (No. 2) is worth ' +
          'approx. $10.5 million, e.g. 3.2 times the last one. It closed.',
      ),
    ).toEqual([
      'Dr. Jane Smith and Mr. Jones of Acme, Inc. met in Boston, Mass. on Monday.',
      'The U.S. deal (No. 2) is worth approx. $10.5 million, e.g. 3.2 times the last one.',
      'It closed.',
    ]);
    const sentences = texts(source(FDA_APPROVAL));
    expect(sentences).toContain(
      'FDA approval triggers $10.5 million milestone payment to ImmunoGen; paves way for royalties on commercial sales.',
    );
    expect(texts('More information can be found at www.immunogen.com. Thanks.')).toEqual([
      'More information can be found at www.immunogen.com.',
      'Thanks.',
    ]);
  });

  it('keeps a closing quote after the full stop with its sentence', () => {
    const sentences = texts(source(FDA_APPROVAL));
    expect(sentences).toContain(
      '"This is a big day for the patients with this cancer and for ImmunoGen," commented Daniel Junius, President and CEO.',
    );
    expect(sentences).toContain(
      'In addition to its importance from a medical perspective, commercialization of Kadcyla also marks the start of ImmunoGen earning royalty income."',
    );
    expect(texts('He said, “It works.” Then he left.')).toEqual(['He said, “It works.”', 'Then he left.']);
  });

  it('reads the lines of a hard-wrapped paragraph as one text', () => {
    const sentences = splitSentences(source(PRIORITY_REVIEW)).map((sentence) =>
      normalizeSourceText(sentence.text),
    );
    expect(sentences).toContain(
      'The FDA has assigned this BLA a Prescription Drug User Fee Act (PDUFA) goal date of February 26, 2013.',
    );
    // Not wrapped: a contact block.
    expect(texts('For Media:\nThe Yates Network\nBarbara Yates, 781-258-6153\ninfo@example.com')).toEqual([
      'For Media:',
      'The Yates Network',
      'Barbara Yates, 781-258-6153',
      'info@example.com',
    ]);
  });

  it('produces the sentences the hand-made Kadcyla seed files cite', () => {
    const files = readdirSync(SEED).filter((name) => /^immunogen-kadcyla-.*\.yaml$/.test(name));
    expect(files).toHaveLength(4);
    const shares: Record<string, string> = {};
    for (const file of files) {
      const seed = parse(readFileSync(join(SEED, file), 'utf8')) as {
        document: { sourceFile: string };
        sentences: Record<string, string>;
      };
      const produced = new Set(
        splitSentences(readFileSync(join(SEED, seed.document.sourceFile), 'utf8')).map((sentence) =>
          normalizeSourceText(sentence.text),
        ),
      );
      const cited = Object.values(seed.sentences);
      const found = cited.filter((sentence) => produced.has(normalizeSourceText(sentence))).length;
      shares[file] = `${found}/${cited.length}`;
      expect(found / cited.length, file).toBeGreaterThanOrEqual(0.9);
    }
    // The misses are the two contact blocks of 2013-09-20, which the seed cites as one text over several lines.
    expect(shares).toEqual({
      'immunogen-kadcyla-2012-11-06-priority-review.yaml': '11/11',
      'immunogen-kadcyla-2013-02-22-fda-approval.yaml': '12/12',
      'immunogen-kadcyla-2013-09-20.yaml': '30/32',
      'immunogen-kadcyla-2013-11-20-eu-approval.yaml': '11/11',
    });
  });

  it('splits a 5 KB release in well under 10 ms once warm', () => {
    const release = `${source(EU_JAPAN)}\n\n${source(FDA_APPROVAL)}`.slice(0, 5000);
    for (let i = 0; i < 5; i += 1) splitSentences(release);
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) splitSentences(release);
    const perRelease = (performance.now() - started) / runs;
    expect(perRelease).toBeLessThan(10);
  });
});
