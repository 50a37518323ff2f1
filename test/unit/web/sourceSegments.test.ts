import { describe, expect, it } from 'vitest';
import { textSegments } from '../../../web/src/history/index.ts';

const text =
  'ImmunoGen today announced. Kadcyla was approved in Japan.\nIt triggers a $5 million payment. End.';
const sentence = (id: string, part: string, start = text.indexOf(part)) => ({
  id,
  text: part,
  start,
  end: start + part.length,
});
const approved = sentence('doc#approved', 'Kadcyla was approved in Japan.');
const payment = sentence('doc#payment', 'It triggers a $5 million payment.');

describe('textSegments', () => {
  it('cuts the text at the cited sentences, highlighting the current one, losing no character', () => {
    const segments = textSegments(text, [payment, approved], 'doc#payment');
    expect(segments).toEqual([
      { text: 'ImmunoGen today announced. ', sentenceId: null, current: false },
      { text: 'Kadcyla was approved in Japan.', sentenceId: 'doc#approved', current: false },
      { text: '\n', sentenceId: null, current: false },
      { text: 'It triggers a $5 million payment.', sentenceId: 'doc#payment', current: true },
      { text: ' End.', sentenceId: null, current: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('marks nothing as current without a current sentence, and returns plain text without sentences', () => {
    expect(textSegments(text, [approved]).filter((s) => s.current)).toEqual([]);
    expect(textSegments(text, [])).toEqual([{ text, sentenceId: null, current: false }]);
    expect(textSegments('', [])).toEqual([]);
  });

  it('trusts the offsets where the sentence text has a space for a line break', () => {
    const across = {
      id: 'doc#across',
      text: 'Japan. It triggers',
      start: text.indexOf('Japan.'),
      end: text.indexOf(' a $5'),
    };
    const segments = textSegments(text, [across], 'doc#across');
    expect(segments.find((s) => s.current)?.text).toBe('Japan.\nIt triggers');
  });

  it('finds a sentence by its text when its offsets do not fit the text', () => {
    const stale = { ...approved, start: 500, end: 530 };
    expect(textSegments(text, [stale], approved.id).find((s) => s.current)?.text).toBe(approved.text);
    const nowhere = { id: 'doc#gone', text: 'Not in the text.', start: -1, end: 3 };
    expect(textSegments(text, [nowhere], 'doc#gone').some((s) => s.sentenceId)).toBe(false);
  });

  it('leaves a sentence overlapping an earlier one unmarked instead of drawing text twice', () => {
    const overlap = sentence('doc#overlap', 'approved in Japan.\nIt');
    const segments = textSegments(text, [approved, overlap], 'doc#overlap');
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.sentenceId).map((s) => s.sentenceId)).toEqual(['doc#approved']);
  });
});
