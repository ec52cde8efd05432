import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from '../errors/serialize-error.js';

export type { Logger };

/**
 * Paths that may hold secrets or personal data. Features add their own sensitive
 * fields here rather than trusting every call site to leave them out.
 */
const redactPaths = [
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'config.MicrosoftAppPassword',
  'config.OPENAI_API_KEY',
  'config.AZURE_OPENAI_API_KEY',
  'config.DATABASE_URL',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      name: 'veiligheidsbot',
      level,
      redact: { paths: redactPaths, censor: '[verborgen]' },
      // Every error goes through one serializer: no statement, parameters or quoted values (AVG).
      serializers: { err: serializeError, error: serializeError },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
