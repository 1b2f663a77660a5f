import { fileURLToPath } from 'node:url';
import { type GatewayConfig, gatewayConfig, httpConfig } from './config.ts';
import { logErrorsTo } from './interactions/errors.ts';
import { prepareAnswers } from './interactions/prepare.ts';
import { respondWithFiles } from './interactions/respond.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { createLogger, type Logger } from './logger.ts';
import { loadBotContext } from './startup/context.ts';
import { configOrExit, loadDotEnv } from './startup/env.ts';
import { exitOnSignals, exitOnStartupError, logProcessErrors } from './startup/process.ts';
import type { InteractionHandler } from './transports/gateway/answer.ts';
import { createGateway } from './transports/gateway/client.ts';
import { createShardManager } from './transports/gateway/shards.ts';
import { testHooksFromEnv, withFaultyContext, withTestHooks } from './transports/gateway/test-hooks.ts';
import { runHttpServer } from './transports/http/endpoint.ts';

/**
 * The one entry point. `npm start`: configuration -> knowledge -> the gateway (one process, or one
 * per shard under discord.js's ShardingManager when DISCORD_SHARDS is set, or the shards
 * DISCORD_SHARD_IDS names of DISCORD_SHARD_COUNT, for one machine of several), or the HTTP endpoint
 * when MODE=http (`npm run serve` sets it).
 */

/** discord.js's ShardingManager marks its children; each runs one client, like a single process. */
const isShardChild = process.env.SHARDING_MANAGER === 'true';

async function runGatewayProcess(config: GatewayConfig, logger: Logger): Promise<void> {
  const hooks = testHooksFromEnv();
  const loaded = await loadBotContext(config.DATA_DIR);
  const context = hooks ? withFaultyContext(loaded) : loaded;
  const report = logErrorsTo(logger);
  const core: InteractionHandler = (interaction) => respondWithFiles(interaction, context, report);
  const gateway = createGateway({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    logger,
    handler: hooks ? withTestHooks(core) : core,
    deferAfterMs: hooks?.deferAfterMs,
    unthrottledIdentify: hooks !== undefined,
    ...(config.DISCORD_SHARD_COUNT
      ? { shards: { ids: config.DISCORD_SHARD_IDS, count: config.DISCORD_SHARD_COUNT } }
      : {}),
  });
  exitOnSignals(logger, gateway.stop, isShardChild);
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
  // Built now rather than before connecting, which they would delay by a few hundred milliseconds.
  setImmediate(() => logger.info(prepareAnswers(context), 'prepared'));
}

async function main(): Promise<void> {
  loadDotEnv();

  if (process.env.MODE === 'http') {
    const config = configOrExit(() => httpConfig());
    const logger = createLogger(config.LOG_LEVEL);
    logProcessErrors(logger);
    try {
      await runHttpServer(await loadBotContext(config.DATA_DIR), config, logger);
    } catch (err) {
      exitOnStartupError(logger, err);
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
      exitOnSignals(logger, manager.stop, isShardChild);
      logger.info({ shardCount: await manager.start() }, 'all shards spawned');
    } else {
      await runGatewayProcess(config, logger);
    }
  } catch (err) {
    exitOnStartupError(logger, err);
  }
}

await main();
