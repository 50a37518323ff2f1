import type { Random } from './random.ts';

/**
 * Days of the synthetic calendar as whole numbers, so that "a few months later" and "some day between these two"
 * are arithmetic: 12 months a year, 28 days a month (every day it makes is a real one).
 */

const DAYS_PER_MONTH = 28;

export type Day = number;

export const dayOf = (year: number, month: number, day: number): Day =>
  ((year * 12 + month - 1) * DAYS_PER_MONTH + day - 1) as Day;

const parts = (day: Day) => {
  const months = Math.floor(day / DAYS_PER_MONTH);
  return { year: Math.floor(months / 12), month: (months % 12) + 1, day: (day % DAYS_PER_MONTH) + 1 };
};

const two = (n: number) => String(n).padStart(2, '0');

/** `2013-09-20`, `2013-09` or `2013`: the day as precise as the text states it. */
export function isoOf(day: Day, precision: 'DAY' | 'MONTH' | 'YEAR' = 'DAY'): string {
  const { year, month, day: date } = parts(day);
  if (precision === 'YEAR') return String(year);
  if (precision === 'MONTH') return `${year}-${two(month)}`;
  return `${year}-${two(month)}-${two(date)}`;
}

export const yearOf = (day: Day) => parts(day).year;

/** A day `months` months after `day` (or before, when negative), on a random day of that month. */
export function monthsLater(random: Random, day: Day, months: number): Day {
  const target = Math.floor(day / DAYS_PER_MONTH) + months;
  return target * DAYS_PER_MONTH + random.int(0, DAYS_PER_MONTH - 1);
}

/** A random day in [from, to]. */
export const dayBetween = (random: Random, from: Day, to: Day): Day => random.int(from, to);
