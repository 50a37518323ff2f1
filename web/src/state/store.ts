import { decodeState, encodeState, type ViewState } from './url.ts';

/** The view state, kept in step with the URL: each change rewrites the address (or pushes a history entry). */
export class ViewStore {
  #state: ViewState;
  readonly #onChange: () => void;

  /** `onChange` runs after every `set`, to bring the controls in line. */
  constructor(onChange: () => void) {
    this.#state = decodeState(location.search);
    this.#onChange = onChange;
  }

  get state(): Readonly<ViewState> {
    return this.#state;
  }

  /** Applies `patch`; `push` makes it a step that Back undoes. */
  set(patch: Partial<ViewState>, push = false) {
    this.#state = { ...this.#state, ...patch };
    const url = `${location.pathname}${encodeState(this.#state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    this.#onChange();
  }

  /** Back or Forward: the state the URL now describes. */
  readUrl() {
    this.#state = decodeState(location.search);
  }

  snapshot(): ViewState {
    return structuredClone(this.#state);
  }
}
