import { fetchDetails } from '../api/queries.ts';
import { clear, h } from '../ui/dom.ts';
import { type PanelActions, renderDetails, renderLoading } from '../ui/panel.ts';
import { errorMessage } from '../ui/status.ts';

/** An entity's details in the panel; only the latest request is shown, a failure offers Retry. */
export class Details {
  #token = 0;

  constructor(
    readonly panel: HTMLElement,
    readonly actions: PanelActions,
    /** More to show above the details (the current view decides). */
    readonly extra: (id: string) => HTMLElement | undefined,
  ) {}

  async show(id: string) {
    const token = ++this.#token;
    renderLoading(this.panel, 'details');
    try {
      const details = await fetchDetails(id);
      if (token !== this.#token) return;
      renderDetails(this.panel, details, id, this.actions, this.extra(id));
    } catch (error) {
      if (token !== this.#token) return;
      const { text } = errorMessage(error);
      clear(this.panel);
      this.panel.append(
        h('p', { class: 'error-text', role: 'alert', text }),
        h('button', {
          type: 'button',
          class: 'button',
          text: 'Retry',
          on: { click: () => void this.show(id) },
        }),
      );
    }
  }
}
