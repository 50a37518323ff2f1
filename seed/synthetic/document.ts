/**
 * One synthetic source document being filled: its sentences (which are also its source text) and its records by
 * list, rendered as a seed file and its source. The counter counts nodes and relationships as the loader's
 * validation will: each entity once however many documents state it, each relationship once.
 */

export type Json = Record<string, unknown>;

export class Counter {
  elements = 0;
  /** A new node and `links` new relationships. */
  node(links = 0) {
    this.elements += 1 + links;
  }
  /** New relationships only (of an entity stated before). */
  links(count: number) {
    this.elements += count;
  }
}

/** The lists in the order the seed format writes them. */
const LIST_ORDER = [
  'companies',
  'regions',
  'targets',
  'technologies',
  'antibodies',
  'payloads',
  'linkers',
  'drugs',
  'indications',
  'trials',
  'regulatoryEvents',
  'partnerships',
];

export class DocumentBuilder {
  readonly sentences: [string, string][] = [];
  readonly lists = new Map<string, Json[]>();
  private sentenceCount = 0;

  constructor(
    readonly id: string,
    readonly header: Json,
    private readonly counter: Counter,
  ) {
    counter.node(1); // the document and its PUBLISHED link
  }

  get date(): string {
    return this.header.date as string;
  }

  /** Adds a sentence (to the source text too) and returns its key. */
  sentence(text: string): string {
    this.sentenceCount += 1;
    const key = `s${this.sentenceCount}`;
    this.sentences.push([key, text]);
    this.counter.node(1); // Sentence and IN_DOCUMENT
    return key;
  }

  /** A record of a new entity with `links` new relationships. */
  add(list: string, record: Json, links: number): void {
    this.push(list, record);
    this.counter.node(links);
  }

  /** A record that adds to an entity an earlier document stated, with `newLinks` relationships not stated before. */
  restate(list: string, record: Json, newLinks = 0): void {
    this.push(list, record);
    this.counter.links(newLinks);
  }

  private push(list: string, record: Json) {
    const records = this.lists.get(list) ?? [];
    this.lists.set(list, records);
    records.push(record);
  }

  render(schemaPath: string): { yaml: string; source: string } {
    const lines = [
      `# yaml-language-server: $schema=${schemaPath}`,
      '# Synthetic data (npm run seed:synthetic): realistic in shape, invented in content.',
      'document:',
    ];
    for (const [key, value] of Object.entries(this.header)) lines.push(`  ${key}: ${JSON.stringify(value)}`);
    lines.push('sentences:');
    for (const [key, text] of this.sentences) lines.push(`  ${key}: ${JSON.stringify(text)}`);
    for (const list of LIST_ORDER) {
      const records = this.lists.get(list);
      if (!records?.length) continue;
      lines.push(`${list}:`);
      for (const record of records) lines.push(`  - ${JSON.stringify(record)}`);
    }
    const title = this.header.title as string;
    const source = `${this.header.date}\n\n${title}\n\n${this.sentences.map(([, text]) => text).join('\n')}\n`;
    return { yaml: `${lines.join('\n')}\n`, source };
  }
}
