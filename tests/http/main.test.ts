import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { type APIInteraction, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { ping, press, slash, typing } from '../interactions/build.ts';
import { npmScriptCommand } from '../npm-script.ts';
import { freePort, generateTestKeys, halfSentPost, keepAliveClient } from './client.ts';

/** `npm run serve` as a real child process (the built `dist/`, minus npm): start-up, SIGTERM drain, exit codes. */

const keys = generateTestKeys();
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface LogLine {
  msg: string;
  port?: number;
  maxConnections?: number;
  refused?: number;
  level?: number;
}

function serve(env: Record<string, string>) {
  const { entry, nodeFlags, env: scriptEnv } = npmScriptCommand('serve');
  const child = spawn(process.execPath, [...nodeFlags, entry], {
    // Vitest sets MODE=test in its own environment, which the config would reject.
    env: {
      ...process.env,
      ...scriptEnv,
      MODE: 'http',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // A webhook edit (for a reply with a picture) goes to a closed local port, never out.
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const logs: LogLine[] = [];
  const waiters: Array<{ msg: string; found: (line: LogLine) => void }> = [];
  createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine;
    logs.push(line);
    for (const waiter of waiters.filter(({ msg }) => msg === line.msg)) waiter.found(line);
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const logged = (msg: string) =>
    new Promise<LogLine>((found, failed) => {
      const seen = logs.find((line) => line.msg === msg);
      if (seen) return found(seen);
      waiters.push({ msg, found });
      void exited.then((code) =>
        failed(new Error(`exited ${code} before logging "${msg}": ${JSON.stringify(logs)} ${stderr}`)),
      );
    });
  return { child, logs, logged, exited, stderr: () => stderr };
}

/** An interaction as Discord never sends it: `data` missing, or null. */
function withoutData(interaction: APIInteraction, data: 'missing' | 'null'): unknown {
  const { data: _, ...rest } = interaction as APIInteraction & { data?: unknown };
  return data === 'missing' ? rest : { ...rest, data: null };
}

describe('npm run serve', () => {
  it.each(['info', 'debug'])(
    'answers an interaction without data privately at LOG_LEVEL=%s, and its keep-alive connection serves the next request',
    async (level) => {
      const server = serve({
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        PORT: String(await freePort()),
        LOG_LEVEL: level,
      });
      const { port } = await server.logged('listening');
      if (port === undefined) throw new Error('the listening line names no port');
      const client = keepAliveClient(port, keys);
      try {
        const first = await client.post(slash('about'));
        expect(first.status).toBe(200);
        const malformed = [
          slash('defector'),
          press('timeline:2:'),
          typing('defector', { name: 'th' }, 'name'),
        ].flatMap((interaction) => [withoutData(interaction, 'missing'), withoutData(interaction, 'null')]);
        for (const interaction of malformed) {
          const reply = await client.post(interaction);
          expect(reply.status).toBe(200);
          expect(reply.headers.connection).toBe('keep-alive');
          expect(reply.reusedSocket).toBe(true);
          expect(reply.localPort).toBe(first.localPort);
          const body = JSON.parse(reply.text);
          if (body.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
            expect(body.data).toEqual({ choices: [] });
          } else {
            expect(body).toMatchObject({
              type: InteractionResponseType.ChannelMessageWithSource,
              data: { flags: MessageFlags.Ephemeral },
            });
          }
        }
        // /search's card carries no picture, so the endpoint answers it in full rather than deferring.
        const next = await client.post(slash('search', { query: 'person:thae-yong-ho' }));
        expect(next.status).toBe(200);
        expect(next.localPort).toBe(first.localPort);
        expect(JSON.parse(next.text).data.embeds[0].title).toMatch(/Thae Yong-ho/);
        expect(server.logs.filter((line) => line.msg === 'request failed')).toEqual([]);
        expect(server.child.exitCode).toBeNull();
      } finally {
        client.close();
      }
    },
  );

  it('drains on SIGTERM: the request in flight completes, then the process exits 0', async () => {
    const server = serve({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: String(await freePort()) });
    const { port } = await server.logged('listening');
    if (port === undefined) throw new Error('the listening line names no port');

    // Headers and half the body are on the wire before the signal: the request is in flight.
    const inFlight = halfSentPost(port, keys, ping());
    await inFlight.sent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGTERM');
    await server.logged('draining');
    inFlight.finish();

    const { status, text } = await inFlight.reply;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ type: InteractionResponseType.Pong });
    expect(await server.exited).toBe(0);
    expect(server.logs.map((line) => line.msg)).toContain('drained');
  });

  it('keeps at most HTTP_MAX_CONNECTIONS connections open, closes the next one unread, and logs the refusals', async () => {
    const server = serve({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      PORT: String(await freePort()),
      HTTP_MAX_CONNECTIONS: '2',
    });
    const { port, maxConnections } = await server.logged('listening');
    if (port === undefined) throw new Error('the listening line names no port');
    expect(maxConnections).toBe(2);
    const open = [keepAliveClient(port, keys), keepAliveClient(port, keys)];
    const third = keepAliveClient(port, keys);
    try {
      // Two idle keep-alive connections fill the cap.
      for (const client of open) expect((await client.post(ping())).status).toBe(200);
      await expect(third.post(ping())).rejects.toThrow();
      const line = await server.logged('connections refused over the cap');
      expect(line).toMatchObject({ refused: 1, maxConnections: 2, level: 40 });
      // The connections it kept still serve, each on its own socket.
      for (const client of open) {
        const reply = await client.post(slash('about'));
        expect(reply.status).toBe(200);
        expect(reply.reusedSocket).toBe(true);
      }
      // Once one closes, a new connection is taken again.
      open[0]?.close();
      await sleep(300);
      expect((await third.post(ping())).status).toBe(200);
    } finally {
      for (const client of [...open, third]) client.close();
    }
  });

  it('refuses a blank PORT instead of listening on a random port', async () => {
    const server = serve({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: ' ' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('PORT: expected a port number from 1 to 65535, in plain digits');
  });

  it('refuses to start without a public key, naming the variable', async () => {
    const server = serve({ DISCORD_PUBLIC_KEY: '' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('DISCORD_PUBLIC_KEY');
  });
});
