import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import { ed25519PublicKey } from '../../ed25519.ts';
import { describeInteraction, errorResponse, logErrorsTo } from '../../interactions/errors.ts';
import type { Logger } from '../../logger.ts';
import { declaredTooLarge, readBody } from './body.ts';
import { checkSignatureHeaders, verifySignature } from './signature.ts';

/**
 * The interactions endpoint as a plain node:http server. It knows nothing of the bot: the
 * handler and the health report are passed in, so every refusal can be tested with a trivial
 * handler, and a refusal can never reach the core.
 */

export interface InteractionsServerOptions {
  /** Hex Ed25519 public key from the Developer Portal. */
  readonly publicKey: string;
  /**
   * The answer to an interaction: the response, or the response with work to do once it is sent
   * (an edit that must wait until Discord has the acknowledgement).
   */
  readonly handle: (interaction: APIInteraction) => APIInteractionResponse | HttpAnswer;
  readonly health: () => object;
  readonly logger: Logger;
  /**
   * Open connections this replica keeps, idle keep-alive ones included (node's `server.maxConnections`).
   * A connection beyond it is closed as soon as it is accepted, before any request on it is read, so a
   * balancer can send it elsewhere; unset, there is no cap.
   */
  readonly maxConnections?: number;
}

export interface HttpAnswer {
  response: APIInteractionResponse;
  afterSent: () => void;
}

export interface InteractionsServer {
  readonly server: Server;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Stops accepting connections and lets in-flight requests finish; after `graceMs` the
   * remaining connections are cut. Resolves `true` when everything finished in time.
   */
  drain(graceMs: number): Promise<boolean>;
}

/** Thrown for any request the endpoint will not serve; the status is what the client gets. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const { handle, health, logger } = options;
  const key = ed25519PublicKey(options.publicKey);
  let draining: Promise<boolean> | undefined;

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      // Keep-alive connections would otherwise hold the drain open until they time out.
      ...(draining ? { connection: 'close' } : {}),
      ...headers,
    });
    res.end(text);
  }

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    if (req.method !== 'POST') throw new Refusal(405, 'method not allowed', { allow: 'POST' });
    if (declaredTooLarge(req)) throw new Refusal(413, 'body too large');
    // Presence, shape and clock skew are refused before a byte of the body is read.
    const headers = checkSignatureHeaders(
      req.headers['x-signature-ed25519'],
      req.headers['x-signature-timestamp'],
      Date.now(),
    );
    if (!headers.ok) throw new Refusal(401, headers.reason);

    const read = await readBody(req);
    if (!read.ok) {
      if (read.reason === 'too large') throw new Refusal(413, 'body too large');
      logger.debug({ path: req.url }, 'client left mid-body');
      return;
    }
    if (!verifySignature(key, headers.signed, read.body)) throw new Refusal(401, 'bad signature');

    const interaction = parseInteraction(read.body);
    if (!interaction) throw new Refusal(400, 'malformed interaction');
    if (interaction.type === InteractionType.Ping) {
      send(res, 200, { type: InteractionResponseType.Pong });
      return;
    }

    let response: APIInteractionResponse;
    let afterSent: (() => void) | undefined;
    try {
      const answer = handle(interaction);
      if ('afterSent' in answer) ({ response, afterSent } = answer);
      else response = answer;
    } catch (err) {
      // As on the gateway: the user gets a private "something went wrong", the log gets the rest.
      logErrorsTo(logger)(err, describeInteraction(interaction));
      response = errorResponse(interaction);
    }
    send(res, 200, response);
    afterSent?.();
    // The same fields as the gateway transport's line, so one query reads both; built only when logged.
    if (logger.isLevelEnabled('debug')) {
      logger.debug(
        {
          ...describeInteraction(interaction),
          responseType: response.type,
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
        'interaction answered',
      );
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === '/interactions') return interactions(req, res);
    if (path !== '/healthz') throw new Refusal(404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new Refusal(405, 'method not allowed', { allow: 'GET, HEAD' });
    }
    send(res, 200, health());
  }

  const server = createServer(
    {
      // Discord wants an answer within 3 s; a client dribbling its request for longer is not Discord.
      headersTimeout: 5_000,
      requestTimeout: 10_000,
      // Node enforces the two timeouts above only when it sweeps its connections, every 30 s by
      // default: a slowloris socket lived up to 30 s whatever they said. Sweeping every second keeps
      // them within a second of their value.
      connectionsCheckingInterval: 1_000,
      // Longer than the usual load balancer idle timeout (60 s), so the balancer closes first and
      // never sends a request down a connection this side is closing.
      keepAliveTimeout: 65_000,
    },
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        if (error instanceof Refusal) {
          logger.info(
            { status: error.status, reason: error.message, method: req.method, path: req.url },
            'refused',
          );
          // Closing spares reading (and discarding) a body that will never be used.
          send(res, error.status, { error: error.message }, { ...error.headers, connection: 'close' });
          return;
        }
        logger.error({ err: error, method: req.method, path: req.url }, 'request failed');
        if (res.headersSent) res.destroy();
        else send(res, 500, { error: 'internal error' }, { connection: 'close' });
      });
    },
  );

  if (options.maxConnections !== undefined) refuseBeyond(server, options.maxConnections, logger);

  return {
    server,
    async listen(port, host) {
      server.listen(port, host);
      await once(server, 'listening');
      return server.address() as AddressInfo;
    },
    drain(graceMs) {
      draining ??= new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve(false);
        }, graceMs);
        // Also closes idle keep-alive connections; busy ones close after their response.
        server.close(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      return draining;
    },
  };
}

/** How often the count of refused connections is logged, so an overload costs one line a second. */
const REFUSALS_LOG_INTERVAL_MS = 1000;

/** Caps the open connections; refusals are counted and logged once per interval while they go on. */
function refuseBeyond(server: Server, maxConnections: number, logger: Logger): void {
  server.maxConnections = maxConnections;
  let refused = 0;
  server.on('drop', () => {
    refused += 1;
    // The first refusal of a run schedules its line; the others only count.
    if (refused > 1) return;
    setTimeout(() => {
      logger.warn({ refused, maxConnections }, 'connections refused over the cap');
      refused = 0;
    }, REFUSALS_LOG_INTERVAL_MS).unref();
  });
}

/**
 * The body passed the signature check, so it came from Discord; this only makes sure it is an
 * interaction at all, so the core never sees JSON that is not one.
 */
function parseInteraction(body: Buffer): APIInteraction | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Number.isInteger((value as { type?: unknown }).type) ? (value as APIInteraction) : undefined;
}
