import { ENTITY_KINDS, type EntityKind, KIND_STYLES } from '../graph/kinds.ts';
import { clear, h, swatch } from './dom.ts';

/** The legend doubles as the kind filter: each entry is a toggle button (pressed = shown). */
export function renderLegend(
  container: HTMLElement,
  counts: ReadonlyMap<string, number>,
  hidden: ReadonlySet<EntityKind>,
  onToggle: (kind: EntityKind) => void,
) {
  clear(container);
  const present = ENTITY_KINDS.filter((kind) => (counts.get(kind) ?? 0) > 0 || hidden.has(kind));
  const details = h('details', { open: true });
  details.append(h('summary', { text: 'Legend · filter kinds' }));
  if (!present.length) details.append(h('p', { class: 'muted', text: 'Nothing on the canvas yet.' }));
  const list = h('ul', { class: 'legend-list' });
  for (const kind of present) {
    const style = KIND_STYLES[kind];
    const shown = !hidden.has(kind);
    list.append(
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'legend-item',
            'aria-pressed': shown ? 'true' : 'false',
            title: shown
              ? `Hide ${style.title.toLowerCase()} nodes`
              : `Show ${style.title.toLowerCase()} nodes`,
            'data-kind': kind,
            on: { click: () => onToggle(kind) },
          },
          swatch(style.color, style.shape),
          h('span', { text: style.title }),
          h('span', { class: 'legend-count', text: String(counts.get(kind) ?? 0) }),
        ),
      ),
    );
  }
  details.append(list);
  container.append(details);
}
