import { existsSync } from 'node:fs';
import { ConfigError } from '../config.ts';

/** Node's own `.env` reader (no dotenv); variables already set in the environment win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

const offlineHint =
  "To try the bot without Discord, use the preview CLI: npm run preview -- '/defector name:thae yong ho'";

/** The text printed for a configuration error; with no token, it also points to the offline preview. */
export function configErrorText(error: ConfigError): string {
  const missingToken = error.problems.some((problem) => problem.startsWith('DISCORD_TOKEN'));
  return missingToken ? `${error.message}\n${offlineHint}` : error.message;
}

/**
 * Reads the configuration, or prints every problem and exits 1. There is no logger yet (its level is
 * part of the configuration), and the messages name variables, never their values.
 */
export function configOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(configErrorText(error));
    process.exit(1);
  }
}
