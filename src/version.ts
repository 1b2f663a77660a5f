import { readFileSync } from 'node:fs';

/** The bot's version, read once from package.json so /about and /healthz never disagree with it. */
export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
