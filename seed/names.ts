import type { NodeKind } from '../server/model/kinds.ts';
import type { NodeRow, Origin } from './compile.ts';
import type { GraphLookup } from './graphLookup.ts';
import type { IssueList, SeedIssue } from './issues.ts';

/**
 * Likely duplicates: a new entity whose name or alias equals another entity's of the same kind (case- and
 * accent-insensitive). Only a warning, since merging two entities is the curator's call.
 */

/** How names compare: accents and case ignored, white space collapsed. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Named {
  id: string;
  label: NodeKind;
  name: string;
  file: string;
  origin: Origin;
}

export class NameIndex {
  /** `label|name key` → the first entity of the files with that name or alias. */
  private readonly first = new Map<string, Named>();
  private readonly clashes: { entity: Named; other: Named }[] = [];

  add(row: NodeRow, file: string, origin: Origin): void {
    const names = [row.props.name, ...((row.props.aliases as string[] | undefined) ?? [])];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const key = `${row.label}|${nameKey(name)}`;
      const entity = { id: row.id, label: row.label, name, file, origin };
      const other = this.first.get(key);
      if (!other) this.first.set(key, entity);
      else if (other.id !== row.id) this.clashes.push({ entity, other });
    }
  }

  /** Warns of each clash in the files, and of each new entity whose name the graph already has. */
  async warn(warnings: IssueList, known: ReadonlyMap<string, unknown>, graph?: GraphLookup): Promise<void> {
    for (const { entity, other } of this.clashes) {
      warnings.addLazy(() => likelyDuplicate(entity, `${other.label} ${other.id} ("${other.name}")`));
    }
    if (!graph || (await graph.isEmpty())) return;
    const entities = [...this.first.values()];
    const existing = await graph.labelsOf([...new Set(entities.map((entity) => entity.id))]);
    const fresh = entities.filter((entity) => !existing.has(entity.id));
    const matches = await graph.entitiesNamed(fresh.map(({ label, name }) => ({ label, name })));
    fresh.forEach((entity, index) => {
      for (const match of matches[index] ?? []) {
        if (match.id === entity.id || known.has(match.id)) continue;
        warnings.addLazy(() =>
          likelyDuplicate(entity, `${entity.label} ${match.id} in the graph ("${match.name}")`),
        );
      }
    });
  }
}

function likelyDuplicate(entity: Named, other: string): SeedIssue {
  return {
    file: entity.file,
    path: entity.origin.path,
    record: `${entity.label} ${entity.id}`,
    field: 'name',
    message: `"${entity.name}" is also the name or an alias of ${other}: the same entity? Use one id for both, or rename one`,
  };
}
