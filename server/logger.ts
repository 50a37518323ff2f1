import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON logs in production; readable, coloured lines on a terminal. */
export function createLogger(level: string, pretty = process.stdout.isTTY): Logger {
  return pino({
    level,
    base: { app: 'pipeline-atlas' },
    redact: ['req.headers.authorization', 'password', '*.password'],
    transport: pretty
      ? { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,app' } }
      : undefined,
  });
}
