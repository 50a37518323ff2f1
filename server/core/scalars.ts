import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar day in `YYYY-MM-DD` form. */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const parseDay = (value: unknown): string => {
  if (typeof value === 'string' && isIsoDay(value)) return value;
  throw new GraphQLError(
    `Expected a day in the form YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}.`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
};

/** `Date`: a calendar day as `YYYY-MM-DD`, checked on input. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day in ISO 8601 form, `YYYY-MM-DD`.',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parseDay,
  parseLiteral: (node: ValueNode) => parseDay(node.kind === Kind.STRING ? node.value : undefined),
});

/** `JSON`: any JSON value, output only in practice (graph properties). */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: the properties of a graph node or edge.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: () => {
    throw new GraphQLError('JSON literals are not accepted as arguments.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
