/** Formatting of values from the graph for labels and the panel: pure, locale-independent. */

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** 5000000 USD → "$5M"; 1250000000 USD → "$1.25B"; 750000 EUR → "€750K"; 12 CHF → "12 CHF". */
export function formatMoney(amount: number, currency: string): string {
  const abs = Math.abs(amount);
  const [value, suffix] =
    abs >= 1e9
      ? [amount / 1e9, 'B']
      : abs >= 1e6
        ? [amount / 1e6, 'M']
        : abs >= 1e3
          ? [amount / 1e3, 'K']
          : [amount, ''];
  const digits = Number.parseFloat(value.toFixed(2)).toString();
  const symbol = CURRENCY_SYMBOLS[currency.toUpperCase()];
  return symbol ? `${symbol}${digits}${suffix}` : `${digits}${suffix} ${currency}`;
}

/** RELATIONSHIP_TYPE → "relationship type". */
export function humanize(type: string): string {
  return type.toLowerCase().replaceAll('_', ' ');
}

/** camelCase property names → "Camel case". */
export function propertyTitle(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A property value as one line of text; null when there is nothing worth showing. */
export function formatValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const parts = value.map(formatValue).filter((part): part is string => part !== null);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.amount === 'number' && typeof record.currency === 'string') {
      return formatMoney(record.amount, record.currency);
    }
    if (typeof record.date === 'string') return record.date;
    return JSON.stringify(value);
  }
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return String(value);
}

/** The phase codes the data uses, as people say them. */
export function formatPhase(phase: string | null | undefined): string {
  if (!phase) return 'Phase unknown';
  const map: Record<string, string> = {
    APPROVED: 'Approved',
    PRECLINICAL: 'Preclinical',
    PHASE_1: 'Phase 1',
    PHASE_1_2: 'Phase 1/2',
    PHASE_2: 'Phase 2',
    PHASE_2_3: 'Phase 2/3',
    PHASE_3: 'Phase 3',
    PHASE_4: 'Phase 4',
    FILED: 'Filed',
  };
  return map[phase] ?? humanize(phase).replace(/^./, (c) => c.toUpperCase());
}

/** "1 drug", "3 drugs": a count and a regular noun. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
