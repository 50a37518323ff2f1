import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../seed/history.ts';
import { generateSynthetic } from '../../../seed/synthetic/generate.ts';
import { Random, Zipf } from '../../../seed/synthetic/random.ts';
import { validateSeedFiles } from '../../../seed/validate.ts';

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const sub of ['.', 'sources']) {
    for (const name of (await readdir(join(dir, sub))).filter((n) => n.includes('.')).sort()) {
      hash.update(name).update(await readFile(join(dir, sub, name)));
    }
  }
  return hash.digest('hex');
}

const fresh = () => mkdtemp(join(tmpdir(), 'synthetic-'));

describe('synthetic generator', () => {
  it('writes the same bytes for the same scale and seed, other bytes for another seed', async () => {
    const [a, b, c] = [await fresh(), await fresh(), await fresh()];
    await generateSynthetic({ scale: 5_000, seed: 7, outDir: a });
    await generateSynthetic({ scale: 5_000, seed: 7, outDir: b });
    await generateSynthetic({ scale: 5_000, seed: 8, outDir: c });
    expect(await digest(a)).toBe(await digest(b));
    expect(await digest(a)).not.toBe(await digest(c));
  });

  it('writes files that validate, with as many elements as it says, close to the scale, and histories', async () => {
    const dir = await fresh();
    const result = await generateSynthetic({
      scale: 20_000,
      seed: 3,
      outDir: dir,
      elementsPerDocument: 2_000,
    });
    const validation = await validateSeedFiles(result.files);
    expect(validation.issues.format()).toBe('');
    expect(validation.elements).toBe(result.elements);
    expect(result.elements).toBeGreaterThanOrEqual(20_000);
    expect(result.elements).toBeLessThan(20_200);
    expect(result.files.length).toBeGreaterThan(5);
    expect(result.documents).toBe(validation.documents.size);
    expect(validation.nodes.Milestone).toBeGreaterThan(0);
    expect(validation.relationships.MEMBER_OF).toBeGreaterThan(0);
    expect(validation.relationships.TRIGGERS).toBeGreaterThan(0);
    expect(validation.relationships.MARKETS).toBeGreaterThan(0);

    // Some entities in six are stated by two or more documents, over years of document dates.
    const entities = Object.entries(validation.nodes)
      .filter(([label]) => label !== 'Sentence' && label !== 'SourceDocument')
      .reduce((sum, [, count]) => sum + (count ?? 0), 0);
    // Names are unique but for a few indications (two programmes may well study the same one).
    expect(validation.warnings.count).toBeLessThan(entities / 100);
    const histories = [...validation.history.values()];
    const nodeHistories = histories.filter((statements) => statements[0]?.kind === 'node');
    expect(nodeHistories.length / entities).toBeGreaterThan(0.1);
    expect(nodeHistories.length / entities).toBeLessThan(0.25);
    const years = new Set([...validation.documents.values()].map((document) => document.date.slice(0, 4)));
    expect(years.size).toBeGreaterThan(10);

    // Later documents add to what an earlier one stated: it comes first, names the entity, and is dated before.
    for (const statements of nodeHistories) {
      const [first, ...later] = statements as [Statement, ...Statement[]];
      expect(first.values.name, first.subject).toBeDefined();
      for (const statement of later) {
        expect(statement.date > first.date, statement.subject).toBe(true);
        expect(statement.document).toMatch(/^syn-update-/);
      }
    }

    // Values change over time: decisions taken, milestones triggered, phases reached, trials completed.
    const changed = (label: string, property: string, from: unknown, to: unknown) =>
      nodeHistories.filter((statements) => {
        if (statements[0]?.label !== label) return false;
        const values = statements.map((s) => s.values[property]).filter((v) => v !== undefined);
        return values[0] === from && values.at(-1) === to;
      });
    const decisions = changed('RegulatoryEvent', 'status', 'EXPECTED', 'COMPLETED');
    expect(decisions.length).toBeGreaterThan(0);
    for (const statements of decisions) {
      const dates = statements.map((s) => s.values.date).filter((v) => v !== undefined) as string[];
      expect(dates[0]).toMatch(/^\d{4}$/);
      expect(dates.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dates.at(-1)?.startsWith(dates[0] as string)).toBe(true);
    }
    expect(changed('Milestone', 'status', 'PENDING', 'TRIGGERED').length).toBeGreaterThan(0);
    expect(changed('Trial', 'status', 'ONGOING', 'COMPLETED').length).toBeGreaterThan(0);
    expect(changed('Partnership', 'status', 'ACTIVE', 'ENDED').length).toBeGreaterThan(0);
    expect(
      nodeHistories.filter(
        (statements) =>
          statements[0]?.label === 'Drug' &&
          statements.some((s, i) => i > 0 && s.values.highestPhase !== undefined) &&
          statements.at(-1)?.values.highestPhase !== statements[0]?.values.highestPhase,
      ).length,
    ).toBeGreaterThan(0);
    expect(
      nodeHistories.filter((statements) => statements.some((s, i) => i > 0 && s.values.aliases)).length,
    ).toBeGreaterThan(0);
    // A relationship whose value changes: an indication's study completed on approval.
    expect(
      histories.filter(
        (statements) =>
          statements[0]?.label === 'INVESTIGATED_FOR' && statements.at(-1)?.values.status === 'COMPLETED',
      ).length,
    ).toBeGreaterThan(0);
  });

  it('draws hubs: the top company of a Zipf law gets far more than its share', () => {
    const random = new Random(1);
    const zipf = new Zipf(1_000);
    const counts = new Array(1_000).fill(0);
    for (let i = 0; i < 100_000; i += 1) counts[zipf.draw(random)] += 1;
    expect(counts[0]).toBeGreaterThan(10_000);
    expect(counts[999]).toBeLessThan(100);
  });
});
