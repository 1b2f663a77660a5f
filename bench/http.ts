import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import type { APIInteraction } from 'discord-api-types/v10';
import { autocompleteInteraction, commandInteraction, parseCommandLine } from '../src/cli/command-line.ts';
import { call, freePort, generateTestKeys, signedHeaders, type TestKeys } from '../tests/http/client.ts';
import { ping } from '../tests/interactions/build.ts';
import { npmScriptCommand } from '../tests/npm-script.ts';

/**
 * `npm run bench:http`: the interactions endpoint against a bare node:http server that only
 * verifies the signature and answers PONG, each in its own process so the load generator never
 * shares their event loop. Pre-signed requests, 50 connections, 10 s each on loopback.
 * `--json` prints the results as one JSON document instead of a table; `--breakdown` adds a
 * third run.
 */

const CONNECTIONS = 50;
const DURATION_S = 10;
const TARGET = { ratio: 0.7, p99Ms: 20 };

/** What Discord sends most: autocomplete while typing, then the command itself (as the preview types them). */
function endpointMix(): APIInteraction[] {
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

interface Target {
  readonly name: string;
  readonly script: string;
  readonly interactions: APIInteraction[];
}

/** The endpoint runs as `npm run serve` runs it; the bare server gets the same flags and environment. */
const serve = npmScriptCommand('serve');

const endpoint: Target = {
  name: 'endpoint (npm run serve)',
  script: serve.entry,
  interactions: endpointMix(),
};
const bare: Target = {
  name: 'bare node:http + verify',
  script: 'bench/bare-http.ts',
  interactions: [ping()],
};
/** With `--breakdown`: the endpoint answering PING only, which separates its own cost from the core's. */
const endpointPing: Target = { ...endpoint, name: 'endpoint, PING only', interactions: [ping()] };

function presign(keys: TestKeys, interactions: APIInteraction[]): autocannon.Request[] {
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
const pinning = spawnSync('taskset', ['--version']).status === 0 && availableParallelism() >= 2;

/** Starts a server script and waits for the first stdout line that names its port. */
async function startServer(script: string, keys: TestKeys): Promise<{ child: ChildProcess; port: number }> {
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

interface Measured {
  readonly name: string;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly requests: number;
}

async function measure(target: Target, keys: TestKeys): Promise<Measured> {
  const { child, port } = await startServer(target.script, keys);
  try {
    const requests = presign(keys, target.interactions);
    // Every request in the mix must be a success before its throughput means anything.
    for (const { headers, body } of requests) {
      const reply = await call({ port, headers: headers as Record<string, string>, body });
      if (reply.status !== 200) throw new Error(`${target.name}: ${reply.status} ${reply.text} for ${body}`);
    }
    const url = `http://127.0.0.1:${port}`;
    await autocannon({ url, connections: CONNECTIONS, duration: 1, requests }); // warm-up
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
    return {
      name: target.name,
      reqPerSec: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      requests: result.requests.total,
    };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

const keys = generateTestKeys();
const runs = process.argv.includes('--breakdown') ? [endpoint, bare, endpointPing] : [endpoint, bare];
if (pinning) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
const results: Measured[] = [];
for (const target of runs) results.push(await measure(target, keys));
const [served, baseline] = results as [Measured, Measured];
const ratio = Math.round((served.reqPerSec / baseline.reqPerSec) * 100) / 100;
const met = ratio >= TARGET.ratio && served.errors === 0 && served.p99Ms <= TARGET.p99Ms;
const report = {
  connections: CONNECTIONS,
  durationS: DURATION_S,
  pinned: pinning,
  results,
  ratio,
  target: TARGET,
  met,
};

if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.table(
    report.results.map(({ name, reqPerSec, p50Ms, p99Ms, errors, requests }) => ({
      server: name,
      'req/s': reqPerSec,
      'p50 ms': p50Ms,
      'p99 ms': p99Ms,
      errors,
      requests,
    })),
  );
  console.log(pinning ? 'server on core 0, load generator on core 1' : 'not pinned to cores (no taskset)');
  console.log(
    `endpoint / bare = ${ratio} (target >= ${TARGET.ratio}); p99 ${served.p99Ms} ms (target <= ${TARGET.p99Ms}); ` +
      `errors ${served.errors}: ${met ? 'target met' : 'TARGET MISSED'}`,
  );
}
process.exitCode = met ? 0 : 1;
