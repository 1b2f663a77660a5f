import type { REST } from 'discord.js';
import { type APIInteraction, Routes } from 'discord-api-types/v10';
import type { BotContext } from '../../commands/context.ts';
import type { HttpConfig } from '../../config.ts';
import { describeInteraction, logErrorsTo } from '../../interactions/errors.ts';
import { prepareAnswers } from '../../interactions/prepare.ts';
import { type Outgoing, respondWithFiles } from '../../interactions/respond.ts';
import type { Logger } from '../../logger.ts';
import { deferralFor } from '../deferral.ts';
import { deliver, failureFields, webhookWindow } from '../deliver.ts';
import { interactionRest, uploads } from '../rest.ts';
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

/**
 * The endpoint wired to the core; replicas built from the same data answer identically. Discord
 * takes no files in the HTTP response to an interaction, so a reply with pictures is answered with
 * a deferral, and the message, pictures and all, follows as an edit of the original response
 * through the interaction's webhook (which its token authorises for 15 minutes; `rest` needs no bot
 * token).
 */
export function createBotHttpServer(
  context: BotContext,
  publicKey: string,
  logger: Logger,
  rest: REST,
  maxConnections?: number,
): InteractionsServer {
  const report = logErrorsTo(logger);

  /** Sends the message after the deferral, retrying 5xx answers and cut connections for up to 15 minutes. */
  async function edit(interaction: APIInteraction, out: Outgoing, since: number): Promise<void> {
    const data = 'data' in out.response ? out.response.data : undefined;
    const route = Routes.webhookMessage(interaction.application_id, interaction.token, '@original');
    const fields = describeInteraction(interaction);
    try {
      await deliver(
        (signal) => rest.patch(route, { body: data, files: uploads(out.files), auth: false, signal }),
        {
          window: webhookWindow,
          since,
          onRetry: (retry) =>
            logger.debug({ ...fields, step: 'edit', ...retry }, 'interaction callback retry'),
        },
      );
    } catch (err) {
      logger.error({ ...fields, ...failureFields(err, interaction.token) }, 'interaction edit failed');
    }
  }

  return createInteractionsServer({
    publicKey,
    handle: (interaction) => {
      const since = performance.now();
      const out = respondWithFiles(interaction, context, report);
      const deferral = out.files.length > 0 ? deferralFor(interaction) : undefined;
      if (!deferral) return out.response;
      return { response: deferral, afterSent: () => void edit(interaction, out, since) };
    },
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
  // No gateway to connect to first: prepare before taking requests.
  const prepared = prepareAnswers(context);
  const app = createBotHttpServer(
    context,
    config.DISCORD_PUBLIC_KEY,
    logger,
    interactionRest(config.DISCORD_API_URL, logger),
    config.HTTP_MAX_CONNECTIONS,
  );
  const address = await app.listen(config.PORT, config.HOST);
  logger.info(
    {
      address: address.address,
      port: address.port,
      maxConnections: config.HTTP_MAX_CONNECTIONS,
      ...prepared,
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
