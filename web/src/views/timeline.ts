import { fetchRegulatoryEvents } from '../api/queries.ts';
import type { RegulatoryEventInfo } from '../api/types.ts';
import { countOf } from '../graph/format.ts';
import { renderEmpty } from '../ui/panel.ts';
import { renderTimeline } from '../ui/timeline.ts';
import { asOfNote, detailsOrHint, type View, type ViewContext } from './view.ts';

/** Timeline: the regulatory events by date and region, drawn as a table instead of the canvas. */
export function timelineView(ctx: ViewContext, container: HTMLElement): View {
  const { status, store } = ctx;
  let events: RegulatoryEventInfo[] | null = null;

  function render() {
    renderTimeline(container, events ?? [], {
      asOf: store.state.asOf,
      since: store.state.since,
      changed: ctx.filters.changed.nodes,
      onFocus: (id) => {
        store.set({ selected: id });
        void ctx.details.show(id);
      },
    });
  }

  return {
    async load(run) {
      const { asOf } = store.state;
      const data = await run.fetch('the regulatory timeline', () => fetchRegulatoryEvents(asOf));
      if (!data) return;
      events = data;
      render();
      renderEmpty(
        ctx.panel,
        'Regulatory timeline',
        'Each row is a filing, opinion, approval or expected decision; columns are regions. Click an event for its details and sources.',
      );
      status.info(`${countOf(data.length, 'regulatory event')}${asOfNote(asOf)}.`);
    },
    showPanel: (selected) => detailsOrHint(ctx, selected),
    changesLoaded: render,
  };
}
