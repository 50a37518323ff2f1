import type { NodeKind } from '../server/model/kinds.ts';
import type { NodeRow } from './compile.ts';
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
}

export class NameIndex {
  /** `label|name key` → the id of the first entity of the files with that name or alias, and its spelling. */
  private readonly first = new Map<string, { id: string; name: string }>();
  private readonly clashes: { entity: Named; other: string }[] = [];

  add(row: NodeRow, file: string): void {
    const names = [row.props.name, ...((row.props.aliases as string[] | undefined) ?? [])];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const key = `${row.label}|${nameKey(name)}`;
      const other = this.first.get(key);
      if (!other) this.first.set(key, { id: row.id, name });
      else if (other.id !== row.id) {
        const entity = { id: row.id, label: row.label, name, file };
        this.clashes.push({ entity, other: `${row.label} ${other.id} ("${other.name}")` });
      }
    }
  }

  /** Warns of each clash in the files, and of each new entity (not `inGraph`) whose name the graph already has. */
  async warn(
    warnings: IssueList,
    known: ReadonlyMap<string, { label: NodeKind; file: string }>,
    inGraph: ReadonlyMap<string, NodeKind>,
    graph?: GraphLookup,
  ): Promise<void> {
    for (const { entity, other } of this.clashes) warnings.addLazy(() => likelyDuplicate(entity, other));
    if (!graph || (await graph.isEmpty())) return;
    const entities: Named[] = [];
    for (const [key, { id, name }] of this.first) {
      const entity = known.get(id);
      if (entity)
        entities.push({ id, label: key.slice(0, key.indexOf('|')) as NodeKind, name, file: entity.file });
    }
    const fresh = entities.filter((entity) => !inGraph.has(entity.id));
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
    recordId: entity.id,
    record: `${entity.label} ${entity.id}`,
    field: 'name',
    message: `"${entity.name}" is also the name or an alias of ${other}: the same entity? Use one id for both, or rename one`,
  };
}
