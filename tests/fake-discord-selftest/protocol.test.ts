import { once } from 'node:events';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { chatInput, type FakeDiscord, startFakeDiscord } from '../fake-discord/index.ts';

/** The gateway protocol seen from a bare socket, for the edges discord.js never exercises. */

interface Frame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

let fake: FakeDiscord | null = null;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await fake?.close();
  fake = null;
});

/** A raw gateway socket that queues what it receives, so a test can take frames in order. */
async function connect(url: string) {
  const socket = new WebSocket(`${url}?v=10&encoding=json`);
  sockets.push(socket);
  const inbox: Frame[] = [];
  let wake: (() => void) | null = null;
  let closeCode: number | null = null;
  socket.on('message', (data) => {
    inbox.push(JSON.parse(data.toString()) as Frame);
    wake?.();
  });
  socket.on('close', (code) => {
    closeCode = code;
    wake?.();
  });
  await once(socket, 'open');
  const next = async (): Promise<Frame> => {
    while (inbox.length === 0) {
      if (closeCode !== null) throw new Error(`closed with ${closeCode}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    return inbox.shift() as Frame;
  };
  const closed = async (): Promise<number> => {
    while (closeCode === null) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    return closeCode;
  };
  const send = (op: number, d: unknown) => socket.send(JSON.stringify({ op, d }));
  return { socket, next, closed, send };
}

const identify = (shard: [number, number] = [0, 1]) => ({
  token: 't',
  intents: GatewayIntentBits.Guilds,
  properties: {},
  shard,
});

describe('gateway protocol', () => {
  it('says HELLO, acks heartbeats, and sends READY then GUILD_CREATE with sequence numbers', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 45_000 });
    const gw = await connect(fake.gatewayUrl);
    expect(await gw.next()).toEqual({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: 45_000 },
      s: null,
      t: null,
    });
    gw.send(GatewayOpcodes.Heartbeat, null);
    expect((await gw.next()).op).toBe(GatewayOpcodes.HeartbeatAck);
    gw.send(GatewayOpcodes.Identify, identify());
    const ready = await gw.next();
    expect(ready).toMatchObject({ op: GatewayOpcodes.Dispatch, t: 'READY', s: 1 });
    expect(ready.d).toMatchObject({
      user: { id: fake.botUserId, bot: true },
      guilds: [{ id: fake.guilds[0], unavailable: true }],
      application: { id: fake.applicationId, flags: 0 },
      resume_gateway_url: fake.gatewayUrl,
      shard: [0, 1],
    });
    expect(await gw.next()).toMatchObject({
      op: GatewayOpcodes.Dispatch,
      t: 'GUILD_CREATE',
      s: 2,
      d: { id: fake.guilds[0] },
    });
  });

  it('holds an interaction dispatched before anyone connects until the shard is READY', async () => {
    fake = await startFakeDiscord();
    const early = fake.dispatchInteraction(chatInput('about'));
    const gw = await connect(fake.gatewayUrl);
    await gw.next();
    gw.send(GatewayOpcodes.Identify, identify());
    const types = [(await gw.next()).t, (await gw.next()).t];
    const third = await gw.next();
    expect(types).toEqual(['READY', 'GUILD_CREATE']);
    expect(third).toMatchObject({ t: 'INTERACTION_CREATE', s: 3, d: { id: early.id } });
  });

  it('hands what a dead session never delivered to the next session of that shard', async () => {
    fake = await startFakeDiscord();
    const first = await connect(fake.gatewayUrl);
    await first.next();
    first.send(GatewayOpcodes.Identify, identify());
    await first.next();
    await first.next();
    first.socket.terminate();
    await fake.waitUntil(() => fake?.sessions[0]?.connected === false, 'the first socket to go');
    const lost = fake.dispatchInteraction(chatInput('about'));

    const second = await connect(fake.gatewayUrl);
    await second.next();
    second.send(GatewayOpcodes.Identify, identify());
    expect((await second.next()).t).toBe('READY');
    expect((await second.next()).t).toBe('GUILD_CREATE');
    expect(await second.next()).toMatchObject({ t: 'INTERACTION_CREATE', d: { id: lost.id } });
    expect(fake.sessions[0]?.invalidated).toBe(true);
  });

  it('replays from the client’s sequence on RESUME, and refuses an unknown session with op 9', async () => {
    fake = await startFakeDiscord();
    const first = await connect(fake.gatewayUrl);
    await first.next();
    first.send(GatewayOpcodes.Identify, identify());
    const ready = await first.next();
    await first.next();
    const sessionId = (ready.d as { session_id: string }).session_id;
    const seen = fake.dispatchInteraction(chatInput('about'));
    expect((await first.next()).s).toBe(3);
    first.socket.terminate();
    await fake.waitUntil(() => fake?.sessions[0]?.connected === false, 'the socket to go');
    const missed = fake.dispatchInteraction(chatInput('about'));

    const second = await connect(fake.gatewayUrl);
    await second.next();
    second.send(GatewayOpcodes.Resume, { token: 't', session_id: sessionId, seq: 2 });
    expect(await second.next()).toMatchObject({ t: 'INTERACTION_CREATE', s: 3, d: { id: seen.id } });
    expect(await second.next()).toMatchObject({ t: 'INTERACTION_CREATE', s: 4, d: { id: missed.id } });
    expect(await second.next()).toMatchObject({ t: 'RESUMED', s: 5 });

    const third = await connect(fake.gatewayUrl);
    await third.next();
    third.send(GatewayOpcodes.Resume, { token: 't', session_id: 'nope', seq: 1 });
    expect(await third.next()).toEqual({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
  });

  it('closes with Discord’s codes for bad input', async () => {
    fake = await startFakeDiscord();
    const cases: [(gw: Awaited<ReturnType<typeof connect>>) => void, number][] = [
      [(gw) => gw.socket.send('not json'), GatewayCloseCodes.DecodeError],
      [(gw) => gw.send(99, null), GatewayCloseCodes.UnknownOpcode],
      [
        (gw) => gw.send(GatewayOpcodes.PresenceUpdate, { status: 'online' }),
        GatewayCloseCodes.NotAuthenticated,
      ],
      [
        (gw) => gw.send(GatewayOpcodes.Identify, { ...identify(), token: '' }),
        GatewayCloseCodes.AuthenticationFailed,
      ],
      [(gw) => gw.send(GatewayOpcodes.Identify, identify([2, 2])), GatewayCloseCodes.InvalidShard],
    ];
    for (const [act, code] of cases) {
      const gw = await connect(fake.gatewayUrl);
      await gw.next();
      act(gw);
      expect(await gw.closed()).toBe(code);
    }
    const twice = await connect(fake.gatewayUrl);
    await twice.next();
    twice.send(GatewayOpcodes.Identify, identify());
    twice.send(GatewayOpcodes.Identify, identify());
    expect(await twice.closed()).toBe(GatewayCloseCodes.AlreadyAuthenticated);
  });
});
