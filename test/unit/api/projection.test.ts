import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../../server/app.ts';
import { projectionOf } from '../../../server/core/selection.ts';
import { infoFor } from './resolveInfo.ts';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

/** The info projectionOf reads, with the schema the walk asks about types. */
const withSchema = (query: string): GraphQLResolveInfo =>
  ({ ...infoFor(query), schema }) as GraphQLResolveInfo;

describe('projection: the properties an operation reads, per kind', () => {
  it('maps computed fields to the properties they read, and leaves relations out', () => {
    const projection = projectionOf(
      withSchema(`{ partnerships { nodes { id name rights status citations { sentence }
        milestones { amount { amount } trigger { date { date } regions { name } } }
        parties { role company { id } } } } }`),
    );
    expect(new Set(projection.Partnership)).toEqual(new Set(['rights', 'status', 'citedIn']));
    expect(new Set(projection.Milestone)).toEqual(new Set(['amount', 'currency']));
    expect(new Set(projection.RegulatoryEvent)).toEqual(new Set(['date', 'datePrecision', 'sortDate']));
    // id and name always come (see nodeMap), so kinds read for nothing else list nothing.
    expect(projection.Region).toEqual([]);
    expect(projection.Company).toEqual([]);
  });

  it('follows fragments and spreads interface fields over every kind', () => {
    const projection = projectionOf(
      withSchema(`query Q { drugs { nodes { ...Parts ... on Node { aliases } } } }
        fragment Parts on Drug { genericName highestPhase payload { ... on Payload { mechanism } } }`),
    );
    expect(new Set(projection.Drug)).toEqual(new Set(['genericName', 'highestPhase', 'aliases']));
    expect(projection.Payload).toContain('mechanism');
    expect(projection.Company).toContain('aliases');
  });
});
