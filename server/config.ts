import { z } from 'zod';

/** Every setting comes from the environment; `.env.example` documents each one. */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1');

/** The shortest editor token accepted: guessing it must be out of reach. */
export const MIN_EDITOR_TOKEN_LENGTH = 32;

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce
      .number({ message: 'expected a port number' })
      .int()
      .min(0)
      .max(65535, 'expected a port number from 0 to 65535')
      .default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NEO4J_URI: z
      .string()
      .regex(
        /^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/,
        'expected a Bolt URI such as neo4j://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io',
      )
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1).optional(),
    NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
    NEO4J_BOLT_PORT: z.coerce
      .number({ message: 'expected a port number' })
      .int()
      .min(1)
      .max(65535)
      .default(7687),
    NEO4J_QUERY_TIMEOUT_MS: z.coerce
      .number({ message: 'expected milliseconds' })
      .int()
      .min(100)
      .default(10_000),
    NEO4J_CONNECT_TIMEOUT_MS: z.coerce
      .number({ message: 'expected milliseconds' })
      .int()
      .min(100)
      .default(5_000),
    SEED_ON_EMPTY: booleanFlag.default(true),
    SEED_DIR: z.string().min(1).default('seed'),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    GRAPHQL_INTROSPECTION: booleanFlag.optional(),
    EDITING: booleanFlag.default(false),
    EDITOR_TOKEN: z.string().optional(),
  })
  .superRefine((config, context) => {
    if (config.EDITING && (config.EDITOR_TOKEN ?? '').length < MIN_EDITOR_TOKEN_LENGTH) {
      context.addIssue({
        code: 'custom',
        path: ['EDITOR_TOKEN'],
        message: `EDITING=true needs a token of at least ${MIN_EDITOR_TOKEN_LENGTH} characters (e.g. openssl rand -hex 32)`,
      });
    }
  });

export type Config = Readonly<
  Omit<z.infer<typeof ConfigSchema>, 'GRAPHQL_INTROSPECTION'> & { GRAPHQL_INTROSPECTION: boolean }
>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Settings whose values never appear in an error message. */
const SECRETS = new Set(['NEO4J_PASSWORD', 'EDITOR_TOKEN']);

/** Parses the environment once; a bad value throws a message naming the variable and the form expected. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name] ?? '';
      const shown = SECRETS.has(name) ? `<${value.length} characters, not shown>` : JSON.stringify(value);
      return `  ${name}=${shown}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  return Object.freeze({
    ...config,
    GRAPHQL_INTROSPECTION: config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production',
  });
}
