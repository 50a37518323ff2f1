import { type Day, dayOf } from './dates.ts';
import type { DocumentBuilder, Json } from './document.ts';

/**
 * The later documents of one programme document, and what they say about each of its programmes. A programme
 * document is followed by up to three later ones, each some months after the one before, that add to what it
 * stated: an expected decision taken, a milestone triggered, a phase reached, a trial completed, a new code name,
 * a launch in a region, a deal ended. Each later document cites its own sentences.
 */

/** No later document is dated after this day. */
export const HISTORY_END: Day = dayOf(2025, 12, 28);

/** Months from a programme document to its first later document, then from each later document to the next. */
export const LATER_GAPS_MONTHS: readonly (readonly [number, number])[] = [
  [4, 12],
  [6, 18],
  [9, 24],
];

export class LaterDocuments {
  private readonly builders: (DocumentBuilder | undefined)[] = [];

  /**
   * `days`: the days of the later documents, in order, none after HISTORY_END. `open` makes the document of a
   * slot when something is first said in it, so a slot nothing is said in costs nothing.
   */
  constructor(
    readonly days: readonly Day[],
    private readonly open: (slot: number) => DocumentBuilder,
  ) {}

  document(slot: number): DocumentBuilder {
    let builder = this.builders[slot];
    if (!builder) {
      builder = this.open(slot);
      this.builders[slot] = builder;
    }
    return builder;
  }

  /** The documents something was said in, in date order. */
  opened(): DocumentBuilder[] {
    return this.builders.filter((builder): builder is DocumentBuilder => builder !== undefined);
  }
}

interface Entry {
  list: string;
  record: Json;
  /** Relationships this record states for the first time. */
  newLinks: number;
  /** A new entity, first stated here. */
  isNew: boolean;
}

/**
 * What the later documents say about one programme: one record per entity per document (a document states an
 * entity once), merged from every update that touches it, written when the programme is done.
 */
export class ProgrammeHistory {
  private readonly slots: Map<string, Entry>[] = [];

  constructor(private readonly later: LaterDocuments) {}

  /** How many later documents there are. */
  get length(): number {
    return this.later.days.length;
  }

  day(slot: number): Day {
    return this.later.days[slot] as Day;
  }

  sentence(slot: number, text: string): string {
    return this.later.document(slot).sentence(text);
  }

  /** The record that adds to entity `id` in the later document `slot`, citing `key` (created on first use). */
  record(slot: number, list: string, id: string, key: string): Json {
    const entries = this.entries(slot);
    let entry = entries.get(id);
    if (!entry) {
      entry = { list, record: { id, cite: [] }, newLinks: 0, isNew: false };
      entries.set(id, entry);
    }
    const cite = entry.record.cite as string[];
    if (!cite.includes(key)) cite.push(key);
    return entry.record;
  }

  /** A milestone's record inside its partnership's record (milestones are stated within their deal). */
  milestone(slot: number, partnershipId: string, milestoneId: string, key: string): Json {
    const partnership = this.record(slot, 'partnerships', partnershipId, key);
    const milestones = listOf(partnership, 'milestones');
    let milestone = milestones.find((item) => item.id === milestoneId);
    if (!milestone) {
      milestone = { id: milestoneId, cite: [] };
      milestones.push(milestone);
    }
    const cite = milestone.cite as string[];
    if (!cite.includes(key)) cite.push(key);
    return milestone;
  }

  /** A new entity first stated in a later document, with its `links` relationships. */
  add(slot: number, list: string, record: Json & { id: string }, links: number): void {
    this.entries(slot).set(record.id, { list, record, newLinks: links, isNew: true });
  }

  /**
   * Adds `link` to the list `field` of `record` unless a link to the same entity (and region) is there, and
   * counts it when `isNew`. Returns whether it was added.
   */
  link(slot: number, record: Json, field: string, link: Json & { ref: string }, isNew: boolean): boolean {
    const links = listOf(record, field);
    if (links.some((other) => other.ref === link.ref && other.region === link.region)) return false;
    links.push(link);
    if (isNew) {
      const entry = this.entries(slot).get(record.id as string);
      if (entry) entry.newLinks += 1;
    }
    return true;
  }

  /** Puts every record into its later document. */
  flush(): void {
    this.slots.forEach((entries, slot) => {
      const document = this.later.document(slot);
      for (const { list, record, newLinks, isNew } of entries.values()) {
        if (isNew) document.add(list, record, newLinks);
        else document.restate(list, record, newLinks);
      }
    });
    this.slots.length = 0;
  }

  private entries(slot: number): Map<string, Entry> {
    let entries = this.slots[slot];
    if (!entries) {
      entries = new Map();
      this.slots[slot] = entries;
    }
    return entries;
  }
}

/** The list `field` of `record`, made empty when it has none. */
function listOf(record: Json, field: string): Json[] {
  if (!Array.isArray(record[field])) record[field] = [];
  return record[field] as Json[];
}
