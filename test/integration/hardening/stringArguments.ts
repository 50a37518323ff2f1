import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** Scalars that carry free text from the client (Int, Float, Boolean and enums cannot hold a string). */
const TEXT_SCALARS = new Set(['String', 'ID', 'Date', 'JSON']);

/** One place in the schema where a client can put a string: an argument, or a field of an input object in one. */
export interface StringArgument {
  /** The type that owns the field (`Query`, `Company`, …). */
  owner: string;
  field: GraphQLField<unknown, unknown>;
  argument: GraphQLArgument;
  /** Input-object fields from the argument down to the string (empty when the argument itself is the string). */
  inputPath: string[];
  /** The type the string sits in (String, [ID!]!, …), to declare the variable with. */
  leafType: GraphQLInputType;
  /** `Query.partnerships(where.company)`, for test names. */
  label: string;
}

/** Every string-carrying argument of every object type, found from the schema (so new fields are covered). */
export function stringArguments(schema: GraphQLSchema): StringArgument[] {
  const found: StringArgument[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const argument of field.args) {
        const visit = (inputType: GraphQLInputType, path: string[], seen: Set<string>) => {
          const named = getNamedType(inputType);
          if (isScalarType(named) && TEXT_SCALARS.has(named.name)) {
            const where = path.length ? `(${argument.name}.${path.join('.')})` : `(${argument.name})`;
            found.push({
              owner: type.name,
              field,
              argument,
              inputPath: path,
              leafType: inputType,
              label: `${type.name}.${field.name}${where}`,
            });
          } else if (isInputObjectType(named) && !seen.has(named.name)) {
            for (const inner of Object.values(named.getFields())) {
              visit(inner.type, [...path, inner.name], new Set([...seen, named.name]));
            }
          }
        };
        visit(argument.type, [], new Set());
      }
    }
  }
  return found;
}

/** A GraphQL literal for a required argument the test does not aim at: something plausible and harmless. */
export function harmlessLiteral(type: GraphQLInputType, sampleId: string): string {
  if (isNonNullType(type)) return harmlessLiteral(type.ofType, sampleId);
  if (isListType(type)) return `[${harmlessLiteral(type.ofType, sampleId)}]`;
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name ?? 'null';
  if (named.name === 'Int' || named.name === 'Float') return '1';
  if (named.name === 'Boolean') return 'true';
  if (named.name === 'Date') return '"2013-01-01"';
  return JSON.stringify(sampleId);
}

/**
 * The value expression of the targeted argument: `$v`, or `{company: $v}` for a path into input objects, with the
 * input objects' other required fields given harmless values.
 */
export function argumentValue(type: GraphQLInputType, path: string[], sampleId: string): string {
  const [name, ...rest] = path;
  const named = getNamedType(type);
  if (name === undefined || !isInputObjectType(named)) return '$v';
  const fields = Object.values(named.getFields());
  const target = fields.find((field) => field.name === name);
  const others = fields
    .filter((field) => field.name !== name && isNonNullType(field.type))
    .map((field) => `${field.name}: ${harmlessLiteral(field.type, sampleId)}`);
  const inner = target ? argumentValue(target.type, rest, sampleId) : '$v';
  return `{${[`${name}: ${inner}`, ...others].join(', ')}}`;
}

/** The variable's value for one hostile string, wrapped in lists as the leaf type asks. */
export function variableValue(type: GraphQLInputType, text: string): unknown {
  if (isNonNullType(type)) return variableValue(type.ofType, text);
  if (isListType(type)) return [variableValue(type.ofType, text)];
  return text;
}

/** Leaf fields without arguments: enough for every resolver on the way to run its Cypher. */
export function leafSelection(type: GraphQLNamedType): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const leaves = Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .filter((field) => {
      const named = getNamedType(field.type);
      return isScalarType(named) || isEnumType(named);
    })
    .map((field) => field.name);
  return `{ __typename ${leaves.join(' ')} }`;
}
