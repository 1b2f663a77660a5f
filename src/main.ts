import { fileURLToPath } from 'node:url';
import { type GatewayConfig, gatewayConfig, httpConfig } from './config.ts';
import { loadBotContext } from './interactions/context.ts';
import { respond } from './interactions/respond.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { exitOnDataError } from './knowledge/problems.ts';
import { createLogger, type Logger } from './logger.ts';
import { createGateway } from './transports/gateway.ts';
import type { InteractionHandler } from './transports/gateway-answer.ts';
import { configOrExit, loadDotEnv } from './transports/gateway-env.ts';
import { testHooksFromEnv, withTestHooks } from './transports/gateway-test-hooks.ts';
import { createShardManager } from './transports/shards.ts';

/**
 * `npm start`: configuration -> knowledge -> the gateway (one process, or one per shard under
 * discord.js's ShardingManager when DISCORD_SHARDS is set), or the HTTP endpoint when MODE=http.
 */

/** discord.js's ShardingManager marks its children; each runs one client, like a single process. */
const isShardChild = process.env.SHARDING_MANAGER === 'true';

/** Hard stop: whatever hangs, the process is gone within 5 s of the signal. */
const shutdownDeadlineMs = 4500;

/** A stray rejection is logged and survived; a synchronous throw nobody caught is logged, then fatal. */
function logProcessErrors(logger: Logger): void {
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
}

function exitOnSignals(logger: Logger, stop: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals | 'disconnect') => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn({ deadlineMs: shutdownDeadlineMs }, 'shutdown deadline reached; exiting anyway');
      process.exit(0);
    }, shutdownDeadlineMs).unref();
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(0);
      },
    );
  };
  // `once`: a second Ctrl-C falls through to Node's default and ends the process at once.
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  // A shard process whose manager died would otherwise live on, unmanaged.
  if (isShardChild) process.once('disconnect', () => onSignal('disconnect'));
}

async function runGatewayProcess(config: GatewayConfig, logger: Logger): Promise<void> {
  const hooks = testHooksFromEnv();
  const context = await loadBotContext(config.DATA_DIR);
  const core: InteractionHandler = (interaction) => respond(interaction, context);
  const gateway = createGateway({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    logger,
    handler: hooks ? withTestHooks(core) : core,
    deferAfterMs: hooks?.deferAfterMs,
    unthrottledIdentify: hooks !== undefined,
  });
  exitOnSignals(logger, gateway.stop);
  if (hooks) logger.warn('BOT_TEST_HOOKS=1: test commands on, identify throttle off (tests only)');

  const ready = await gateway.start();
  const { knowledge } = context;
  logger.info(
    {
      ...ready,
      version: context.version,
      data: {
        people: knowledge.people.length,
        motives: knowledge.motives.length,
        responses: knowledge.responses.length,
        events: knowledge.events.length,
        sources: knowledge.sources.length,
      },
    },
    'ready',
  );
}

async function main(): Promise<void> {
  loadDotEnv();

  if (process.env.MODE === 'http') {
    const config = configOrExit(() => httpConfig());
    const logger = createLogger(config.LOG_LEVEL);
    logProcessErrors(logger);
    const { runHttpServer } = await import('./transports/http.ts');
    try {
      await runHttpServer(config, logger);
    } catch (err) {
      exitOnDataError(err);
      logger.fatal({ err }, 'start-up failed');
      process.exit(1);
    }
    return;
  }

  const config = configOrExit(() => gatewayConfig());
  const logger = createLogger(config.LOG_LEVEL);
  logProcessErrors(logger);
  try {
    if (config.DISCORD_SHARDS && !isShardChild) {
      // Checked here too, so bad data stops start-up once with the report, before any shard is spawned
      // (each shard would print it and die, and the manager would respawn them).
      await loadKnowledge(config.DATA_DIR);
      const manager = createShardManager({
        file: fileURLToPath(import.meta.url),
        token: config.DISCORD_TOKEN,
        apiUrl: config.DISCORD_API_URL,
        shards: config.DISCORD_SHARDS,
        logger,
        spawnWithoutDelay: testHooksFromEnv() !== undefined,
      });
      exitOnSignals(logger, manager.stop);
      logger.info({ shardCount: await manager.start() }, 'all shards spawned');
    } else {
      await runGatewayProcess(config, logger);
    }
  } catch (err) {
    exitOnDataError(err);
    logger.fatal({ err }, 'start-up failed');
    process.exit(1);
  }
}

await main();
