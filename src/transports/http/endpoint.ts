import type { BotContext } from '../../commands/context.ts';
import type { HttpConfig } from '../../config.ts';
import { logErrorsTo } from '../../interactions/errors.ts';
import { respond } from '../../interactions/respond.ts';
import type { Logger } from '../../logger.ts';
import { createInteractionsServer, type InteractionsServer } from './server.ts';

/** Long enough for any interaction (Discord itself gives up after 3 s), short enough for orchestrators. */
const DRAIN_GRACE_MS = 5000;

/** What orchestrators poll: enough to see which version is up and that its data loaded. */
export function healthReport(context: BotContext) {
  const { knowledge } = context;
  return {
    status: 'ok',
    version: context.version,
    counts: {
      people: knowledge.people.length,
      motives: knowledge.motives.length,
      responses: knowledge.responses.length,
      events: knowledge.events.length,
      sources: knowledge.sources.length,
    },
  } as const;
}

/** The endpoint wired to the core; replicas built from the same data answer identically. */
export function createBotHttpServer(
  context: BotContext,
  publicKey: string,
  logger: Logger,
  maxConnections?: number,
): InteractionsServer {
  const report = logErrorsTo(logger);
  return createInteractionsServer({
    publicKey,
    handle: (interaction) => respond(interaction, context, report),
    health: () => healthReport(context),
    logger,
    maxConnections,
  });
}

/**
 * Listens, and drains on SIGTERM or SIGINT before exiting 0.
 * `HOST` defaults to every interface, as a replica behind a load balancer needs.
 */
export async function runHttpServer(
  context: BotContext,
  config: HttpConfig,
  logger: Logger,
): Promise<InteractionsServer> {
  const app = createBotHttpServer(context, config.DISCORD_PUBLIC_KEY, logger, config.HTTP_MAX_CONNECTIONS);
  const address = await app.listen(config.PORT, config.HOST);
  logger.info(
    {
      address: address.address,
      port: address.port,
      maxConnections: config.HTTP_MAX_CONNECTIONS,
      ...healthReport(context),
    },
    'listening',
  );

  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'draining');
    void app.drain(DRAIN_GRACE_MS).then((clean) => {
      if (clean) logger.info('drained');
      else logger.warn({ graceMs: DRAIN_GRACE_MS }, 'drain timed out; cut remaining connections');
      process.exit(0);
    });
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
  return app;
}
