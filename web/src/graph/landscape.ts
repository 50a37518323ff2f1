import type { DrugInfo } from '../api/types.ts';
import { formatPhase } from './format.ts';
import type { Element } from './toElements.ts';
import { truncateLabel } from './toElements.ts';

export const LANDSCAPE_GROUPINGS = ['target', 'payload', 'linker'] as const;
export type LandscapeGrouping = (typeof LANDSCAPE_GROUPINGS)[number];

export function isGrouping(value: unknown): value is LandscapeGrouping {
  return typeof value === 'string' && (LANDSCAPE_GROUPINGS as readonly string[]).includes(value);
}

export interface DrugGroup {
  /** The grouping entity's id, or `none`. */
  key: string;
  title: string;
  drugs: DrugInfo[];
}

const PHASE_ORDER = [
  'APPROVED',
  'FILED',
  'PHASE_4',
  'PHASE_3',
  'PHASE_2_3',
  'PHASE_2',
  'PHASE_1_2',
  'PHASE_1',
  'PRECLINICAL',
];

function phaseRank(phase: string | null): number {
  const i = phase ? PHASE_ORDER.indexOf(phase) : -1;
  return i < 0 ? PHASE_ORDER.length : i;
}

/** The companies behind a drug, developers and marketers first, then licence partners, without repeats. */
export function drugPartners(drug: DrugInfo): string[] {
  const names = new Set<string>();
  for (const c of drug.companies) names.add(c.company.name);
  for (const p of drug.partnerships) for (const party of p.parties) names.add(party.company.name);
  return [...names];
}

/** Drugs grouped by target, payload or linker; most advanced phase first in each group; groups by size. */
export function groupDrugs(drugs: readonly DrugInfo[], by: LandscapeGrouping): DrugGroup[] {
  const groups = new Map<string, DrugGroup>();
  for (const drug of drugs) {
    const refs =
      by === 'target'
        ? drug.targets
        : by === 'payload'
          ? drug.payload
            ? [drug.payload]
            : []
          : drug.linker
            ? [drug.linker]
            : [];
    const keys = refs.length ? refs : [{ id: 'none', name: `No ${by} recorded` }];
    for (const ref of keys) {
      let group = groups.get(ref.id);
      if (!group) {
        group = { key: ref.id, title: ref.name, drugs: [] };
        groups.set(ref.id, group);
      }
      group.drugs.push(drug);
    }
  }
  for (const g of groups.values()) {
    g.drugs.sort(
      (a, b) => phaseRank(a.highestPhase) - phaseRank(b.highestPhase) || a.name.localeCompare(b.name),
    );
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.key === 'none') - Number(b.key === 'none') ||
      b.drugs.length - a.drugs.length ||
      a.title.localeCompare(b.title),
  );
}

const CELL_W = 190;
const CELL_H = 110;

/**
 * Groups as compound nodes with their drugs in a grid inside, groups laid in rows: preset positions, so the view
 * is the same every time and costs no layout. A drug in two groups appears in each (ids are `group/drug`).
 */
export function landscapeElements(groups: readonly DrugGroup[], maxRowWidth = 1400): Element[] {
  const out: Element[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const group of groups) {
    const cols = Math.max(1, Math.min(4, Math.ceil(Math.sqrt(group.drugs.length))));
    const rows = Math.ceil(group.drugs.length / cols);
    const width = cols * CELL_W;
    if (x > 0 && x + width > maxRowWidth) {
      x = 0;
      y += rowHeight + 90;
      rowHeight = 0;
    }
    const parentId = `group:${group.key}`;
    out.push({
      group: 'nodes',
      data: { id: parentId, kind: 'Group', label: `${group.title} (${group.drugs.length})`, properties: {} },
      classes: 'group',
    });
    group.drugs.forEach((drug, i) => {
      const partners = drugPartners(drug);
      const label = `${truncateLabel(drug.name, 28)}\n${formatPhase(drug.highestPhase)}${partners.length ? `\n${truncateLabel(partners.join(', '), 34)}` : ''}`;
      out.push({
        group: 'nodes',
        data: {
          id: `${group.key}/${drug.id}`,
          kind: 'Drug',
          label,
          properties: { entityId: drug.id },
          parent: parentId,
        },
        position: {
          x: x + (i % cols) * CELL_W + CELL_W / 2,
          y: y + Math.floor(i / cols) * CELL_H + CELL_H / 2,
        },
        classes: 'landscape-drug',
      });
    });
    x += width + 70;
    rowHeight = Math.max(rowHeight, rows * CELL_H);
  }
  return out;
}
