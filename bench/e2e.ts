import { InteractionResponseType } from 'discord-api-types/v10';
import { respond } from '../src/interactions/respond.ts';
import { loadBotContext } from '../src/startup/context.ts';
import type { MemoryReport } from '../src/transports/gateway/test-hooks.ts';
import { chatInput, type FakeDiscord, startFakeDiscord } from '../tests/fake-discord/index.ts';
import { type Launched, launch, memory, shutDown, start } from './launch.ts';
import { medianAndP99, mib } from './stats.ts';

/**
 * `npm run bench:e2e`: the bot (as `npm start` runs it) and a bare discord.js client (`bench/bare-client.ts`),
 * each in its own process against its own fake Discord running here, measured the same way:
 * login -> ready, dispatch -> callback latency over 1,000 sequential interactions, and memory after
 * GC before and after 10,000 more. Both answer the same interaction with one embed of about the
 * same size, so the ratio compares the work done, not the payload: the bot answers it with
 * Thae Yong-ho's card through `/search`, which carries no route map (`/defector` would upload a
 * PNG with every answer; bench:images measures replies with pictures).
 */

const warmUp = 300;
const sequential = 1000;
const bulk = 10_000;
const bulkConcurrency = 16;
const rounds = 10;
const deadlineMs = 240_000;

const query = chatInput('search', { query: 'person:thae-yong-ho' });

interface Target extends Launched {
  latencies: number[];
  before?: MemoryReport;
  after?: MemoryReport;
}

interface Measurement {
  loginToReadyMs: number;
  spawnToReadyMs: number;
  p50: number;
  p99: number;
  before: MemoryReport;
  after: MemoryReport;
}

async function answered(fake: FakeDiscord): Promise<void> {
  const interaction = fake.dispatchInteraction(query);
  const callback = await fake.waitForCallback(interaction.id);
  if (callback.type !== InteractionResponseType.ChannelMessageWithSource)
    throw new Error(`unexpected callback type ${callback.type}`);
}

async function inParallel(count: number, concurrency: number, task: () => Promise<void>): Promise<void> {
  let left = count;
  const worker = async () => {
    while (left > 0) {
      left--;
      await task();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function sequentialBatch(target: Target, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await answered(target.fake);
    target.latencies.push(performance.now() - start);
  }
}

function measurement(target: Target): Measurement {
  const { before, after } = target;
  if (!before || !after) throw new Error(`${target.entry}: memory not measured`);
  const { median, p99 } = medianAndP99(target.latencies);
  return { ...target, p50: median, p99, before, after };
}

/**
 * Both processes run side by side and the sequential interactions alternate between them in
 * batches, so a busy neighbour on a shared machine slows both alike instead of skewing the ratio.
 */
async function run(): Promise<[Measurement, Measurement]> {
  const withLatencies = (launched: Launched): Target => ({ ...launched, latencies: [] });
  const bot = withLatencies(await launch(start.entry));
  const bare = await launch('bench/bare-client.ts').then(withLatencies, async (error: unknown) => {
    await shutDown(bot);
    throw error;
  });
  const both = [bot, bare];
  try {
    for (const target of both) {
      await inParallel(warmUp, 4, () => answered(target.fake));
      target.before = await memory(target.fake);
    }
    for (let round = 0; round < rounds; round++) {
      for (const target of both) await sequentialBatch(target, sequential / rounds);
    }
    for (const target of both) {
      await inParallel(bulk, bulkConcurrency, () => answered(target.fake));
      target.after = await memory(target.fake);
    }
    return [measurement(bot), measurement(bare)];
  } finally {
    await Promise.all(both.map(shutDown));
  }
}

/**
 * The core's own time for the same interaction, in this process: what the bot does beyond the bare
 * client's constant reply, so `bot p50 - core p50` against `bare p50` isolates the transport.
 */
async function coreAlone(): Promise<{ p50: number; p99: number }> {
  const fake = await startFakeDiscord();
  const interaction = fake.dispatchInteraction(query);
  await fake.close();
  const context = await loadBotContext();
  const times: number[] = [];
  for (let i = 0; i < warmUp + sequential; i++) {
    const start = performance.now();
    respond(interaction, context, () => {});
    if (i >= warmUp) times.push(performance.now() - start);
  }
  const { median, p99 } = medianAndP99(times);
  return { p50: median, p99 };
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

function table(bot: Measurement, bare: Measurement): string {
  const rows: [string, number, number, number][] = [
    ['login -> ready (ms)', bot.loginToReadyMs, bare.loginToReadyMs, 0],
    ['spawn -> ready (ms)', bot.spawnToReadyMs, bare.spawnToReadyMs, 0],
    ['dispatch -> callback p50 (ms)', bot.p50, bare.p50, 3],
    ['dispatch -> callback p99 (ms)', bot.p99, bare.p99, 3],
    ['heap after GC, before (MB)', mib(bot.before.heapUsed), mib(bare.before.heapUsed), 1],
    [`heap after GC, after ${bulk} (MB)`, mib(bot.after.heapUsed), mib(bare.after.heapUsed), 1],
    [
      'heap growth (MB)',
      mib(bot.after.heapUsed - bot.before.heapUsed),
      mib(bare.after.heapUsed - bare.before.heapUsed),
      2,
    ],
    [`external after ${bulk} (MB)`, mib(bot.after.external), mib(bare.after.external), 1],
    ['RSS before (MB)', mib(bot.before.rss), mib(bare.before.rss), 1],
    [`RSS after ${bulk} (MB)`, mib(bot.after.rss), mib(bare.after.rss), 1],
  ];
  const lines = rows.map(([label, a, b, digits]) => {
    const ratio = b === 0 ? '-' : `${fixed(a / b)}x`;
    return `${label.padEnd(34)}${fixed(a, digits).padStart(10)}${fixed(b, digits).padStart(10)}${ratio.padStart(10)}`;
  });
  return [
    `${''.padEnd(34)}${'bot'.padStart(10)}${'bare'.padStart(10)}${'bot/bare'.padStart(10)}`,
    ...lines,
  ].join('\n');
}

function targets(bot: Measurement, bare: Measurement): string {
  const checks: [string, boolean][] = [
    [`p50 <= 1.2x bare (${fixed(bot.p50 / bare.p50)}x)`, bot.p50 <= 1.2 * bare.p50],
    [`p99 <= 10 ms (${fixed(bot.p99)} ms)`, bot.p99 <= 10],
    [
      `heap growth <= 5 MB over ${bulk} (${fixed(mib(bot.after.heapUsed - bot.before.heapUsed))} MB)`,
      bot.after.heapUsed - bot.before.heapUsed <= 5 * 1024 * 1024,
    ],
    [
      `RSS <= 130 MB (${fixed(mib(Math.max(bot.before.rss, bot.after.rss)), 1)} MB)`,
      Math.max(bot.before.rss, bot.after.rss) <= 130 * 1024 * 1024,
    ],
    [`ready <= 300 ms (${bot.loginToReadyMs} ms login -> ready)`, bot.loginToReadyMs <= 300],
  ];
  return checks.map(([label, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${label}`).join('\n');
}

setTimeout(() => {
  console.error(`bench:e2e did not finish in ${deadlineMs / 1000} s`);
  process.exit(1);
}, deadlineMs).unref();

console.log(
  `bench:e2e — ${warmUp} warm-up, ${sequential} sequential, ${bulk} at concurrency ${bulkConcurrency}; node ${process.version}`,
);
const [bot, bare] = await run();
const core = await coreAlone();
console.log(table(bot, bare));
console.log(
  `core respond() alone, in-process: p50 ${fixed(core.p50, 3)} ms, p99 ${fixed(core.p99, 3)} ms; ` +
    `bot p50 minus core p50 = ${fixed((bot.p50 - core.p50) / bare.p50)}x bare p50`,
);
console.log(targets(bot, bare));
