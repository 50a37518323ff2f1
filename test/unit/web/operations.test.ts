import { readFileSync } from 'node:fs';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../../server/app.ts';
import { createArmor } from '../../../server/graphql/armor.ts';
import * as generated from '../../../web/src/generated/graphql.ts';

/**
 * The explorer's operations are the ones codegen typed from its `gql` documents (web/src/generated): each must
 * also pass the limits the server puts on an operation's shape (depth, aliases, cost), fragments included, or the
 * view that sends it would only ever show "refused".
 */
const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
const { validationRules } = createArmor({ hideSchemaHints: false });
const operations = Object.entries(generated).filter(([name]) => /^[A-Z]\w*Document$/.test(name));

describe('every operation the explorer sends', () => {
  it('is generated from its documents (a search, a page of partnerships, the changes…)', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'SearchDocument',
        'PartnershipsDocument',
        'ChangesDocument',
        'DetailsDocument',
      ]),
    );
  });

  it.each(operations)('%s is valid and within the server’s operation limits', (_name, document) => {
    const errors = validate(schema, parse(String(document)), [...specifiedRules, ...validationRules]);
    expect(errors.map((error) => error.message)).toEqual([]);
  });
});
