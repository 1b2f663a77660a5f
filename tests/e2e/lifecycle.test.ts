import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCodes } from 'discord.js';
import { GatewayOpcodes, InteractionResponseType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { chatInput, type FakeDiscord, shardOfGuild, startFakeDiscord } from '../fake-discord/index.ts';
import { type BotProcess, isReady, startBot } from './bot-process.ts';

/** Start-up, shutdown and sharding of the real entry point. */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeDiscord(options?: Parameters<typeof startFakeDiscord>[0]): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  cleanups.push(() => fake.close());
  return fake;
}

function bot(apiUrl: string, env?: Record<string, string>): BotProcess {
  const started = startBot(apiUrl, env);
  cleanups.push(() => started.kill());
  return started;
}

async function terminate(
  running: BotProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<{ code: number | null; ms: number }> {
  const sent = Date.now();
  running.child.kill(signal);
  const { code } = await running.exited;
  return { code, ms: Date.now() - sent };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Discord whose gateway says HELLO and then never answers IDENTIFY: the client stays in a pending
 * identify, the state in which `destroy()` is known to hang.
 */
async function silentGateway(): Promise<string> {
  const server: Server = createServer((request, response) => {
    const { port } = server.address() as AddressInfo;
    if (request.url?.endsWith('/gateway/bot')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          url: `ws://127.0.0.1:${port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        }),
      );
      return;
    }
    response
      .writeHead(404, { 'content-type': 'application/json' })
      .end(JSON.stringify({ message: '404: Not Found', code: RESTJSONErrorCodes.GeneralError }));
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) =>
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 45_000 } })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const client of sockets.clients) client.terminate();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

describe('start-up and shutdown', () => {
  it('logs a start-up summary, and on SIGTERM destroys the client and exits 0 promptly', async () => {
    const fake = await fakeDiscord();
    const running = bot(fake.apiUrl);
    const ready = await running.waitForLog(isReady, 15_000);
    expect(ready).toMatchObject({ shards: [0], shardCount: 1, guilds: 1, level: 30 });
    expect(ready.data).toMatchObject({ people: expect.any(Number), events: expect.any(Number) });
    expect(fake.sessions[0]?.intents).toBe(0);

    const closes = fake.disconnects.length;
    const { code, ms } = await terminate(running);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(fake.disconnects.slice(closes)).toMatchObject([{ by: 'client', code: CloseCodes.Normal }]);
  });

  it('exits 0 within 5 s on SIGTERM while the identify is still pending', async () => {
    const running = bot(await silentGateway());
    await running.waitForLog((line) => typeof line.msg === 'string' && line.msg.startsWith('BOT_TEST_HOOKS'));
    const { code, ms } = await terminate(running);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
  });
});

describe('sharding', () => {
  it('with DISCORD_SHARDS=2 spawns one process per shard; each identifies with its id and answers', async () => {
    const guilds = ['1100000000000000001', '1100000000004194305', '1100000000008388609'];
    const byShard = [0, 1].map((shard) => guilds.find((guild) => shardOfGuild(guild, 2) === shard));
    const [first, second] = byShard;
    if (!first || !second) throw new Error('test guilds must cover both shards');
    const fake = await fakeDiscord({ shardCount: 2, guilds: [first, second] });
    const manager = bot(fake.apiUrl, { DISCORD_SHARDS: '2' });

    await manager.waitForLog((line) => line.msg === 'all shards spawned', 20_000);
    expect(fake.sessions.map((session) => session.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Each shard logs its own summary; the manager's line may come first.
    await manager.waitForLog(() => manager.logs.filter(isReady).length === 2);
    const readyLines = manager.logs.filter(isReady);
    expect(readyLines.map((line) => line.shards).sort()).toEqual([[0], [1]]);

    for (const [shard, guildId] of [first, second].entries()) {
      const interaction = fake.dispatchInteraction(chatInput('about'), { guildId });
      expect((await fake.waitForCallback(interaction.id)).type).toBe(
        InteractionResponseType.ChannelMessageWithSource,
      );
      const answered = await manager.waitForLog((line) => line.interactionId === interaction.id);
      expect(answered.shard).toBe(shard);
    }

    const shardPids = readyLines.map((line) => line.pid as number);
    const { code, ms } = await terminate(manager);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(shardPids.filter(alive)).toEqual([]);
  });

  it('with DISCORD_SHARD_IDS=1-2 of DISCORD_SHARD_COUNT=4 one process identifies exactly those shards; another takes 0 and 3', async () => {
    // One guild per shard of four: Discord routes a guild's events to shard (id >> 22) % 4.
    const guilds = [0, 1, 2, 3].map((k) => (1_100_000_000_000_000_001n + (BigInt(k) << 22n)).toString());
    const byShard = [0, 1, 2, 3].map((shard) => guilds.find((guild) => shardOfGuild(guild, 4) === shard));
    if (byShard.some((guild) => guild === undefined))
      throw new Error('test guilds must cover all four shards');
    const fake = await fakeDiscord({ shardCount: 4, guilds });

    const middle = bot(fake.apiUrl, { DISCORD_SHARD_IDS: '1-2', DISCORD_SHARD_COUNT: '4' });
    const ready = await middle.waitForLog(isReady, 15_000);
    expect(ready).toMatchObject({ shards: [1, 2], shardCount: 4 });
    expect(fake.sessions.map((session) => session.shard).sort()).toEqual([
      [1, 4],
      [2, 4],
    ]);
    // No ShardingManager: the one process holds both connections.
    expect(middle.logs.some((line) => line.msg === 'shard process spawned')).toBe(false);

    const ends = bot(fake.apiUrl, { DISCORD_SHARD_IDS: '0,3', DISCORD_SHARD_COUNT: '4' });
    expect(await ends.waitForLog(isReady, 15_000)).toMatchObject({ shards: [0, 3], shardCount: 4 });
    expect(fake.sessions.map((session) => session.shard[0]).sort()).toEqual([0, 1, 2, 3]);

    for (const [shard, guildId] of byShard.entries()) {
      const interaction = fake.dispatchInteraction(chatInput('about'), { guildId });
      expect((await fake.waitForCallback(interaction.id)).type).toBe(
        InteractionResponseType.ChannelMessageWithSource,
      );
      const owner = shard === 1 || shard === 2 ? middle : ends;
      const answered = await owner.waitForLog((line) => line.interactionId === interaction.id);
      expect(answered.shard).toBe(shard);
    }
    for (const running of [middle, ends]) expect((await terminate(running)).code).toBe(0);
  });

  it('with DISCORD_SHARDS=auto takes the count GET /gateway/bot recommends, through DISCORD_API_URL', async () => {
    const fake = await fakeDiscord({ shardCount: 2 });
    const manager = bot(fake.apiUrl, { DISCORD_SHARDS: 'auto' });
    await manager.waitForLog((line) => line.msg === 'all shards spawned', 20_000);
    expect(fake.requests.some((request) => request.path === '/gateway/bot')).toBe(true);
    expect(fake.sessions.map((session) => session.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Ctrl-C reaches the manager the same way as SIGTERM does.
    expect((await terminate(manager, 'SIGINT')).code).toBe(0);
  });
});
