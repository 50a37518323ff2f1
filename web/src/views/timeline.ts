import { fetchRegulatoryEvents } from '../api/queries.ts';
import type { RegulatoryEventInfo } from '../api/types.ts';
import { countOf } from '../graph/format.ts';
import { renderEmpty } from '../ui/panel.ts';
import { renderTimeline } from '../ui/timeline.ts';
import { detailsOrHint, type View, type ViewContext } from './view.ts';

/** Timeline: the regulatory events by date and region, drawn as a table instead of the canvas. */
export function timelineView(ctx: ViewContext, container: HTMLElement): View {
  const { status, store } = ctx;
  let events: RegulatoryEventInfo[] | null = null;

  function render() {
    renderTimeline(container, events ?? [], {
      asOf: store.state.asOf,
      since: store.state.since,
      onFocus: (id) => {
        store.set({ selected: id });
        void ctx.details.show(id);
      },
    });
  }

  return {
    async load(run) {
      const data = await run.fetch('the regulatory timeline', fetchRegulatoryEvents);
      if (!data) return;
      events = data;
      render();
      renderEmpty(
        ctx.panel,
        'Regulatory timeline',
        'Each row is a filing, opinion, approval or expected decision; columns are regions. Click an event for its details and sources.',
      );
      status.info(`${countOf(data.length, 'regulatory event')}.`);
    },
    showPanel: (selected) => detailsOrHint(ctx, selected),
    datesChanged: render,
  };
}
