import { request } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createInteractionsServer, type InteractionsServer } from '../../src/transports/http/server.ts';
import { ping, slash } from '../interactions/build.ts';
import { call, generateTestKeys, postSigned, signedHeaders, unixNow } from './client.ts';

/** A handler that answers with what it was asked, so each reply can be matched to its request. */
function echo(interaction: APIInteraction): APIInteractionResponse {
  if (interaction.type === InteractionType.ApplicationCommand && interaction.data.name === 'explode') {
    throw new Error('handler failure');
  }
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: {
      content: `echo ${interaction.id}`,
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    },
  };
}

const keys = generateTestKeys();
const handled: APIInteraction[] = [];
const logs: Array<{ msg: string; status?: number; reason?: string; interactionId?: string }> = [];
let app: InteractionsServer;
let port: number;
let healthFails = false;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  app = createInteractionsServer({
    publicKey: keys.publicKeyHex,
    handle: (interaction) => {
      handled.push(interaction);
      return echo(interaction);
    },
    health: () => {
      if (healthFails) throw new Error('health failure');
      return { status: 'ok', version: '9.9.9', counts: { people: 3 } };
    },
    logger: createLogger('debug', sink),
  });
  ({ port } = await app.listen(0, '127.0.0.1'));
});

afterAll(async () => {
  await app.drain(1000);
});

beforeEach(() => {
  handled.length = 0;
  logs.length = 0;
});

describe('accepted requests', () => {
  it('answers PING with PONG without calling the handler', async () => {
    const reply = await postSigned(port, keys, ping());
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(JSON.parse(reply.text)).toEqual({ type: InteractionResponseType.Pong });
    expect(handled).toEqual([]);
  });

  it('hands a command to the handler and returns its response as JSON', async () => {
    const interaction = slash('defector', { name: 'thae' });
    const reply = await postSigned(port, keys, interaction);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual(echo(interaction));
    expect(handled).toEqual([interaction]);
  });

  it('accepts signatures in upper-case hex', async () => {
    const body = JSON.stringify(slash('about'));
    const headers = signedHeaders(keys, body);
    headers['x-signature-ed25519'] = headers['x-signature-ed25519']?.toUpperCase() ?? '';
    expect((await call({ port, headers, body })).status).toBe(200);
  });

  it('answers 200 concurrent signed requests, each with its own response', async () => {
    const interactions = Array.from({ length: 200 }, (_, i) => slash('defector', { n: i }));
    const replies = await Promise.all(interactions.map((interaction) => postSigned(port, keys, interaction)));
    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toEqual(echo(interactions[i] as APIInteraction));
    });
    expect(handled).toHaveLength(200);
  });

  it('reports health on GET /healthz', async () => {
    const reply = await call({ port, method: 'GET', path: '/healthz' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ status: 'ok', version: '9.9.9', counts: { people: 3 } });
  });
});

describe('refusals never reach the handler', () => {
  const body = JSON.stringify(slash('defector'));

  async function expectRefused(reply: Promise<{ status: number; text: string }>, status: number) {
    const { status: actual, text } = await reply;
    expect(actual).toBe(status);
    expect(JSON.parse(text)).toHaveProperty('error');
    expect(handled).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'refused', status }));
  }

  it('401 for a tampered body', async () => {
    const headers = signedHeaders(keys, body);
    await expectRefused(call({ port, headers, body: body.replace('defector', 'defectoR') }), 401);
  });

  it('401 for a signature made with another key', async () => {
    await expectRefused(call({ port, headers: signedHeaders(generateTestKeys(), body), body }), 401);
  });

  it('401 when the timestamp was changed after signing', async () => {
    const headers = signedHeaders(keys, body);
    headers['x-signature-timestamp'] = String(Number(headers['x-signature-timestamp']) - 1);
    await expectRefused(call({ port, headers, body }), 401);
  });

  it.each(['x-signature-ed25519', 'x-signature-timestamp'])('401 without %s', async (header) => {
    const headers = signedHeaders(keys, body);
    delete headers[header];
    await expectRefused(call({ port, headers, body }), 401);
  });

  it.each([
    ['not hex', 'z'.repeat(128)],
    ['too short', 'ab'.repeat(63)],
    ['too long', 'ab'.repeat(65)],
    ['empty', ''],
  ])('401 for a signature that is %s', async (_, signature) => {
    const headers = { ...signedHeaders(keys, body), 'x-signature-ed25519': signature };
    await expectRefused(call({ port, headers, body }), 401);
  });

  it.each([
    ['stale', -301],
    ['from the future', 301],
  ])('401 for a validly signed but %s timestamp', async (_, offset) => {
    const timestamp = String(Number(unixNow()) + offset);
    await expectRefused(call({ port, headers: signedHeaders(keys, body, timestamp), body }), 401);
  });

  it('401 for a timestamp that is not a number', async () => {
    await expectRefused(call({ port, headers: signedHeaders(keys, body, '1e9'), body }), 401);
  });

  it('413 for a declared Content-Length over 64 KiB', async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 0x20);
    await expectRefused(call({ port, headers: signedHeaders(keys, big), body: big }), 413);
  });

  it('413 for a chunked body that grows past 64 KiB', async () => {
    const pieces = Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, 0x20));
    const whole = Buffer.concat(pieces);
    await expectRefused(call({ port, headers: signedHeaders(keys, whole), body: pieces }), 413);
  });

  it('accepts a body of exactly 64 KiB', async () => {
    const json = JSON.stringify(slash('defector'));
    const padded = Buffer.alloc(64 * 1024, 0x20);
    padded.write(json);
    const reply = await call({ port, headers: signedHeaders(keys, padded), body: padded });
    expect(reply.status).toBe(200);
  });

  it.each([
    ['garbage', 'this is not json'],
    ['truncated JSON', body.slice(0, 20)],
    ['a JSON array', '[1,2]'],
    ['an object without a type', '{"id":"1"}'],
    ['null', 'null'],
  ])('400 for %s with a valid signature', async (_, garbage) => {
    await expectRefused(call({ port, headers: signedHeaders(keys, garbage), body: garbage }), 400);
  });

  it('405 with Allow for GET /interactions', async () => {
    const reply = call({ port, method: 'GET' });
    await expectRefused(reply, 405);
    expect((await reply).headers.allow).toBe('POST');
  });

  it('405 for POST /healthz', async () => {
    await expectRefused(call({ port, path: '/healthz', headers: signedHeaders(keys, body), body }), 405);
  });

  it.each(['/', '/interactions/extra', '/Interactions'])('404 for %s', async (path) => {
    await expectRefused(call({ port, path, headers: signedHeaders(keys, body), body }), 404);
  });
});

describe('failures stay inside the request', () => {
  it('answers a private error when the handler throws, logs it, and keeps serving', async () => {
    const interaction = slash('explode', {}, 'ko');
    const reply = await postSigned(port, keys, interaction);
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text);
    expect(body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data.content).toMatch(/[가-힣]/);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: 'interaction failed', interactionId: interaction.id }),
    );
    expect((await postSigned(port, keys, ping())).status).toBe(200);
  });

  it('answers 500 when the health report throws, and keeps serving', async () => {
    healthFails = true;
    const reply = await call({ port, method: 'GET', path: '/healthz' });
    healthFails = false;
    expect(reply.status).toBe(500);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'request failed' }));
    expect((await call({ port, method: 'GET', path: '/healthz' })).status).toBe(200);
  });

  it('logs one debug line per answered interaction, as the gateway does', async () => {
    const interaction = slash('defector');
    await postSigned(port, keys, interaction);
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'interaction answered',
        interactionId: interaction.id,
        kind: 'ApplicationCommand',
        command: '/defector',
        responseType: InteractionResponseType.ChannelMessageWithSource,
      }),
    );
  });

  it('survives a client that leaves mid-body', async () => {
    const body = JSON.stringify(slash('defector'));
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/interactions',
        headers: { ...signedHeaders(keys, body), 'content-length': body.length },
      });
      req.on('error', () => resolve());
      req.write(body.slice(0, 10), () => setTimeout(() => req.destroy(), 20));
    });
    expect((await postSigned(port, keys, ping())).status).toBe(200);
    expect(handled).toEqual([]);
  });
});

/**
 * A raw socket that sends `head` at once, then `drip` every 250 ms, as a slowloris client does.
 * Resolves with how long the server took to close it, and what it answered; gives up after `capMs`.
 */
function slowClient(port: number, head: string, drip: string, capMs = 20_000) {
  return new Promise<{ ms: number; answer: string }>((resolve) => {
    const started = performance.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      answer += chunk;
    });
    const dripping = setInterval(() => {
      if (socket.writable) socket.write(drip);
    }, 250);
    const cap = setTimeout(() => socket.destroy(), capMs);
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(dripping);
      clearTimeout(cap);
      resolve({ ms: performance.now() - started, answer });
    });
  });
}

describe('slow clients are cut on time', () => {
  it('headers dribbled for longer than 5 s, and a body for longer than 10 s, are cut within about a second of the limit', async () => {
    const body = JSON.stringify(ping());
    const signed = signedHeaders(keys, body);
    const head = [
      'POST /interactions HTTP/1.1',
      'Host: 127.0.0.1',
      ...Object.entries(signed).map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${Buffer.byteLength(body) + 1_000}`,
      '',
      '',
    ].join('\r\n');
    const [headers, slowBody] = await Promise.all([
      slowClient(port, 'POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n'),
      slowClient(port, head, ' '),
    ]);
    // Node checks these timeouts every connectionsCheckingInterval (30 s unless set), so without it
    // both sockets lived for up to 30 s, whatever headersTimeout and requestTimeout said.
    expect(headers.ms).toBeGreaterThanOrEqual(4_900);
    expect(headers.ms).toBeLessThan(7_500);
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowBody.ms).toBeGreaterThanOrEqual(9_900);
    expect(slowBody.ms).toBeLessThan(12_500);
    expect(slowBody.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(handled).toEqual([]);
  }, 30_000);
});
