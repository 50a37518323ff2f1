import type { MoneyMention } from '../money.ts';
import { ACQUIRES, ACQUIRES_RIGHTS, CONTINGENT_PAYMENTS, MONEY_KINDS, type MoneyKind } from './words.ts';

/** What an amount is, from the words after it (up to the next amount) or else before it (since the last). */
export function kindOf(text: string, amount: MoneyMention, all: MoneyMention[]): MoneyKind | undefined {
  const position = all.indexOf(amount);
  const next = all[position + 1]?.start ?? text.length;
  const previous = all[position - 1]?.end ?? 0;
  const after = text.slice(amount.end, Math.min(next, amount.end + 120)).split(/[;.](?:\s|$)/)[0] ?? '';
  // Before it: since the last clause break, so "$1.5 billion upfront and up to $800 million" is no upfront.
  const since = text.slice(Math.max(previous, amount.start - 80), amount.start);
  const before = since.split(/[,;]|\b(?:and|plus)\b/).pop() ?? '';
  const nearestAfter = nearest(after, (match) => match.index);
  if (nearestAfter) return nearestAfter;
  // "USD 300 million upon the first US regulatory approval": one of the contingent payments a sentence lists.
  if (/^\s+upon\b/i.test(after) && CONTINGENT_PAYMENTS.test(text)) return 'milestone';
  const deal = ACQUIRES.test(text) && !ACQUIRES_RIGHTS.test(text);
  return (
    nearest(before, (match) => before.length - match.index - match[0].length) ??
    (deal ? 'totalValue' : undefined)
  );
}

/** The words of each kind of amount, to find every occurrence. */
const MONEY_KIND_WORDS = MONEY_KINDS.map(({ kind, words }) => ({
  kind,
  all: new RegExp(words.source, 'gi'),
}));

/** The kind whose words are nearest by `distance`. */
function nearest(text: string, distance: (match: RegExpExecArray) => number): MoneyKind | undefined {
  let best: { kind: MoneyKind; distance: number } | undefined;
  for (const { kind, all } of MONEY_KIND_WORDS) {
    for (const match of text.matchAll(all)) {
      const d = distance(match as RegExpExecArray);
      if (!best || d < best.distance) best = { kind, distance: d };
    }
  }
  return best?.kind;
}

/** "$5 million milestone on FDA approval of Kadcyla", "Up to $800 million in development and regulatory milestones". */
export function milestoneName(text: string, amount: MoneyMention, event: string | undefined): string {
  const written = moneyText(amount);
  if (event) return `${written} milestone on ${event}`;
  const kinds = /\bin ((?:[a-z-]+(?:, | and |, and ))*[a-z-]+ milestones)\b/i.exec(
    text.slice(amount.end),
  )?.[1];
  const what = kinds
    ? ` in ${kinds}`
    : /near-term payments?/i.test(text)
      ? ' in near-term payments'
      : ' milestone';
  return `${amount.upTo ? 'Up to ' : ''}${written}${what}`;
}

/** "$1.1 billion", "¥5 billion", as the amount would be written. */
export function moneyText(amount: MoneyMention): string {
  const symbol: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const mark = symbol[amount.currency] ?? `${amount.currency} `;
  for (const [scale, word] of [
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const) {
    if (amount.amount >= scale) return `${mark}${Number((amount.amount / scale).toFixed(3))} ${word}`;
  }
  return `${mark}${amount.amount}`;
}
