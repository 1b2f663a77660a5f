/**
 * A fake Discord (REST + Gateway, API v10, JSON, no compression) on 127.0.0.1, for running the real
 * discord.js 14 client end to end. Zero dependencies beyond `ws`.
 *
 *   const fake = await startFakeDiscord({ guilds: ['…'], shardCount: 2 });
 *   new Client({ intents: ['Guilds'], rest: { api: fake.apiUrl }, ws: { buildIdentifyThrottler: instantIdentify } })
 *
 * `startFakeDiscord(options?)` — options: `shardCount` (what `GET /gateway/bot` recommends, default 1),
 * `guilds` (guild ids, default one), `applicationId`, `botUserId` (defaults equal, as for modern apps),
 * `heartbeatIntervalMs` (HELLO's interval, default 1000 so zombie detection takes seconds),
 * `maxConcurrency` (`session_start_limit.max_concurrency`, default 16).
 *
 * The returned `FakeDiscord`:
 * - `apiUrl` (`http://127.0.0.1:PORT/api`, for discord.js `rest.api`), `gatewayUrl` (`ws://127.0.0.1:PORT`),
 *   `port`, `applicationId`, `botUserId`, `guilds`, `channelOf(guildId)`, `tester` (the user who interacts).
 * - `requests`: every REST call `{ method, path, rawPath, query, headers, body, at, status, dropped? }`; `path`
 *   has `/api/v10` removed and `%40original` decoded; `headers` omit `authorization`; a dropped connection
 *   has status 0.
 * - `frames`: every gateway frame, both directions `{ direction, shard, sessionId, op, t, s, d, at }`.
 * - `disconnects`: every closed gateway socket `{ shard, sessionId, code, by: 'client' | 'server', at }`.
 * - `sessions`: one entry per IDENTIFY `{ sessionId, shard, intents, identifiedAt, resumedAt[], seq,
 *   connected, invalidated }`. READY lists the guilds the shard owns (`(id >> 22) % count`); GUILD_CREATE
 *   follows for each when the Guilds intent is set. A new IDENTIFY for a shard ends its older sessions and
 *   takes over whatever they buffered but never wrote to a socket (a bot restarted mid-outage loses nothing).
 * - `readyCount()`: READYs plus RESUMEDs sent; `waitForReady(count = 1)` waits until it reaches `count`.
 * - `dispatchInteraction(partial, { guildId?, shard?, dm? })`: builds a complete INTERACTION_CREATE
 *   (see `chatInput`, `autocomplete`, `buttonPress`), sends it to the owning shard and returns it. Without a
 *   live socket it is buffered and replayed on RESUME, or delivered after the shard's next READY.
 * - `dispatchEvent(t, d, target)`: any other dispatch.
 * - `waitForCallback(interactionId)`: the `{ type, data }` POSTed to the interaction's callback.
 * - `waitForRequest(predicate)`, `waitUntil(check, what)`: wait on recorded state (default 5 s timeouts).
 * - `faults`: `close(code, shard = 0)`, `drop(shard)`, `reconnect(shard)` (op 7), `invalidSession(resumable,
 *   shard)` (op 9), `stopHeartbeatAcks(shard)` (until that socket is replaced), `restStatus(429 | 500, count,
 *   { retryAfterSec = 0.05, pathPrefix = '/' })` for the next `count` matching REST calls, and
 *   `restDrop(count, { pathPrefix = '/', processed = false })`, which cuts the connection of the next
 *   `count` matching calls instead of answering: before the call takes effect, or with `processed` after
 *   (a callback then counts as acknowledged, and the client never hears so). A prefix such as
 *   `/interactions/<id>/` picks one interaction's callback. Faults apply in the order injected, so
 *   several for one prefix make a sequence (a 500, then a drop, then the real answer).
 * - `messages`: messages created through interaction callbacks and webhooks, by id.
 * - `commands`: the last bulk-overwritten commands, by `'global'` or guild id.
 * - `close()`.
 * Also exported: `instantIdentify` (for discord.js `ws.buildIdentifyThrottler`), `shardOfGuild`, and the
 * interaction builders `chatInput(name, options)`, `autocomplete(name, focused, typed, others)`,
 * `buttonPress(customId, message)`.
 *
 * REST: `GET /gateway/bot`, `/gateway`, `/users/@me`, `/applications/@me`; `GET|PUT|POST
 * /applications/:app[/guilds/:guild]/commands`, `DELETE …/commands/:id`; `POST
 * /interactions/:id/:token/callback` (204, or 200 with `?with_response=true`; 404 code 10062 for an unknown
 * interaction, 400 code 40060 when already acknowledged); `GET|PATCH|DELETE|POST /webhooks/:app/:token`,
 * `GET|PATCH|DELETE /webhooks/:app/:token/messages/(@original|:id)`. Message bodies are checked against
 * Discord's limits (400, code 50035 / 50006). Anything else: 404 with a Discord-style error.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type APIInteraction, type APIMessage, type APIUser, GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import {
  Gateway,
  type GatewaySession,
  type RecordedDisconnect,
  type RecordedFrame,
  type Target,
} from './gateway.ts';
import { restHandler } from './http.ts';
import { buildInteraction, type InteractionPartial } from './interactions.ts';
import { user, type World } from './payloads.ts';
import { type RecordedRequest, type RestState, registerInteraction, route } from './rest.ts';
import { shardOfGuild } from './snowflake.ts';
import { Waiter } from './waiter.ts';

export {
  autocomplete,
  buttonPress,
  chatInput,
  type InteractionPartial,
  messageCommand,
} from './interactions.ts';
export type { GatewaySession, RecordedDisconnect, RecordedFrame, RecordedRequest };
export { shardOfGuild };

/** What the bot POSTed to an interaction's callback: a message, autocomplete choices, or nothing (defers). */
export interface CallbackBody {
  type: number;
  // biome-ignore lint/suspicious/noExplicitAny: the agreed contract; e2e tests dig into bodies of any callback type.
  data?: any;
}

export interface FakeDiscordOptions {
  shardCount?: number;
  guilds?: string[];
  applicationId?: string;
  botUserId?: string;
  heartbeatIntervalMs?: number;
  maxConcurrency?: number;
}

export interface DispatchOptions {
  guildId?: string;
  shard?: number;
  /** Sends the interaction from a DM with the tester instead of a guild. */
  dm?: boolean;
}

export interface FakeDiscord {
  apiUrl: string;
  gatewayUrl: string;
  port: number;
  applicationId: string;
  botUserId: string;
  guilds: string[];
  tester: APIUser;
  channelOf(guildId: string): string;
  requests: RecordedRequest[];
  frames: RecordedFrame[];
  disconnects: RecordedDisconnect[];
  sessions: GatewaySession[];
  messages: Map<string, APIMessage>;
  commands: Map<string, unknown[]>;
  readyCount(): number;
  waitForReady(count?: number, timeoutMs?: number): Promise<void>;
  dispatchInteraction(partial: InteractionPartial, opts?: DispatchOptions): APIInteraction;
  /**
   * Delivers an interaction as Discord does to an HTTP endpoint: `post` sends it (signed) to the
   * bot, and the JSON the bot answers is taken as the interaction's callback, so the bot's later
   * webhook edits find the interaction and its original message, as on Discord.
   */
  deliverOverHttp(
    partial: InteractionPartial,
    post: (payload: APIInteraction) => Promise<{ status: number; text: string }>,
  ): Promise<{ payload: APIInteraction; status: number; response: unknown }>;
  dispatchEvent(t: string, d: unknown, target?: Target): void;
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<CallbackBody>;
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  waitUntil(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  faults: {
    close(code: number, shard?: number): void;
    drop(shard?: number): void;
    reconnect(shard?: number): void;
    invalidSession(resumable: boolean, shard?: number): void;
    stopHeartbeatAcks(shard?: number): void;
    restStatus(
      status: 429 | 500,
      count: number,
      opts?: { retryAfterSec?: number; pathPrefix?: string },
    ): void;
    restDrop(count: number, opts?: { pathPrefix?: string; processed?: boolean }): void;
  };
  close(): Promise<void>;
}

/**
 * For discord.js `ws.buildIdentifyThrottler`: identify at once. The default waits 5 s between identifies
 * of a shard, which would make every re-identify test slow.
 */
export const instantIdentify = () => ({ waitForIdentify: async () => {} });

const DEFAULT_TIMEOUT_MS = 5000;

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? '1300000000000000001';
  const botUserId = options.botUserId ?? applicationId;
  const guilds = options.guilds ?? ['1100000000000000001'];
  const channels = new Map(guilds.map((guildId) => [guildId, (BigInt(guildId) + 1n).toString()]));
  const world: World = {
    applicationId,
    bot: user(botUserId, 'defectors-bot', true),
    tester: user('1200000000000000001', 'tester', false),
    guilds,
    channelOf: (guildId) => channels.get(guildId) ?? (BigInt(guildId) + 1n).toString(),
    dmChannelId: '1200000000000000002',
  };

  const waiter = new Waiter();
  const requests: RecordedRequest[] = [];
  let gatewayUrl = '';
  const state: RestState = {
    world,
    gatewayUrl: () => gatewayUrl,
    recommendedShards: options.shardCount ?? 1,
    maxConcurrency: options.maxConcurrency ?? 16,
    interactions: new Map(),
    messages: new Map(),
    commands: new Map(),
    faults: [],
  };
  const gateway = new Gateway({
    world,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
    defaultShardCount: options.shardCount ?? 1,
    resumeUrl: () => gatewayUrl,
    onChange: () => waiter.notify(),
  });

  const server = createServer(restHandler(state, requests, () => waiter.notify()));
  const sockets = new WebSocketServer({ server });
  gateway.attach(sockets);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  gatewayUrl = `ws://127.0.0.1:${port}`;

  const live = (shard: number) => gateway.liveConnection(shard);

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    port,
    applicationId,
    botUserId,
    guilds,
    tester: world.tester,
    channelOf: world.channelOf,
    requests,
    frames: gateway.frames,
    disconnects: gateway.disconnects,
    sessions: gateway.sessions,
    messages: state.messages,
    commands: state.commands,
    readyCount: () => gateway.readyCount,
    waitForReady: (count = 1, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      waiter.until(() => gateway.readyCount >= count, timeoutMs, `${count} READY/RESUMED`),
    async deliverOverHttp(partial, post) {
      const payload = buildInteraction(world, partial, { guildId: partial.guild_id ?? guilds[0] ?? null });
      registerInteraction(state, payload, partial.message);
      const reply = await post(payload);
      const response: unknown = reply.status === 200 ? JSON.parse(reply.text) : undefined;
      if (response !== undefined) {
        const segments = ['interactions', payload.id, payload.token, 'callback'];
        route(state, 'POST', segments, new URLSearchParams(), response, false);
        waiter.notify();
      }
      return { payload, status: reply.status, response };
    },

    dispatchInteraction(partial, opts = {}) {
      const guildId = opts.dm ? null : (opts.guildId ?? partial.guild_id ?? guilds[0] ?? null);
      const payload = buildInteraction(world, partial, { guildId });
      registerInteraction(state, payload, partial.message);
      gateway.dispatch('INTERACTION_CREATE', payload, {
        guildId,
        ...(opts.shard === undefined ? {} : { shard: opts.shard }),
      });
      return payload;
    },
    dispatchEvent: (t, d, target = {}) => gateway.dispatch(t, d, target),
    async waitForCallback(interactionId, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const has = () => state.interactions.get(interactionId)?.callback != null;
      await waiter.until(has, timeoutMs, `the callback of interaction ${interactionId}`);
      const callback = state.interactions.get(interactionId)?.callback;
      if (!callback) throw new Error(`fake-discord: interaction ${interactionId} has no callback`);
      return callback as CallbackBody;
    },
    async waitForRequest(predicate, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await waiter.until(() => requests.some(predicate), timeoutMs, 'a matching REST request');
      const found = requests.find(predicate);
      if (!found) throw new Error('fake-discord: matching request vanished');
      return found;
    },
    waitUntil: (check, what, timeoutMs = DEFAULT_TIMEOUT_MS) => waiter.until(check, timeoutMs, what),
    faults: {
      close: (code, shard = 0) => live(shard).close(code),
      drop: (shard = 0) => live(shard).drop(),
      reconnect: (shard = 0) => live(shard).send(GatewayOpcodes.Reconnect, null),
      invalidSession(resumable, shard = 0) {
        const connection = live(shard);
        if (!resumable) connection.invalidate();
        connection.send(GatewayOpcodes.InvalidSession, resumable);
      },
      stopHeartbeatAcks: (shard = 0) => live(shard).stopAcks(),
      restStatus(status, count, opts = {}) {
        state.faults.push({
          kind: 'status',
          status,
          remaining: count,
          retryAfterSec: opts.retryAfterSec ?? 0.05,
          pathPrefix: opts.pathPrefix ?? '/',
        });
      },
      restDrop(count, opts = {}) {
        state.faults.push({
          kind: 'drop',
          processed: opts.processed ?? false,
          remaining: count,
          pathPrefix: opts.pathPrefix ?? '/',
        });
      },
    },
    async close() {
      waiter.dispose();
      gateway.terminateAll();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
