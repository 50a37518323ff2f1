import type { RegulatoryEventInfo } from '../api/types.ts';
import { countOf, humanize } from '../graph/format.ts';
import { clear, h } from '../ui/dom.ts';

export interface TimelineOptions {
  asOf: string | null;
  since: string | null;
  onFocus(id: string): void;
}

export interface TimelineRow {
  event: RegulatoryEventInfo;
  day: string | null;
  region: string;
  changed: boolean;
}

/** Events in date order (undated last), with their region lane, minus those after `asOf`. */
export function timelineRows(
  events: readonly RegulatoryEventInfo[],
  asOf: string | null,
  since: string | null,
) {
  const rows: TimelineRow[] = [];
  let hidden = 0;
  for (const event of events) {
    const day = event.date?.sortDate ?? null;
    if (asOf && day && day > asOf) {
      hidden++;
      continue;
    }
    rows.push({
      event,
      day,
      region: event.regions?.[0]?.name ?? (event.region?.trim() || 'Unspecified region'),
      changed: Boolean(since && day && day > since),
    });
  }
  rows.sort(
    (a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.event.name.localeCompare(b.event.name),
  );
  const regions = [...new Set(rows.map((r) => r.region))].sort((a, b) => a.localeCompare(b));
  return { rows, regions, hidden };
}

/** The regulatory timeline: one row per event, one column per region; built with DOM calls and text only. */
export function renderTimeline(
  container: HTMLElement,
  events: readonly RegulatoryEventInfo[],
  options: TimelineOptions,
) {
  clear(container);
  const { rows, regions, hidden } = timelineRows(events, options.asOf, options.since);
  const head = h('header', { class: 'timeline-head' }, h('h2', { text: 'Regulatory timeline' }));
  const summary = `${countOf(rows.length, 'event')} in ${countOf(regions.length, 'region')}`;
  head.append(
    h('p', {
      class: 'muted',
      text: hidden
        ? `${summary}; ${countOf(hidden, 'later event')} hidden as of ${options.asOf}.`
        : `${summary}.`,
    }),
  );
  if (options.since)
    head.append(h('p', { class: 'muted', text: `Events after ${options.since} are highlighted.` }));
  container.append(head);
  if (!rows.length) {
    container.append(
      h('p', {
        class: 'empty-note',
        text: options.asOf
          ? 'No regulatory events had happened by that date. Clear “As of” or pick a later day.'
          : 'No regulatory events are recorded. Load a seed with “npm run seed”.',
      }),
    );
    return;
  }
  const grid = h('div', {
    class: 'timeline-grid',
    role: 'table',
    'aria-label': 'Regulatory events by date and region',
  });
  grid.style.gridTemplateColumns = `8.5rem repeat(${regions.length}, minmax(12rem, 1fr))`;
  const headerRow = h(
    'div',
    { class: 'timeline-row timeline-header', role: 'row' },
    h('div', { role: 'columnheader', class: 'timeline-date', text: 'Date' }),
  );
  for (const region of regions)
    headerRow.append(h('div', { role: 'columnheader', class: 'timeline-region', text: region }));
  grid.append(headerRow);
  for (const row of rows) {
    const line = h('div', { class: `timeline-row${row.changed ? ' changed' : ''}`, role: 'row' });
    const dateText = row.event.date
      ? `${row.event.date.date}${row.event.date.precision && row.event.date.precision !== 'DAY' ? ` (${humanize(row.event.date.precision)})` : ''}`
      : 'Undated';
    line.append(h('div', { role: 'rowheader', class: 'timeline-date', text: dateText }));
    for (const region of regions) {
      const cell = h('div', { role: 'cell', class: 'timeline-cell' });
      if (region === row.region) {
        const status = row.event.status ?? '';
        const card = h(
          'button',
          {
            type: 'button',
            class: `event-card ${status.toLowerCase()}`,
            title: `Show ${row.event.name}`,
            on: { click: () => options.onFocus(row.event.id) },
          },
          h('span', {
            class: 'event-type',
            text: [row.event.eventType ? humanize(row.event.eventType) : 'Event', row.event.agency]
              .filter(Boolean)
              .join(' · '),
          }),
          h('span', { class: 'event-name', text: row.event.name }),
          row.event.drug ? h('span', { class: 'event-drug', text: row.event.drug.name }) : null,
          status ? h('span', { class: `pill ${status.toLowerCase()}`, text: humanize(status) }) : null,
        );
        cell.append(card);
      }
      line.append(cell);
    }
    grid.append(line);
  }
  container.append(grid);
}
