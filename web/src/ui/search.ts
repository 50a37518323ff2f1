import type { SearchHit } from '../api/types.ts';
import { kindStyle } from '../graph/kinds.ts';
import { clear, h, swatch } from './dom.ts';

export const SEARCH_DEBOUNCE_MS = 200;

export interface ComboboxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  search(text: string, signal: AbortSignal): Promise<SearchHit[]>;
  onChoose(hit: SearchHit): void;
  /** Search failed: the message to show. */
  onError?(error: unknown): void;
}

/**
 * An ARIA 1.2 combobox with a list box: debounced search while typing, ↑/↓ to move, Enter to choose, Escape to
 * close (and, when closed, to clear). The active option is announced through aria-activedescendant.
 */
export class Combobox {
  #hits: SearchHit[] = [];
  #active = -1;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #controller: AbortController | null = null;
  #lastText = '';
  readonly #o: ComboboxOptions;

  constructor(options: ComboboxOptions) {
    this.#o = options;
    const { input, list } = options;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('spellcheck', 'false');
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.addEventListener('input', () => this.#schedule());
    input.addEventListener('keydown', (event) => this.#key(event));
    input.addEventListener('focus', () => {
      if (this.#hits.length && input.value.trim() === this.#lastText) this.#open();
    });
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    // Choosing with the mouse: mousedown, so the input's blur does not close the list first.
    list.addEventListener('mousedown', (event) => {
      const option = (event.target as HTMLElement).closest('[role="option"]');
      if (!option) return;
      event.preventDefault();
      this.#choose(Number(option.getAttribute('data-index')));
    });
  }

  #schedule() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), SEARCH_DEBOUNCE_MS);
  }

  async #run() {
    const text = this.#o.input.value.trim();
    this.#controller?.abort();
    if (!text) {
      this.#hits = [];
      this.close();
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#o.input.setAttribute('aria-busy', 'true');
    try {
      const hits = await this.#o.search(text, controller.signal);
      if (controller.signal.aborted) return;
      this.#lastText = text;
      this.#hits = hits;
      this.#active = hits.length ? 0 : -1;
      this.#render(text);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#hits = [];
      this.close();
      this.#o.onError?.(error);
    } finally {
      if (this.#controller === controller) this.#o.input.removeAttribute('aria-busy');
    }
  }

  #render(text: string) {
    const { list } = this.#o;
    clear(list);
    if (!this.#hits.length) {
      list.appendChild(
        h('li', {
          class: 'search-empty',
          role: 'presentation',
          text: `Nothing matches “${text}”. Try a drug, company or target name, or a code such as T-DM1.`,
        }),
      );
    }
    this.#hits.forEach((hit, index) => {
      const style = kindStyle(hit.kind);
      list.appendChild(
        h(
          'li',
          {
            id: `${list.id}-${index}`,
            role: 'option',
            'data-index': index,
            'aria-selected': index === this.#active ? 'true' : 'false',
            class: 'search-option',
          },
          swatch(style.color, style.shape),
          h('span', { class: 'search-name', text: hit.name }),
          h('span', { class: 'search-kind', text: style.title }),
        ),
      );
    });
    this.#open();
    this.#markActive();
  }

  #open() {
    this.#o.list.hidden = false;
    this.#o.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.#o.list.hidden = true;
    this.#o.input.setAttribute('aria-expanded', 'false');
    this.#o.input.removeAttribute('aria-activedescendant');
  }

  #markActive() {
    const { list, input } = this.#o;
    for (const option of list.querySelectorAll('[role="option"]')) {
      const active = Number(option.getAttribute('data-index')) === this.#active;
      option.setAttribute('aria-selected', active ? 'true' : 'false');
      if (active) option.scrollIntoView({ block: 'nearest' });
    }
    if (this.#active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${this.#active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  #key(event: KeyboardEvent) {
    const open = !this.#o.list.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          if (this.#hits.length) this.#open();
          else this.#schedule();
          return;
        }
        if (!this.#hits.length) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.#active = (this.#active + step + this.#hits.length) % this.#hits.length;
        this.#markActive();
        return;
      }
      case 'Enter':
        if (open && this.#active >= 0) {
          event.preventDefault();
          this.#choose(this.#active);
        } else if (this.#o.input.value.trim()) {
          event.preventDefault();
          if (this.#timer) clearTimeout(this.#timer);
          void this.#run();
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (open) this.close();
        else this.#o.input.value = '';
        return;
      case 'Tab':
        this.close();
        return;
    }
  }

  #choose(index: number) {
    const hit = this.#hits[index];
    if (!hit) return;
    this.close();
    this.#o.input.value = hit.name;
    this.#o.onChoose(hit);
  }

  set value(text: string) {
    this.#o.input.value = text;
  }
}
