import { setTimeout as sleep } from 'node:timers/promises';
import {
  type APIInteraction,
  Client,
  type ClientOptions,
  Events,
  GatewayDispatchEvents,
  Options,
  Status,
} from 'discord.js';
import type { Logger } from '../../logger.ts';
import { interactionRest } from '../rest.ts';
import { createAnswerer, type InteractionHandler } from './answer.ts';

export interface GatewayOptions {
  token: string;
  /** REST base for a proxy or the tests' fake Discord (discord.js `rest.api`). */
  apiUrl?: string;
  logger: Logger;
  handler: InteractionHandler;
  /** See `AnswerOptions.deferAfterMs`. */
  deferAfterMs?: number;
  /** Tests only: skip the identify spacing (5 s per bucket) so re-identify faults run in milliseconds. */
  unthrottledIdentify?: boolean;
  /**
   * Which shards this process runs, of how many in all (discord.js's `shards` and `shardCount`); without
   * `ids`, every one of `count`. Unset, discord.js's default: one shard, or what a ShardingManager set.
   */
  shards?: { ids?: number[]; count: number };
}

export interface ReadySummary {
  shards: number[];
  shardCount: number;
  guilds: number;
  loginToReadyMs: number;
}

export interface Gateway {
  client: Client;
  /** Logs in; resolves once every shard of this process is ready. */
  start(): Promise<ReadySummary>;
  /** Closes the gateway connections; bounded in time, safe to call at any point and more than once. */
  stop(): Promise<void>;
}

/** Leaves the deferral a second of Discord's 3 s, room for a retry or two (see `callbackWindow`). */
const defaultDeferAfterMs = 1500;
/** Each wait in `stop()` is capped so that shutdown as a whole stays well inside 5 s. */
const stopStepCapMs = 1500;

/**
 * Slash commands, autocomplete and buttons arrive as INTERACTION_CREATE whatever the intents, so the
 * client asks for none: no guild, member or message events to receive, parse or cache. The bot reads
 * nothing from discord.js's caches, so every cache that can be limited holds nothing (guilds, channels
 * and roles cannot be limited; without the Guilds intent they hold only READY's guild stubs).
 */
function clientOptions(
  options: Pick<GatewayOptions, 'apiUrl' | 'unthrottledIdentify' | 'shards'>,
): ClientOptions {
  return {
    intents: [],
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMemberManager: 0,
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      UserManager: 0,
      VoiceStateManager: 0,
    }),
    allowedMentions: { parse: [] },
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
    ...(options.unthrottledIdentify
      ? { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } }
      : {}),
    ...(options.shards ? { shardCount: options.shards.count } : {}),
    ...(options.shards?.ids ? { shards: options.shards.ids } : {}),
  };
}

function logShardEvents(client: Client, logger: Logger, stopping: () => boolean): void {
  client.on(Events.ShardReady, (shard) => logger.debug({ shard }, 'shard ready'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'shard resumed'));
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping()) logger.info({ shard }, 'shard reconnecting');
  });
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error({ shard, code: event.code }, 'shard disconnected and will not reconnect'),
  );
  client.on(Events.ShardError, (err, shard) => logger.warn({ shard, err }, 'shard connection error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord.js error'));
  if (logger.isLevelEnabled('trace')) client.on(Events.Debug, (message) => logger.trace(message));
}

/**
 * discord.js turns every INTERACTION_CREATE into its own Interaction object (caching its channel and
 * user) right after the raw listener has run. The bot never reads those objects, and building one throws
 * on a payload without `data`, inside discord.js's gateway listener where nothing can catch it: an
 * unhandled rejection for each such interaction. So this client skips that step. `client.actions` is
 * internal to discord.js; should an upgrade drop it, the bot still answers, and says so at start-up.
 */
function skipInteractionObjects(client: Client, logger: Logger): void {
  const { actions } = client as unknown as {
    actions?: { InteractionCreate?: { handle(data: unknown): unknown } };
  };
  const action = actions?.InteractionCreate;
  if (action) action.handle = () => ({});
  else
    logger.warn(
      'discord.js has no InteractionCreate action to skip; interactions without data will log errors',
    );
}

function allShardsReady(client: Client): boolean {
  return client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
}

/** Unlike `events.once`, does not reject when the client emits `error` (those are logged, not fatal). */
function next(client: Client, event: Events.ClientReady | Events.ShardResume): Promise<void> {
  return new Promise((resolve) => client.once(event, () => resolve()));
}

/**
 * A gateway client for the given handler. Interactions are taken from the raw INTERACTION_CREATE
 * dispatch: the core speaks Discord's wire format, so its response is POSTed as the callback through
 * a discord.js REST client (`interactionRest`) with no conversion either way.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { logger } = options;
  const client = new Client(clientOptions(options));

  const answer = createAnswerer({
    rest: interactionRest(options.apiUrl, logger),
    handler: options.handler,
    logger,
    deferAfterMs: options.deferAfterMs ?? defaultDeferAfterMs,
  });
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction, shardId: number) => {
    void answer(interaction, shardId);
  });
  skipInteractionObjects(client, logger);

  let stopping: Promise<void> | undefined;
  logShardEvents(client, logger, () => stopping !== undefined);
  const stop = () => {
    stopping ??= (async () => {
      // Destroying while a shard is still identifying can hang, so let it settle first (bounded).
      if (!allShardsReady(client)) {
        await Promise.race([
          next(client, Events.ClientReady),
          next(client, Events.ShardResume),
          sleep(stopStepCapMs, undefined, { ref: false }),
        ]);
      }
      await Promise.race([client.destroy(), sleep(stopStepCapMs, undefined, { ref: false })]);
    })();
    return stopping;
  };

  const start = async (): Promise<ReadySummary> => {
    const started = performance.now();
    const ready = next(client, Events.ClientReady);
    await client.login(options.token);
    await ready;
    return {
      shards: [...client.ws.shards.keys()],
      shardCount: client.options.shardCount ?? client.ws.shards.size,
      guilds: client.guilds.cache.size,
      loginToReadyMs: Math.round(performance.now() - started),
    };
  };

  return { client, start, stop };
}
