import type { RegulatoryEventInfo } from '../api/types.ts';
import { countOf, humanize } from '../graph/format.ts';
import { clear, h } from '../ui/dom.ts';

export interface TimelineOptions {
  /** The day the events were asked for (null: today); the server answered with what was known then. */
  asOf: string | null;
  since: string | null;
  /** Events the server's changes since `since` added or changed. */
  changed: ReadonlySet<string>;
  onFocus(id: string): void;
}

export interface TimelineRow {
  event: RegulatoryEventInfo;
  day: string | null;
  region: string;
  changed: boolean;
}

/** Events in date order (undated last), with their region lane, marked when the server's changes touched them. */
export function timelineRows(
  events: readonly RegulatoryEventInfo[],
  changed: ReadonlySet<string> = new Set(),
) {
  const rows: TimelineRow[] = [];
  for (const event of events) {
    rows.push({
      event,
      day: event.date?.sortDate ?? null,
      region: event.regions[0]?.name ?? (event.region?.trim() || 'Unspecified region'),
      changed: changed.has(event.id),
    });
  }
  rows.sort(
    (a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.event.name.localeCompare(b.event.name),
  );
  const regions = [...new Set(rows.map((r) => r.region))].sort((a, b) => a.localeCompare(b));
  return { rows, regions };
}

/** The regulatory timeline: one row per event, one column per region; built with DOM calls and text only. */
export function renderTimeline(
  container: HTMLElement,
  events: readonly RegulatoryEventInfo[],
  options: TimelineOptions,
) {
  clear(container);
  const { rows, regions } = timelineRows(events, options.changed);
  const head = h('header', { class: 'timeline-head' }, h('h2', { text: 'Regulatory timeline' }));
  const summary = `${countOf(rows.length, 'event')} in ${countOf(regions.length, 'region')}`;
  head.append(
    h('p', {
      class: 'muted',
      text: options.asOf ? `${summary}, as known on ${options.asOf}.` : `${summary}.`,
    }),
  );
  if (options.since)
    head.append(
      h('p', {
        class: 'muted',
        text: `Events added or changed after ${options.since} are highlighted (${options.changed.size}).`,
      }),
    );
  container.append(head);
  if (!rows.length) {
    container.append(
      h('p', {
        class: 'empty-note',
        text: options.asOf
          ? `No regulatory event was known on ${options.asOf}. Clear “As of” or pick a later day.`
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
