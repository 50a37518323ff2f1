import type { Properties, Statement } from '../api/types.ts';
import { countOf } from '../graph/format.ts';
import { formatProvenance, formatValueChange, statementDiffs } from '../history/index.ts';
import { h } from './dom.ts';
import { citationList, type PanelActions } from './panel.ts';

/* Where an element comes from, in the panel: its provenance line, and what each document said about it. */

/** "Stated by 2 documents, 2013-09-20 to 2013-11-20 · as of 2013-12-01" under a title; null when neither. */
export function provenanceLine(properties: Properties, asOf: string | null) {
  const text = [formatProvenance(properties), asOf ? `as of ${asOf}` : null].filter(Boolean).join(' · ');
  return text
    ? h('p', { class: 'muted as-of-note', text: text.charAt(0).toUpperCase() + text.slice(1) })
    : null;
}

/**
 * What each document said about an entity or a relationship, oldest first: its date, the document (opens the
 * reader), the values it stated (changed ones as "status: PENDING → TRIGGERED") and its citations.
 */
export function historySection(history: readonly Statement[], actions: Pick<PanelActions, 'read'>) {
  const section = h(
    'section',
    { class: 'panel-section history' },
    h('h3', { text: `History (${countOf(history.length, 'statement')})` }),
  );
  if (!history.length) {
    section.append(h('p', { class: 'muted', text: 'No statement is recorded for it.' }));
    return section;
  }
  const list = h('ol', { class: 'statements' });
  for (const { statement, values } of statementDiffs(history)) {
    const shown = values.filter((v) => v.kind !== 'same');
    const unchanged = values.length - shown.length;
    const item = h(
      'li',
      { class: 'statement' },
      h(
        'p',
        { class: 'statement-head' },
        h('time', { class: 'statement-date', datetime: statement.date, text: statement.date }),
        ' ',
        h('button', {
          type: 'button',
          class: 'link-button statement-document',
          title: 'Read the document',
          text: statement.document.name,
          on: { click: () => actions.read(statement.document.id, statement.citations[0]?.id ?? null) },
        }),
      ),
    );
    if (shown.length) {
      const changes = h('ul', { class: 'statement-values' });
      for (const value of shown)
        changes.append(h('li', { class: `statement-value ${value.kind}`, text: formatValueChange(value) }));
      item.append(changes);
    }
    if (unchanged)
      item.append(
        h('p', { class: 'muted', text: `${countOf(unchanged, 'value')} stated again, unchanged.` }),
      );
    if (!values.length)
      item.append(h('p', { class: 'muted', text: 'States it, with no values of its own.' }));
    if (statement.citations.length) item.append(citationList(statement.citations, actions));
    list.append(item);
  }
  section.append(list);
  return section;
}
