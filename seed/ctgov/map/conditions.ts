import type { SeedRecord } from '../../format.ts';
import { slug } from '../../ingest/registry.ts';
import { nameKey } from '../../names.ts';
import { type MapContext, resolveEntity } from './context.ts';
import { type Lines, oneLine } from './document.ts';

/**
 * The conditions: each an indication named as the registry writes it (resolved to an existing indication of that
 * name or alias), studied by the trial; the same condition twice (case ignored) counts once.
 */
export function mapConditions(
  conditions: readonly string[] | null | undefined,
  lines: Lines,
  context: MapContext,
): { indications: SeedRecord[]; studies: { ref: string; cite: string[] }[] } {
  const indications: SeedRecord[] = [];
  const studies: { ref: string; cite: string[] }[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const raw of conditions ?? []) {
    const condition = oneLine(raw);
    if (condition === '' || seen.has(nameKey(condition))) continue;
    seen.add(nameKey(condition));
    n += 1;
    const cite = lines.add(`condition${n}`, 'condition', condition);
    const { id, isNew } = resolveEntity(context, 'Indication', [condition], slug(condition));
    if (isNew) indications.push({ id, name: condition, cite: [cite] });
    if (!studies.some((link) => link.ref === id)) studies.push({ ref: id, cite: [cite] });
  }
  return { indications, studies };
}
