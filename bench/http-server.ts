import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type autocannon from 'autocannon';
import type { APIInteraction } from 'discord-api-types/v10';
import { autocompleteInteraction, commandInteraction, parseCommandLine } from '../src/cli/command-line.ts';
import { freePort, signedHeaders, type TestKeys } from '../tests/http/client.ts';
import { npmScriptCommand } from '../tests/npm-script.ts';

/** What the HTTP benchmarks share: the request mix, pre-signing, and starting a server on its own core. */

/** What Discord sends most: autocomplete while typing, then the command itself (as the preview types them). */
export function endpointMix(): APIInteraction[] {
  const typing = (line: string) => autocompleteInteraction(parseCommandLine(line, true), 'en-US');
  const command = (line: string, locale = 'en-US') => commandInteraction(parseCommandLine(line), locale);
  return [
    typing('/defector name:'),
    typing('/defector name:th'),
    typing('/defector name:jo song'),
    typing('/defector name:태영'),
    typing('/why-defect motive:chil'),
    typing('/regime-response query:exec'),
    // Replies with pictures are deferred and edited through the webhook; the mix keeps to replies
    // the endpoint answers in full (cards through /search, the timeline's text pages by button).
    command('/search query:person:thae-yong-ho'),
    command('/search query:person:jo-song-gil', 'ko'),
    command('/why-defect'),
    command('/search query:ambassador'),
    command('/about'),
  ];
}

/** The endpoint runs as `npm run serve` runs it; the bare server gets the same flags and environment. */
export const serve = npmScriptCommand('serve');

export function presign(keys: TestKeys, interactions: APIInteraction[]): autocannon.Request[] {
  return interactions.map((interaction) => {
    const body = JSON.stringify(interaction);
    return { method: 'POST', path: '/interactions', headers: signedHeaders(keys, body), body };
  });
}

/**
 * On a 2-core machine the server and the load generator fight over both cores, which blurs both
 * numbers; with taskset (util-linux) the server gets core 0 and this process, autocannon, core 1.
 * Both servers are measured the same way either way.
 */
export const pinning = spawnSync('taskset', ['--version']).status === 0 && availableParallelism() >= 2;

/** Starts a server script and waits for the first stdout line that names its port. */
export async function startServer(
  script: string,
  keys: TestKeys,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const command = [process.execPath, ...serve.nodeFlags, ...loader, script];
  const [file, ...args] = pinning ? ['taskset', '-c', '0', ...command] : command;
  const child = spawn(file as string, args, {
    env: {
      ...process.env,
      ...serve.env,
      MODE: 'http',
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      // Should any reply carry a picture, its webhook edit goes to a closed local port, never out.
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  for await (const line of lines) {
    const port = (JSON.parse(line) as { port?: unknown }).port;
    if (typeof port === 'number') {
      lines.close();
      child.stdout?.resume();
      return { child, port };
    }
  }
  throw new Error(`${script} exited before listening`);
}
