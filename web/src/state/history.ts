/** A bounded undo stack: each entry knows how to undo one change. */
export interface UndoEntry {
  /** What the Undo button's tooltip says, e.g. "Undo remove Kadcyla". */
  label: string;
  undo(): void;
}

export const UNDO_LIMIT = 50;

export class UndoStack {
  readonly #entries: UndoEntry[] = [];
  readonly #onChange: () => void;

  constructor(
    onChange: () => void = () => {},
    readonly limit = UNDO_LIMIT,
  ) {
    this.#onChange = onChange;
  }

  push(entry: UndoEntry) {
    this.#entries.push(entry);
    if (this.#entries.length > this.limit) this.#entries.shift();
    this.#onChange();
  }

  /** Undoes the latest change; false when there is nothing to undo. */
  undo(): boolean {
    const entry = this.#entries.pop();
    if (!entry) return false;
    entry.undo();
    this.#onChange();
    return true;
  }

  clear() {
    this.#entries.length = 0;
    this.#onChange();
  }

  get size() {
    return this.#entries.length;
  }

  get nextLabel(): string | null {
    return this.#entries.at(-1)?.label ?? null;
  }
}
