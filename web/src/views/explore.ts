import { fetchGraph, fetchStats } from '../api/queries.ts';
import { toElements } from '../graph/toElements.ts';
import { renderEmpty, unknownOn } from '../ui/panel.ts';
import type { Combobox } from '../ui/search.ts';
import {
  asOfNote,
  DETAILS_HINT,
  detailsOrHint,
  type LoadRun,
  showNothing,
  type View,
  type ViewContext,
} from './view.ts';

/** Most nodes an explore view asks the API for at once. */
export const EXPLORE_LIMIT = 1000;

/** Explore: the neighbourhoods of the searched and expanded entities, minus those removed. */
export function exploreView(ctx: ViewContext, pathFrom: Combobox): View {
  const { canvas, status, store } = ctx;

  async function loadEmpty(run: LoadRun) {
    showNothing(ctx, 'Nothing on the canvas yet. Search for an entity above — try “Kadcyla”.');
    ctx.filters.refreshLegend();
    renderEmpty(
      ctx.panel,
      'Start with a search',
      'Type a drug, company, target or trial into the search box, e.g. “Kadcyla”, “ImmunoGen” or “HER2”, and pick a hit: it appears here with everything it is connected to.',
      'Or open Partnerships, Landscape or Timeline above for an overview.',
    );
    try {
      const stats = await fetchStats();
      if (run.isCurrent()) {
        status.info(
          stats.totalNodes
            ? `${stats.totalNodes.toLocaleString('en')} entities and ${stats.totalRelationships.toLocaleString('en')} relationships in the graph.`
            : 'The graph is empty: load a seed with “npm run seed”.',
        );
      }
    } catch (error) {
      run.fail(error);
    }
  }

  return {
    async load(run) {
      pathFrom.value = '';
      if (!store.state.ids.length) {
        await loadEmpty(run);
        return;
      }
      const { ids, asOf } = store.state;
      const graph = await run.fetch('the graph', () => fetchGraph(ids, { limit: EXPLORE_LIMIT, asOf }));
      if (!graph) return;
      const elements = toElements(graph);
      if (!elements.length) {
        ctx.filters.refreshLegend();
        if (asOf) {
          showNothing(ctx, unknownOn(asOf, 'Nothing was known about these entities'));
          renderEmpty(ctx.panel, 'Not known yet', unknownOn(asOf, 'Nothing was known about these entities'));
        } else {
          showNothing(ctx, 'None of the entities in this link exist any more. Search for another one above.');
        }
        status.info(asOf ? `Nothing known${asOfNote(asOf)}.` : 'Nothing to show.');
        return;
      }
      const timings = await ctx.draw(elements);
      const { cy } = canvas;
      const removed = store.state.removed.filter((id) => cy.getElementById(id).nonempty());
      if (removed.length) canvas.removeIds(removed);
      for (const id of store.state.ids) cy.getElementById(id).addClass('seed');
      ctx.filters.refreshLegend();
      status.info(
        `${cy.nodes().length} entities, ${cy.edges().length} relationships${asOfNote(asOf)} · drawn in ${Math.round(timings.settledMs)} ms${graph.truncated ? ' · limited: expand nodes to see more' : ''}`,
      );
      const { selected } = store.state;
      if (selected && cy.getElementById(selected).nonempty()) {
        canvas.select(selected);
        void ctx.details.show(selected);
      } else {
        renderEmpty(ctx.panel, 'Details', DETAILS_HINT);
      }
    },
    showPanel: (selected) => detailsOrHint(ctx, selected),
  };
}
