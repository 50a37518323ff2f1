import type { Change } from '../api/types.ts';
import { countOf } from '../graph/format.ts';
import { type ChangeWindow, describeChange, groupChanges } from '../history/index.ts';
import { clear, h } from './dom.ts';
import { entityLink, type PanelActions } from './panel.ts';

/** The most changes the list shows; the canvas marks them all. */
export const MAX_LISTED_CHANGES = 200;

export interface ChangesFrame {
  /** Collapses or expands the list (the header stays); returns whether it is now collapsed. */
  onToggle(): boolean;
  /** Forgets "changes since". */
  onClear(): void;
  collapsed: boolean;
}

/**
 * "3 changes after 2013-10-01, up to 2013-12-01", and when the server had more than were fetched, how many of
 * them were.
 */
export function changesSummary(
  window: ChangeWindow,
  count: number,
  fetched = count,
  total = fetched,
): string {
  const more = total > fetched ? ` (the first ${fetched} of ${total} fetched)` : '';
  return `${countOf(count, 'change')} after ${window.from}, up to ${window.to}${more}`;
}

/** The header of the changes box: title, summary, collapse and clear buttons; returns the body to fill. */
function frame(container: HTMLElement, summary: string, options: ChangesFrame): HTMLElement {
  clear(container);
  const body = h('div', { class: 'changes-body', id: 'changes-body', hidden: options.collapsed });
  const toggle = h('button', { type: 'button', class: 'button', 'aria-controls': 'changes-body' });
  const showToggle = (collapsed: boolean) => {
    body.hidden = collapsed;
    toggle.textContent = collapsed ? 'Show list' : 'Hide list';
    toggle.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
  };
  showToggle(options.collapsed);
  toggle.addEventListener('click', () => showToggle(options.onToggle()));
  container.append(
    h(
      'header',
      { class: 'changes-head' },
      h('h2', { text: 'Changes' }),
      h('p', { class: 'muted changes-summary', text: summary }),
      h(
        'div',
        { class: 'changes-tools' },
        toggle,
        h('button', {
          type: 'button',
          class: 'button',
          title: 'Stop showing changes (clears “changes since”)',
          text: 'Clear',
          on: { click: () => options.onClear() },
        }),
      ),
    ),
    body,
  );
  return body;
}

export function renderChangesLoading(container: HTMLElement, window: ChangeWindow, options: ChangesFrame) {
  const body = frame(container, `After ${window.from}, up to ${window.to}`, options);
  body.append(h('p', { class: 'loading-line', 'aria-busy': 'true', text: 'Loading the changes…' }));
}

export function renderChangesError(
  container: HTMLElement,
  window: ChangeWindow,
  text: string,
  retry: () => void,
  options: ChangesFrame,
) {
  const body = frame(container, `After ${window.from}, up to ${window.to}`, { ...options, collapsed: false });
  body.append(
    h('p', { class: 'error-text', role: 'alert', text }),
    h('button', { type: 'button', class: 'button', text: 'Retry', on: { click: retry } }),
  );
}

/**
 * The server's changes in the window, oldest first, one item per document and entity (or relationship): its date,
 * the entity (a link that selects it), what changed ("status: PENDING → TRIGGERED") and its source (opens the
 * reader at the sentence that states it).
 */
export function renderChanges(
  container: HTMLElement,
  window: ChangeWindow,
  { changes, fetched, totalCount }: { changes: readonly Change[]; fetched: number; totalCount: number },
  nameOf: (id: string) => string | undefined,
  actions: Pick<PanelActions, 'focus' | 'read'>,
  options: ChangesFrame,
) {
  const body = frame(container, changesSummary(window, changes.length, fetched, totalCount), options);
  if (!changes.length) {
    body.append(
      h('p', {
        class: 'muted',
        text: `No document dated after ${window.from} and up to ${window.to} added or changed anything.`,
      }),
    );
    return;
  }
  const groups = groupChanges(changes);
  const list = h('ol', { class: 'change-list' });
  for (const { first, changes: items } of groups.slice(0, MAX_LISTED_CHANGES)) {
    const citation = items.flatMap((c) => c.citations)[0];
    const lines = h('ul', { class: 'change-lines' });
    for (const change of items)
      lines.append(h('li', { class: 'change-text', text: describeChange(change, nameOf) }));
    list.append(
      h(
        'li',
        { class: `change ${first.kind.toLowerCase()}`, 'data-entity-id': first.entity.id },
        h(
          'p',
          { class: 'change-head' },
          h('time', { class: 'change-date', datetime: first.date, text: first.date }),
          entityLink(first.entity.id, first.entity.name, first.entity.kind, actions),
        ),
        lines,
        h('button', {
          type: 'button',
          class: 'link-button change-source',
          title: 'Read the sentence that states it',
          text: `Source: ${first.document.name}`,
          on: { click: () => actions.read(first.document.id, citation?.id ?? null) },
        }),
      ),
    );
  }
  body.append(list);
  if (groups.length > MAX_LISTED_CHANGES)
    body.append(
      h('p', {
        class: 'muted',
        text: `The first ${MAX_LISTED_CHANGES} of ${groups.length} items are listed; every change is marked on the canvas.`,
      }),
    );
}
