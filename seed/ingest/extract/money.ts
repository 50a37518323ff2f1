/**
 * Amounts of money as press releases write them: "$10.5 million", "US$80 million", "€20 million",
 * "EUR 40 million", "¥5 billion", "CHF 1.2 billion", "$42.50 per share", "80 million euros", each with its ISO
 * currency, its value in units, and the words around it that say what kind of amount it is (a price per share,
 * an "up to" ceiling, an approximation).
 */

import { escapeRegExp } from './mentions.ts';

export interface MoneyMention {
  /** In units of `currency`: "$10.5 million" is 10500000. */
  amount: number;
  /** ISO 4217. */
  currency: string;
  /** Offsets of the amount in the text (the currency and scale words included). */
  start: number;
  end: number;
  /** A price per share ("$42.50 per share"): never a deal amount. */
  perShare: boolean;
  /** A ceiling ("up to $1.1 billion"). */
  upTo: boolean;
  /** "approximately $3.1 billion", "about", "nearly". */
  approximate: boolean;
}

/** Currency marks written before the number, longest first so "US$" wins over "$". */
const PREFIX_CURRENCIES: readonly [string, string][] = [
  ['US$', 'USD'],
  ['U.S.$', 'USD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['A$', 'AUD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['\\$', 'USD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['CN¥', 'CNY'],
  ['RMB', 'CNY'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['JPY', 'JPY'],
  ['CHF', 'CHF'],
  ['CNY', 'CNY'],
  ['CAD', 'CAD'],
  ['AUD', 'AUD'],
  ['DKK', 'DKK'],
  ['SEK', 'SEK'],
  ['KRW', 'KRW'],
  ['₩', 'KRW'],
  ['HKD', 'HKD'],
  ['SGD', 'SGD'],
  ['INR', 'INR'],
  ['₹', 'INR'],
];

/** Currency words written after the number ("80 million euros"). */
const SUFFIX_CURRENCIES: readonly [string, string][] = [
  ['U.S. dollars', 'USD'],
  ['US dollars', 'USD'],
  ['dollars', 'USD'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['Swiss francs', 'CHF'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['pounds sterling', 'GBP'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['CHF', 'CHF'],
  ['JPY', 'JPY'],
  ['CNY', 'CNY'],
  ['GBP', 'GBP'],
];

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mm: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
};

const alternatives = (pairs: readonly [string, string][]) =>
  [...pairs]
    .sort(([a], [b]) => b.length - a.length)
    .map(([mark]) => escapeRegExp(mark))
    .join('|');

const PREFIX_OF = new Map(PREFIX_CURRENCIES);
const SUFFIX_OF = new Map(SUFFIX_CURRENCIES.map(([word, code]) => [word.toLowerCase(), code]));
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = 'thousand|million|billion|trillion|bn|mn|mm|[mMbBkK]';
/** A letter-code currency ("EUR") must stand alone: not the end of a longer word. */
const PREFIXED = new RegExp(
  String.raw`(?<![A-Za-z])(${alternatives(PREFIX_CURRENCIES)})\s?(${NUMBER})(?:\s?(${SCALE})\b)?`,
  'gi',
);
const SUFFIXED = new RegExp(
  String.raw`(?<![\w$€£¥.,])(${NUMBER})\s(thousand|million|billion)\s(${alternatives(SUFFIX_CURRENCIES)})\b`,
  'gi',
);
const PER_SHARE = /^\s*(?:in cash\s+)?(?:per|a|for each)\s+(?:[\w-]+\s+){0,2}?(?:share|ADS|ADR)\b/i;
const UP_TO = /\b(?:up to|as much as|a maximum of)\s*$/i;
const APPROXIMATE =
  /\b(?:approximately|about|around|roughly|nearly|almost|some|close to|over|more than)\s*$/i;

/** Every amount of money in `text`, in text order. */
export function readMoney(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  for (const match of text.matchAll(PREFIXED)) {
    const [whole, mark = '', number = '', scale] = match;
    const currency = PREFIX_OF.get(mark) ?? PREFIX_OF.get(mark.toUpperCase());
    if (!currency) continue;
    // A bare letter code needs a scale word or a decimal amount: "CHF 1.2 billion", not "EUR 2" in a list.
    if (/^[A-Z]{3}$/i.test(mark) && !scale && !number.includes(',')) continue;
    found.push(mention(text, match.index, match.index + whole.length, number, scale, currency));
  }
  for (const match of text.matchAll(SUFFIXED)) {
    const [whole, number = '', scale, word = ''] = match;
    const currency = SUFFIX_OF.get(word.toLowerCase());
    if (!currency || found.some((m) => m.start <= match.index && match.index < m.end)) continue;
    found.push(mention(text, match.index, match.index + whole.length, number, scale, currency));
  }
  return found.sort((a, b) => a.start - b.start);
}

function mention(
  text: string,
  start: number,
  end: number,
  number: string,
  scale: string | undefined,
  currency: string,
): MoneyMention {
  const before = text.slice(Math.max(0, start - 30), start);
  return {
    amount: toUnits(number, scale),
    currency,
    start,
    end,
    perShare: PER_SHARE.test(text.slice(end, end + 40)),
    upTo: UP_TO.test(before),
    approximate: APPROXIMATE.test(before),
  };
}

/** "10.5" and "million" → 10500000, computed on the digits (to the cent) so no binary fraction creeps in. */
export function toUnits(number: string, scale?: string): number {
  const [whole = '0', fraction = ''] = number.replace(/,/g, '').split('.');
  const factor = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
  const digits = Number(`${whole}${fraction}`);
  return Math.round((digits * factor * 100) / 10 ** fraction.length) / 100;
}
