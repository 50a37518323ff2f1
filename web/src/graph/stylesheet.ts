import { ENTITY_KINDS, KIND_STYLES } from './kinds.ts';

/** A Cytoscape stylesheet entry (kept structural so this module stays pure and testable without Cytoscape). */
export interface StyleRule {
  selector: string;
  style: Record<string, string | number>;
}

/** From this many nodes the canvas switches to its cheaper drawing (straight edges, fewer labels). */
export const LARGE_GRAPH_NODES = 1500;

export interface StylesheetOptions {
  /** Cheaper drawing for thousands of elements. */
  large?: boolean;
  /**
   * Whether node labels exist at all (default true). A large graph seen whole is drawn without them: their text
   * would be too small to draw anyway, and measuring thousands of labels is most of a first frame's cost.
   */
  labels?: boolean;
}

/** Below this zoom a large graph carries no node labels (they would be under min-zoomed-font-size anyway). */
export const LABEL_MIN_ZOOM = 0.6;

const INK = '#1b1b1b';
const EDGE = '#8a949e';
const ACCENT = '#0b3d91';
/** Okabe–Ito bluish green: what a curator's draft adds. */
const DRAFT_NEW = '#009E73';

/** How node labels look (only when they are shown at all). */
function nodeLabelStyle(large: boolean): StyleRule['style'] {
  return {
    'font-size': 11,
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    color: INK,
    'text-valign': 'bottom',
    'text-halign': 'center',
    'text-margin-y': 4,
    'text-wrap': 'ellipsis',
    'text-max-width': '140px',
    'text-outline-color': '#ffffff',
    'text-outline-width': 2,
    'text-outline-opacity': 0.9,
    'min-zoomed-font-size': large ? 10 : 6,
  };
}

/**
 * The canvas's look. Labels shrink below `min-zoomed-font-size` on screen and are then not drawn at all, which is
 * what keeps a zoomed-out view of thousands of nodes cheap.
 */
export function buildStylesheet(options: StylesheetOptions = {}): StyleRule[] {
  const large = options.large ?? false;
  const labels = options.labels ?? true;
  const rules: StyleRule[] = [
    {
      selector: 'node',
      // Without labels, none of the text properties either: Cytoscape applies each property of a matching rule to
      // each element one at a time (every application dirties caches and emits events), so at 5,000 nodes every
      // property left out saves 10–20 ms before the first frame.
      style: {
        label: labels ? 'data(label)' : '',
        ...(labels ? nodeLabelStyle(large) : {}),
        'border-width': 1,
        'border-color': '#333333',
        'background-color': '#777777',
        width: 24,
        height: 24,
      },
    },
  ];
  for (const kind of ENTITY_KINDS) {
    const { color, shape, size } = KIND_STYLES[kind];
    rules.push({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': color, shape, width: size, height: size },
    });
  }
  rules.push(
    {
      selector: 'edge',
      style: large
        ? { width: 1, 'line-color': EDGE, 'curve-style': 'haystack', opacity: 0.7 }
        : {
            width: 1.5,
            'line-color': EDGE,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': EDGE,
            'arrow-scale': 0.9,
            label: 'data(label)',
            'font-size': 9,
            color: '#3a3f45',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
            'min-zoomed-font-size': 8,
          },
    },
    {
      selector: 'edge[type = "TRIGGERS"], edge[type = "HAS_MILESTONE"]',
      style: { 'line-color': '#b07d00', 'target-arrow-color': '#b07d00', width: 2 },
    },
    {
      selector: 'edge[type = "PARTY_TO"], edge[type = "LICENSES_DRUG"]',
      style: { 'line-color': '#005a8c', 'target-arrow-color': '#005a8c' },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': ACCENT, 'z-index': 10 } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': ACCENT, 'target-arrow-color': ACCENT } },
    { selector: '.faded', style: { opacity: 0.18, 'text-opacity': 0.1 } },
    { selector: 'node.highlighted', style: { 'border-width': 3, 'border-color': ACCENT, 'z-index': 9 } },
    {
      selector: 'edge.highlighted',
      style: { width: 2.5, 'line-color': ACCENT, 'target-arrow-color': ACCENT, 'z-index': 9 },
    },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.filtered', style: { display: 'none' } },
    {
      selector: 'node.changed',
      style: {
        'overlay-color': '#D55E00',
        'overlay-opacity': 0.28,
        'overlay-padding': 6,
        'border-width': 3,
        'border-style': 'double',
        'border-color': '#D55E00',
      },
    },
    {
      selector: 'edge.changed',
      style: { 'line-color': '#D55E00', 'target-arrow-color': '#D55E00', width: 3 },
    },
    // A curator's preview: what publishing adds, and what the graph holds already as the draft states it.
    { selector: 'node.draft-new', style: { 'border-width': 4, 'border-color': DRAFT_NEW } },
    {
      selector: 'edge.draft-new',
      style: { 'line-color': DRAFT_NEW, 'target-arrow-color': DRAFT_NEW, 'line-style': 'dashed', width: 2.5 },
    },
    {
      selector: 'node.draft-changed',
      style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#D55E00' },
    },
    { selector: 'node.draft-unchanged', style: { 'border-width': 2, 'border-style': 'dotted' } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#000000' } },
    { selector: 'edge.path', style: { width: 4, 'line-color': '#000000', 'target-arrow-color': '#000000' } },
    {
      selector: 'node.landscape-drug',
      style: { 'text-wrap': 'wrap', 'text-max-width': '170px', 'font-size': 11, 'text-margin-y': 5 },
    },
    { selector: 'node.seed', style: { 'font-weight': 'bold', 'font-size': 12 } },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f3f5f7',
        'background-opacity': 1,
        'border-color': '#9aa5b1',
        'border-style': 'dashed',
        'border-width': 1,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 13,
        'font-weight': 'bold',
        padding: '18px',
        'min-zoomed-font-size': 4,
      },
    },
  );
  return rules;
}
