/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `items`, each with probability `weight(item)` (weights summing to 1). */
  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const roll = this.next();
    let cumulative = 0;
    for (const item of items) {
      cumulative += weight(item);
      if (roll < cumulative) return item;
    }
    return items[items.length - 1] as T;
  }
}

/**
 * Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few hubs get most draws,
 * as a few companies hold most deals in real pipelines.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    exponent = 1.1,
  ) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let rank = 0; rank < n; rank += 1) {
      sum += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = sum;
    }
  }

  draw(random: Random): number {
    const target = random.next() * (this.cumulative[this.n - 1] as number);
    let low = 0;
    let high = this.n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
