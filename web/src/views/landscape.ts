import { fetchDrugs } from '../api/queries.ts';
import type { DrugInfo } from '../api/types.ts';
import { countOf, formatPhase } from '../graph/format.ts';
import { type DrugGroup, drugPartners, groupDrugs, landscapeElements } from '../graph/landscape.ts';
import { clear, h } from '../ui/dom.ts';
import { entityLink, type PanelActions } from '../ui/panel.ts';
import { asOfNote, detailsOrHint, type Emptiness, showEmpty, type View, type ViewContext } from './view.ts';

/** The drugs of each group, with their phase and partners. */
function renderLandscape(
  panel: HTMLElement,
  groups: readonly DrugGroup[],
  by: string,
  actions: PanelActions,
) {
  clear(panel);
  panel.append(h('header', { class: 'panel-head' }, h('h2', { text: `Drugs by ${by}` })));
  for (const group of groups) {
    const list = h('ul', { class: 'relation-list' });
    for (const drug of group.drugs) {
      const partners = drugPartners(drug);
      list.append(
        h(
          'li',
          {},
          entityLink(drug.id, drug.name, 'Drug', actions),
          h('p', {
            class: 'muted',
            text: `${formatPhase(drug.highestPhase)}${partners.length ? ` · ${partners.join(', ')}` : ''}`,
          }),
        ),
      );
    }
    panel.append(
      h(
        'section',
        { class: 'panel-section' },
        h('h3', { text: `${group.title} (${group.drugs.length})` }),
        list,
      ),
    );
  }
}

export const NO_DRUGS: Emptiness = {
  title: 'Landscape',
  unknown: 'No drug was known',
  none: 'No drugs are recorded yet. Load a seed with “npm run seed”.',
  panel: 'No drugs recorded.',
  status: 'No drugs',
};

/** Landscape: drugs grouped by target, payload or linker. */
export function landscapeView(ctx: ViewContext): View {
  const { canvas, status, store } = ctx;
  let drugs: DrugInfo[] | null = null;

  return {
    async load(run) {
      const { asOf } = store.state;
      const data = await run.fetch('the drug landscape', () => fetchDrugs(asOf));
      if (!data) return;
      drugs = data;
      if (!data.length) {
        showEmpty(ctx, NO_DRUGS, asOf);
        return;
      }
      const { groupBy } = store.state;
      const groups = groupDrugs(data, groupBy);
      await ctx.draw(landscapeElements(groups));
      ctx.filters.refreshLegend();
      renderLandscape(ctx.panel, groups, groupBy, ctx.actions);
      status.info(
        `${countOf(data.length, 'drug')} in ${countOf(groups.length, 'group')} by ${groupBy}${asOfNote(asOf)}.`,
      );
    },
    entityOf: (nodeId) =>
      (canvas.cy.getElementById(nodeId).data('properties')?.entityId as string | undefined) ?? nodeId,
    /** The selection's details, else the drugs by group. */
    showPanel(selected) {
      if (selected || !drugs) detailsOrHint(ctx, selected);
      else
        renderLandscape(ctx.panel, groupDrugs(drugs, store.state.groupBy), store.state.groupBy, ctx.actions);
    },
  };
}
