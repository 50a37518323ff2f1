import { fetchPath } from '../api/queries.ts';
import type { PathResult } from '../api/types.ts';
import { countOf } from '../graph/format.ts';
import { toElements } from '../graph/toElements.ts';
import { append, clear, h } from '../ui/dom.ts';
import { type PanelActions, renderEmpty } from '../ui/panel.ts';
import type { Combobox } from '../ui/search.ts';
import { detailsOrHint, showNothing, type View, type ViewContext } from './view.ts';

/** The path's steps, each entity a link, each relationship with its direction. */
function pathSteps(path: PathResult, actions: PanelActions): HTMLElement {
  const steps = h('ol', { class: 'path-steps' });
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  path.nodes.forEach((node, i) => {
    steps.append(
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'entity-link', on: { click: () => actions.focus(node.id) } },
          h('span', { class: 'entity-link-name', text: node.label }),
          h('span', { class: 'entity-link-kind', text: node.kind }),
        ),
      ),
    );
    const edge = path.edges[i];
    if (edge) {
      const forward = edge.source === node.id;
      const other = byId.get(forward ? edge.target : edge.source);
      steps.append(
        h('li', {
          class: 'path-edge',
          'aria-label': `${node.label} ${edge.label} ${other?.label ?? ''}`,
          text: forward ? `↓ ${edge.label}` : `↑ ${edge.label} (reversed)`,
        }),
      );
    }
  });
  return steps;
}

/** Path: the shortest connection between two entities (From and To), drawn top-down. */
export function pathView(ctx: ViewContext, ends: { from: Combobox; to: Combobox }): View {
  const { canvas, status } = ctx;

  function showNoEnds() {
    showNothing(ctx, 'Pick two entities above (From and To) to see how they are connected.');
    ctx.filters.refreshLegend();
    renderEmpty(
      ctx.panel,
      'Path',
      'Choose where to start and where to arrive; the shortest connection (up to 6 steps) is drawn.',
    );
    status.info('Choose two entities.');
  }

  return {
    async load(run) {
      const { from, to } = ctx.store.state;
      if (!from || !to) {
        showNoEnds();
        return;
      }
      const path = await run.fetch('the path', () => fetchPath(from, to));
      if (path === undefined) return;
      if (!path) {
        showNothing(
          ctx,
          `No connection of up to 6 steps between “${from}” and “${to}”. Try other entities, or explore each one.`,
        );
        renderEmpty(ctx.panel, 'No path', 'These two entities are not connected within 6 relationships.');
        status.info('No path found.');
        return;
      }
      const fromNode = path.nodes.find((n) => n.id === from);
      const toNode = path.nodes.find((n) => n.id === to);
      ends.from.value = fromNode?.label ?? from;
      ends.to.value = toNode?.label ?? to;
      const elements = toElements({ nodes: path.nodes, edges: path.edges });
      await canvas.replace(elements, 'breadthfirst', [from]);
      canvas.markPath(new Set(elements.map((e) => e.data.id)));
      ctx.filters.apply();
      ctx.filters.refreshLegend();
      clear(ctx.panel);
      append(
        ctx.panel,
        h('header', { class: 'panel-head' }, h('h2', { text: `Path: ${countOf(path.length, 'step')}` })),
        pathSteps(path, ctx.actions),
        ctx.store.state.asOf
          ? h('p', {
              class: 'muted',
              text: 'Paths are found in today’s graph: “As of” does not apply to them.',
            })
          : null,
      );
      status.info(
        `Shortest path from ${fromNode?.label ?? from} to ${toNode?.label ?? to}: ${path.length} steps.`,
      );
    },
    showPanel: (selected) => detailsOrHint(ctx, selected),
  };
}
