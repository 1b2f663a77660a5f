import { once } from 'node:events';
import { Agent } from 'node:http';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createInteractionsServer, type InteractionsServer } from '../../src/transports/http/server.ts';
import { ping } from '../interactions/build.ts';
import { call, generateTestKeys, halfSentPost, postSigned, signedHeaders } from './client.ts';

const keys = generateTestKeys();
const servers: InteractionsServer[] = [];

async function start(): Promise<{ app: InteractionsServer; port: number }> {
  const app = createInteractionsServer({
    publicKey: keys.publicKeyHex,
    handle: () => ({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'ok' } }),
    health: () => ({ status: 'ok' }),
    logger: createLogger('silent'),
  });
  servers.push(app);
  const { port } = await app.listen(0, '127.0.0.1');
  return { app, port };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((app) => app.drain(100)));
});

describe('drain', () => {
  it('lets a request that is mid-body finish, then refuses new connections', async () => {
    const { app, port } = await start();
    const inFlight = halfSentPost(port, keys, ping());
    await once(app.server, 'request');

    const drained = app.drain(5000);
    await expect(call({ port, method: 'GET', path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
    inFlight.finish();

    const reply = await inFlight.reply;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ type: InteractionResponseType.Pong });
    expect(reply.connection).toBe('close');
    expect(await drained).toBe(true);
  });

  it('does not wait for idle keep-alive connections', async () => {
    const { app, port } = await start();
    const agent = new Agent({ keepAlive: true });
    const body = JSON.stringify(ping());
    const reply = (await call({ port, agent, headers: signedHeaders(keys, body), body })).status;
    expect(reply).toBe(200);
    const started = Date.now();
    expect(await app.drain(5000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });

  it('cuts a request that never finishes once the grace period is over', async () => {
    const { app, port } = await start();
    const stalled = halfSentPost(port, keys, ping());
    const failed = expect(stalled.reply).rejects.toThrow();
    await once(app.server, 'request');
    const started = Date.now();
    expect(await app.drain(300)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await failed;
  });

  it('is idempotent: a second signal waits on the same drain', async () => {
    const { app, port } = await start();
    expect((await postSigned(port, keys, ping())).status).toBe(200);
    const first = app.drain(1000);
    expect(app.drain(1000)).toBe(first);
    expect(await first).toBe(true);
  });
});
