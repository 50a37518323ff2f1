import { describe, expect, it } from 'vitest';
import {
  countOf,
  formatMoney,
  formatPhase,
  formatValue,
  humanize,
  propertyTitle,
} from '../../../web/src/graph/format.ts';

describe('formatMoney', () => {
  it('shortens amounts the way deal news writes them', () => {
    expect(formatMoney(5_000_000, 'USD')).toBe('$5M');
    expect(formatMoney(1_250_000_000, 'USD')).toBe('$1.25B');
    expect(formatMoney(750_000, 'EUR')).toBe('€750K');
    expect(formatMoney(12, 'CHF')).toBe('12 CHF');
    expect(formatMoney(5_500_000, 'usd')).toBe('$5.5M');
  });
});

describe('dates and words', () => {
  it('says codes as people do', () => {
    expect(humanize('LICENSES_DRUG')).toBe('licenses drug');
    expect(propertyTitle('highestPhase')).toBe('Highest phase');
    expect(formatPhase('PHASE_1_2')).toBe('Phase 1/2');
    expect(formatPhase('APPROVED')).toBe('Approved');
    expect(formatPhase(null)).toBe('Phase unknown');
  });

  it('formats property values as one line, or nothing', () => {
    expect(formatValue(['a', null, 'b'])).toBe('a; b');
    expect(formatValue({ amount: 5_000_000, currency: 'USD' })).toBe('$5M');
    expect(formatValue('')).toBeNull();
    expect(formatValue(0.123456)).toBe('0.1235');
  });
});

describe('countOf', () => {
  it('says one thing in the singular, any other count in the plural', () => {
    expect(countOf(1, 'drug')).toBe('1 drug');
    expect(countOf(0, 'drug')).toBe('0 drugs');
    expect(countOf(12, 'regulatory event')).toBe('12 regulatory events');
  });
});
