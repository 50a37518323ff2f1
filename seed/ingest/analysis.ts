import type { NodeKind } from '../../server/model/kinds.ts';
import { RECORD_LISTS, type RecordList } from '../format.ts';
import { DraftBuilder } from './draft.ts';
import type { SourceText } from './read.ts';
import { type EntityRegistry, slug } from './registry.ts';
import type { SourceSentence } from './sentences.ts';

/** Where a sentence names an entity of the draft. */
export interface Mention {
  label: NodeKind;
  id: string;
  sentence: number;
  /** Offsets in the sentence's text. */
  start: number;
  end: number;
}

/**
 * One document being drafted: its sentences, the draft, and what earlier rules found in it, so later rules build
 * on them (a milestone sentence names the partnership's parties, which the company rule found). Extractors read
 * and add through it, never through the registry or the draft's ids directly.
 */
export class Analysis {
  readonly draft: DraftBuilder;
  /** The release date (YYYY-MM-DD), once the document rule has read it. */
  date?: string;
  /** The company the release is from (its publisher), once known. */
  publisher?: string;
  readonly #mentions: Mention[] = [];
  /** The mentions by sentence: rules ask sentence by sentence, and a long release has thousands of both. */
  readonly #mentionsBySentence = new Map<number, Mention[]>();

  constructor(
    readonly documentId: string,
    readonly source: SourceText,
    readonly sentences: readonly SourceSentence[],
    private readonly registry: EntityRegistry,
  ) {
    this.draft = new DraftBuilder(documentId, sentences);
  }

  /**
   * The id of the entity of `list` named `names` (the first is the name the text uses), drafted with `fields`
   * and citing `at`: an entity the run or the graph already knows keeps its id, and the text's spelling becomes
   * an alias when it is a new one; a new entity gets `proposedId` (made unique) and its name. `keys` identify it
   * too but are not written (a regulatory event is one by drug, region and kind, whatever each text calls it).
   */
  entity(
    list: RecordList,
    names: readonly string[],
    fields: Record<string, unknown>,
    at: readonly number[],
    proposedId = slug(names[0] ?? list),
    keys: readonly string[] = [],
  ): string {
    const label = RECORD_LISTS[list].label;
    const known = this.registry.find(label, [...keys, ...names]);
    const id = known ?? this.registry.resolve(label, [...keys, ...names], proposedId, this.documentId);
    const [name, ...aliases] = names;
    const isNewHere = !known || this.registry.resolutionFor(id, this.documentId) === 'new';
    const named = isNewHere && !this.draft.record(list, id)?.name ? { name } : {};
    const spelled = isNewHere ? aliases : names.filter((n) => !this.registry.isKnownName(label, id, n));
    this.registry.remember(label, id, [...names, ...keys], 'new', this.documentId);
    this.draft.entity(list, id, { ...named, ...fields, aliases: spelled.length ? spelled : undefined }, at);
    return id;
  }

  /** Every spelling the run knows for entities of `label`, with their ids. */
  knownSpellings(label: NodeKind): ReadonlyMap<string, string> {
    return this.registry.spellingsOf(label);
  }

  /** The id of a known entity of `label` named `name`, without drafting anything. */
  find(label: NodeKind, name: string): string | undefined {
    return this.registry.find(label, [name]);
  }

  /** Every entity the rules found named, in the order they found them. */
  get mentions(): readonly Mention[] {
    return this.#mentions;
  }

  mention(mention: Mention): void {
    this.#mentions.push(mention);
    const inSentence = this.#mentionsBySentence.get(mention.sentence);
    if (inSentence) inSentence.push(mention);
    else this.#mentionsBySentence.set(mention.sentence, [mention]);
  }

  /** The entities sentence `index` names, in text order, optionally of one kind. */
  mentionsIn(index: number, label?: NodeKind): Mention[] {
    return (this.#mentionsBySentence.get(index) ?? [])
      .filter((m) => !label || m.label === label)
      .sort((a, b) => a.start - b.start);
  }
}
