import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { once } from 'node:events';
import { Agent, type OutgoingHttpHeaders, request } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';

/** A key pair standing in for Discord's, and the raw public key as the Developer Portal shows it. */
export interface TestKeys {
  readonly privateKey: KeyObject;
  readonly publicKeyHex: string;
}

export function generateTestKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return { privateKey, publicKeyHex: raw.toString('hex') };
}

/**
 * A loopback port free right now, for a child process's PORT (which must be 1-65535, so it cannot
 * be 0): the OS picks it, and it is released for the child to take.
 */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function unixNow(): string {
  return String(Math.floor(Date.now() / 1000));
}

/** Signs as Discord does: Ed25519 over the timestamp followed by the exact body bytes. */
export function signedHeaders(
  keys: TestKeys,
  body: string | Buffer,
  timestamp: string = unixNow(),
): Record<string, string> {
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), keys.privateKey);
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signature.toString('hex'),
    'x-signature-timestamp': timestamp,
  };
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The client side of the connection: the same port twice means the same connection. */
  readonly localPort: number | undefined;
  /** Whether the request went out on a connection an earlier request had used (keep-alive). */
  readonly reusedSocket: boolean;
}

export interface Call {
  readonly port: number;
  readonly method?: string;
  readonly path?: string;
  readonly headers?: OutgoingHttpHeaders;
  /** Written in pieces when an array, so no Content-Length is sent (chunked encoding). */
  readonly body?: string | Buffer | readonly Buffer[];
  /** A keep-alive agent, to send several requests down one connection; by default each gets its own. */
  readonly agent?: Agent;
}

/** One real HTTP request over loopback; resolves with whatever the server answered. */
export function call({
  port,
  method = 'POST',
  path = '/interactions',
  headers = {},
  body,
  agent,
}: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
          localPort: req.socket?.localPort,
          reusedSocket: req.reusedSocket,
        }),
      );
    });
    // The server may close while a refused body is still being written; its answer still counts.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.on('close', () => {
      if (!answered) reject(new Error('connection closed without an answer'));
    });
    if (Array.isArray(body)) {
      for (const piece of body) req.write(piece);
      req.end();
    } else req.end(body);
  });
}

export function postSigned(port: number, keys: TestKeys, payload: unknown): Promise<Reply> {
  const body = JSON.stringify(payload);
  return call({ port, headers: signedHeaders(keys, body), body });
}

export interface HalfSent {
  /** Resolves once the headers and the first half of the body are on the wire. */
  sent: Promise<void>;
  reply: Promise<{ status: number; connection: string | undefined; text: string }>;
  /** Sends the rest of the body. */
  finish(): void;
}

/** A signed POST to /interactions whose body stops halfway: a request in flight, held open. */
export function halfSentPost(port: number, keys: TestKeys, payload: unknown): HalfSent {
  const body = JSON.stringify(payload);
  const cut = Math.floor(body.length / 2);
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/interactions',
    headers: { ...signedHeaders(keys, body), 'content-length': Buffer.byteLength(body) },
  });
  const reply: HalfSent['reply'] = new Promise((resolve, reject) => {
    req.on('error', reject).on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }));
    });
  });
  const sent = new Promise<void>((resolve) => req.write(body.slice(0, cut), () => resolve()));
  return { sent, reply, finish: () => req.end(body.slice(cut)) };
}

/**
 * Signed POSTs over one keep-alive connection at a time (an agent with a single socket), as a load
 * balancer sends them: each reply says which connection carried it.
 */
export function keepAliveClient(port: number, keys: TestKeys) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    post(payload: unknown): Promise<Reply> {
      const body = JSON.stringify(payload);
      return call({ port, agent, headers: signedHeaders(keys, body), body });
    },
    close: () => agent.destroy(),
  };
}
