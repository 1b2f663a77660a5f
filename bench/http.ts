import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import type { APIInteraction } from 'discord-api-types/v10';
import { call, generateTestKeys, type TestKeys } from '../tests/http/client.ts';
import { ping } from '../tests/interactions/build.ts';
import { endpointMix, pinning, presign, serve, startServer } from './http-server.ts';

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

interface Target {
  readonly name: string;
  readonly script: string;
  readonly interactions: APIInteraction[];
}

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
