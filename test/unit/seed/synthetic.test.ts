import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('writes files that validate, with as many elements as it says, close to the scale', async () => {
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
    expect(validation.nodes.Milestone).toBeGreaterThan(0);
    expect(validation.relationships.MEMBER_OF).toBeGreaterThan(0);
    expect(validation.relationships.TRIGGERS).toBeGreaterThan(0);
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
