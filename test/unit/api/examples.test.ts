import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../../server/app.ts';

const EXAMPLES_DIR = join(import.meta.dirname, '../../../examples');
const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

describe('examples/', () => {
  it.each(readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.graphql')))(
    '%s is valid against the schema',
    (name) => {
      const errors = validate(schema, parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')));
      expect(errors.map((error) => error.message)).toEqual([]);
    },
  );
});
