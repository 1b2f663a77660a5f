import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultMaxConnections } from '../src/config.ts';
import { generateTestKeys, type TestKeys } from '../tests/http/client.ts';
import { endpointMix, pinning, presign, serve, startServer } from './http-server.ts';

/**
 * `npm run bench:connections`: how many keep-alive connections one replica (`npm run serve`, pinned to
 * one core) holds, and when it stops answering within Discord's 3 s. A load balancer keeps a pool of
 * connections to each replica and sends a request down whichever is idle, so this opens N connections at
 * once, waits until the server has closed any beyond its cap, sends one request down each (200 at a
 * time, as a pool fills), then for 10 s sends `rate` requests a second (the usual mix of signed
 * interactions), each down the next idle connection; with every connection busy, a request finds none
 * and is counted as such. A request unanswered after 3 s is a timeout. Each count runs with no cap to
 * speak of, then with each `--cap` below it (by default the default HTTP_MAX_CONNECTIONS).
 *
 *   npm run bench:connections -- [--connections 1000,2000,4000] [--rate 200,5000] [--cap 1000] [--duration 10] [--json]
 *
 * The default rates are ordinary traffic and more than one core can answer. autocannon does not fit
 * here: given a rate, it opens only as many connections as requests a second.
 */

const DISCORD_WINDOW_MS = 3000;
const SETTLE_MS = 1000;
const WARM_UP_IN_FLIGHT = 200;

function option(name: string, fallback: string): number[] {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
  return value.split(',').map(Number);
}

const counts = option('connections', '1000,2000,4000');
const rates = option('rate', '200,5000');
const [durationS = 10] = option('duration', '10');
/** The first is no cap to speak of; the others are HTTP_MAX_CONNECTIONS values to compare with it. */
const caps = [...new Set([100_000, ...option('cap', String(defaultMaxConnections))])];

type Outcome = { ms: number; status: number } | 'timeout' | 'closed';

/** One keep-alive connection speaking just enough HTTP/1.1 for the endpoint's answers (Content-Length). */
class Connection {
  private buffered = Buffer.alloc(0);
  private waiting: ((outcome: Outcome) => void) | undefined;
  closed = false;
  /** The server answered 408: node's headers timeout (5 s) for a connection that sent no request in time. */
  idleTimedOut = false;
  readonly opened: Promise<boolean>;

  constructor(
    port: number,
    private readonly socket: Socket = connect(port, '127.0.0.1'),
  ) {
    this.opened = new Promise((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('close', () => resolve(false));
    });
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.finish('closed');
    });
  }

  get busy(): boolean {
    return this.waiting !== undefined;
  }

  send(request: Buffer): Promise<Outcome> {
    const started = performance.now();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // Like a client that gives up: the connection is not reused.
        this.finish('timeout');
        this.socket.destroy();
      }, DISCORD_WINDOW_MS);
      this.waiting = (outcome) => {
        clearTimeout(timer);
        resolve(
          outcome === 'timeout' || outcome === 'closed'
            ? outcome
            : { ms: performance.now() - started, status: outcome.status },
        );
      };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private finish(outcome: Outcome): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(outcome);
  }

  private read(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffered.length < end + 4 + length) return;
    this.buffered = this.buffered.subarray(end + 4 + length);
    const status = Number(head.slice(9, 12));
    if (status === 408) this.idleTimedOut = true;
    this.finish({ ms: 0, status });
  }
}

/** The raw bytes of each pre-signed request. */
function rawRequests(keys: TestKeys): Buffer[] {
  return presign(keys, endpointMix()).map(({ headers, body }) => {
    const lines = Object.entries(headers ?? {}).map(([name, value]) => `${name}: ${value}`);
    const text = String(body);
    return Buffer.from(
      `POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\n${lines.join('\r\n')}\r\n` +
        `content-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  });
}

interface Row {
  connections: number;
  cap: number;
  rate: number;
  /** Connections still open once each had carried a request. */
  held: number;
  /** Connections the server closed before that, unanswered (over its cap). */
  refused: number;
  /** Connections closed with a 408 before their first request: node's headers timeout (5 s) ran out. */
  headersTimedOut: number;
  /** Connections whose first request went unanswered for 3 s. */
  warmUpTimeouts: number;
  openMs: number;
  sent: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests unanswered after 3 s. */
  timeouts: number;
  /** Requests whose connection the server closed before answering. */
  cut: number;
  /** Answers other than 200. */
  failed: number;
  /** Requests that found no idle connection: every connection held was busy. */
  starved: number;
  /** The server's peak resident memory. */
  peakRssMb: number;
}

/** Peak resident memory of a process, from /proc (Linux); 0 elsewhere. */
function peakRssMb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

const percentile = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0);

async function measure(keys: TestKeys, connections: number, cap: number, rate: number): Promise<Row> {
  const { child, port } = await startServer(serve.entry, keys, { HTTP_MAX_CONNECTIONS: String(cap) });
  const requests = rawRequests(keys);
  const pool: Connection[] = [];
  try {
    // Warm-up: the core's first answers are slower (JIT, search caches).
    const first = new Connection(port);
    for (const request of requests) await first.send(request);
    first.close();

    const openStarted = performance.now();
    for (let i = 0; i < connections; i++) pool.push(new Connection(port));
    await Promise.all(pool.map((connection) => connection.opened));
    const openMs = Math.round(performance.now() - openStarted);
    // A connection over the cap is closed as soon as the server accepts it, which a busy server does
    // late (the kernel completes the handshake and queues it): wait until no more close for a while.
    const closedCount = () => pool.filter((connection) => connection.closed).length;
    for (let before = -1; before !== closedCount(); ) {
      before = closedCount();
      await sleep(SETTLE_MS);
    }
    // Each connection carries one request before the measured traffic, as a balancer's pool fills up
    // (node gives a connection that never carried one only its headers timeout, 5 s, to start).
    let warmUpTimeouts = 0;
    await Promise.all(
      Array.from({ length: WARM_UP_IN_FLIGHT }, async (_, lane) => {
        for (let i = lane; i < pool.length; i += WARM_UP_IN_FLIGHT) {
          const connection = pool[i];
          if (!connection || connection.closed) continue;
          const outcome = await connection.send(requests[i % requests.length] as Buffer);
          if (outcome === 'timeout') warmUpTimeouts++;
        }
      }),
    );
    const held = pool.filter((connection) => !connection.closed);
    const headersTimedOut = pool.filter((connection) => connection.idleTimedOut).length;

    const latencies: number[] = [];
    let timeouts = 0;
    let cut = 0;
    let failed = 0;
    let starved = 0;
    let sent = 0;
    const inFlight: Promise<void>[] = [];
    const started = performance.now();
    let next = 0;
    for (let n = 0; performance.now() - started < durationS * 1000; n++) {
      const due = started + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      // The next idle connection, round robin, as a balancer's pool hands them out.
      let connection: Connection | undefined;
      for (let tried = 0; tried < held.length && !connection; tried++) {
        const candidate = held[next++ % held.length];
        if (candidate && !candidate.busy && !candidate.closed) connection = candidate;
      }
      if (!connection) {
        starved++;
        continue;
      }
      sent++;
      inFlight.push(
        connection.send(requests[n % requests.length] as Buffer).then((outcome) => {
          if (outcome === 'timeout') timeouts++;
          else if (outcome === 'closed') cut++;
          else if (outcome.status !== 200) failed++;
          else latencies.push(outcome.ms);
        }),
      );
    }
    await Promise.all(inFlight);
    latencies.sort((a, b) => a - b);
    return {
      connections,
      cap,
      rate,
      held: held.length,
      refused: connections - held.length - headersTimedOut - warmUpTimeouts,
      headersTimedOut,
      warmUpTimeouts,
      openMs,
      sent,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: Math.round(latencies.at(-1) ?? 0),
      timeouts,
      cut,
      failed,
      starved,
      peakRssMb: peakRssMb(child.pid),
    };
  } finally {
    for (const connection of pool) connection.close();
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

const keys = generateTestKeys();
if (pinning) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
const rows: Row[] = [];
for (const connections of counts) {
  for (const rate of rates) {
    for (const cap of caps) {
      // A cap at or above the connection count changes nothing: measured once, uncapped.
      if (cap !== caps[0] && cap >= connections) continue;
      rows.push(await measure(keys, connections, cap, rate));
    }
  }
}

if (process.argv.includes('--json'))
  console.log(JSON.stringify({ durationS, pinned: pinning, rows }, null, 2));
else {
  console.table(
    rows.map((row) => ({
      connections: row.connections,
      cap: row.cap === caps[0] ? 'none' : row.cap,
      held: row.held,
      refused: row.refused,
      '408 idle': row.headersTimedOut,
      'first timed out': row.warmUpTimeouts,
      'open ms': row.openMs,
      'req/s': row.rate,
      sent: row.sent,
      'p50 ms': row.p50Ms,
      'p99 ms': row.p99Ms,
      'max ms': row.maxMs,
      'timeouts (>3 s)': row.timeouts,
      cut: row.cut,
      'not 200': row.failed,
      'no idle conn': row.starved,
      'peak RSS MB': row.peakRssMb,
    })),
  );
  console.log(pinning ? 'server on core 0, load generator on core 1' : 'not pinned to cores (no taskset)');
}
