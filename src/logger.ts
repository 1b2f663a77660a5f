import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Paths that could carry a secret are redacted as a second line of
 * defence: the code never logs the token or request headers on purpose.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: {
        paths: [
          'token',
          '*.token',
          'headers.authorization',
          '*.headers.authorization',
          'config.DISCORD_TOKEN',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
