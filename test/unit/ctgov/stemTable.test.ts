import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REFERENCE_DIR,
  STEM_TABLE_ID,
  stemTable,
  stemTableYaml,
  writeStemTable,
} from '../../../seed/ctgov/stemTable.ts';
import type { SeedRecord } from '../../../seed/format.ts';
import { vocabulary } from '../../../seed/ingest/vocabulary.ts';
import { validateSeedFiles } from '../../../seed/validate.ts';

describe('the INN stem table', () => {
  const { seed, text } = stemTable();
  const v = vocabulary();

  it('is a document of its own, dated as the vocabulary, at the WHO stem book', () => {
    expect(seed.document).toEqual({
      id: STEM_TABLE_ID,
      title: 'ADC linker–payload INN stems (WHO INN Programme, USAN Council; Pipeline Atlas vocabulary)',
      date: v.sources.stems.retrieved,
      url: v.sources.stems.url,
      sourceFile: 'sources/inn-stem-table.txt',
    });
  });

  it('has one sentence per stem, under the stem, each a line of its text', () => {
    for (const stem of v.stems) expect(seed.sentences[stem.stem]).toMatch(new RegExp(`^-${stem.stem}: `));
    expect(seed.sentences.deruxtecan).toContain('payload DXd; linker GGFG tetrapeptide-based linker');
    const lines = new Set(text.split('\n'));
    for (const sentence of Object.values(seed.sentences)) expect(lines.has(sentence)).toBe(true);
  });

  it('states the payloads and linkers, each citing its own line and the stems that name it', () => {
    const dxd = seed.payloads?.find((payload) => payload.id === 'dxd') as SeedRecord;
    expect(dxd).toMatchObject({
      name: 'DXd',
      payloadClass: expect.any(String),
      mechanism: expect.any(String),
    });
    expect(dxd.cite).toEqual(['payload-dxd', 'deruxtecan']);
    const smcc = seed.linkers?.find((linker) => linker.id === 'smcc') as SeedRecord;
    expect(smcc.cite).toEqual(['linker-smcc', 'emtansine']);
    expect(seed.payloads).toHaveLength(v.payloads.length);
    expect(seed.linkers).toHaveLength(v.linkers.length);
  });

  it('states the antibodies with their targets', () => {
    expect(seed.antibodies?.find((antibody) => antibody.id === 'trastuzumab')).toEqual({
      id: 'trastuzumab',
      name: 'trastuzumab',
      targets: ['her2'],
      cite: ['antibody-trastuzumab'],
    });
    expect(seed.sentences['antibody-trastuzumab']).toBe('Antibody trastuzumab: binds HER2.');
  });

  it('is committed as generated, and validates on its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stem-table-'));
    try {
      const { seedFile, sourceFile } = await writeStemTable(dir);
      expect(await readFile(sourceFile, 'utf8')).toBe(
        await readFile(join(REFERENCE_DIR, 'sources', `${STEM_TABLE_ID}.txt`), 'utf8'),
      );
      expect(await readFile(join(REFERENCE_DIR, `${STEM_TABLE_ID}.yaml`), 'utf8')).toBe(
        stemTableYaml(seed, '../schema/seed.schema.json'),
      );
      const result = await validateSeedFiles([seedFile]);
      expect(result.issues.format()).toBe('');
      expect(result.warnings.format()).toBe('');
      expect(result.ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
