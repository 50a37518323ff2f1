import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_FIELDS, seedJsonSchema, sortDateOf } from '../../../seed/format.ts';
import { SEED_DIR } from '../../../seed/load.ts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../../server/model/kinds.ts';

describe('seed format', () => {
  it('has a committed JSON Schema equal to the one the format generates', async () => {
    const committed = JSON.parse(await readFile(join(SEED_DIR, 'schema', 'seed.schema.json'), 'utf8'));
    // If this fails: npm run seed -- --write-json-schema
    expect(committed).toEqual(seedJsonSchema());
  });

  it('maps fields only to labels and types of the allowlist', () => {
    for (const [label, fields] of Object.entries(RELATIONSHIP_FIELDS)) {
      expect(NODE_KINDS).toContain(label);
      for (const spec of Object.values(fields ?? {})) {
        expect(RELATIONSHIP_TYPES).toContain(spec.type);
        for (const target of spec.targets) expect(NODE_KINDS).toContain(target);
      }
    }
  });

  it('orders loose dates by the start of their period, or the deadline', () => {
    expect(sortDateOf('2013', 'YEAR')).toBe('2013-01-01');
    expect(sortDateOf('2013-09', 'MONTH')).toBe('2013-09-01');
    expect(sortDateOf('2013', 'BY_YEAR_END')).toBe('2013-12-31');
    expect(sortDateOf('2013-09-20', 'ON_OR_BEFORE')).toBe('2013-09-20');
  });
});
