import { describe, expect, it } from 'vitest';
import { readMoney, toUnits } from '../../../seed/ingest/extract/money.ts';

const first = (text: string) => readMoney(text)[0];
const amounts = (text: string) => readMoney(text).map((money) => [money.amount, money.currency]);

describe('readMoney', () => {
  it.each([
    ['FDA approval triggers $10.5 million milestone payment to ImmunoGen', 10_500_000, 'USD'],
    ['Velora will pay US$80 million upfront', 80_000_000, 'USD'],
    ['a €20 million equity investment', 20_000_000, 'EUR'],
    ['an upfront payment of EUR 40 million', 40_000_000, 'EUR'],
    ['a milestone payment of ¥5 billion to Tianrui', 5_000_000_000, 'JPY'],
    ['a milestone payment of JPY 5 billion', 5_000_000_000, 'JPY'],
    ['CHF 1.2 billion in cash', 1_200_000_000, 'CHF'],
    ['up to $1.1 billion in milestones', 1_100_000_000, 'USD'],
    ['Deal Valued at up to $1.18 Billion', 1_180_000_000, 'USD'],
    ['which triggers a \\$5 million milestone payment', 5_000_000, 'USD'],
    ['80 million euros upfront', 80_000_000, 'EUR'],
    ['$150M upfront', 150_000_000, 'USD'],
    ['a total of $1,250,000', 1_250_000, 'USD'],
  ])('%s', (text, amount, currency) => {
    expect(amounts(text)).toEqual([[amount, currency]]);
  });

  it('tells a price per share from the total', () => {
    const [perShare, total] = readMoney(
      'Halvard will acquire Kestrel for $42.50 per share in cash, or approximately $3.1 billion.',
    );
    expect(perShare).toMatchObject({ amount: 42.5, currency: 'USD', perShare: true });
    expect(total).toMatchObject({ amount: 3_100_000_000, perShare: false, approximate: true });
  });

  it('marks ceilings', () => {
    expect(first('eligible to receive up to $1.1 billion')?.upTo).toBe(true);
    expect(first('a $20 million equity investment')?.upTo).toBe(false);
  });

  it('reads no scale into a following word, and no money from bare numbers', () => {
    expect(amounts('a $5 milestone')).toEqual([[5, 'USD']]);
    expect(readMoney('EUR 2 and the 2024 results; 64% premium; 10 million patients')).toEqual([]);
    expect(readMoney('Kadcyla triggers a milestone payment')).toEqual([]);
  });

  it('gives offsets that cover the amount', () => {
    const text = 'Lanxin to receive $80 million upfront';
    const money = first(text);
    expect(money && text.slice(money.start, money.end)).toBe('$80 million');
  });
});

describe('toUnits', () => {
  it('computes on the digits, so decimals scale exactly', () => {
    expect(toUnits('1.18', 'billion')).toBe(1_180_000_000);
    expect(toUnits('10.5', 'million')).toBe(10_500_000);
    expect(toUnits('42.50')).toBe(42.5);
    expect(toUnits('2,700', 'million')).toBe(2_700_000_000);
  });
});
