import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType } from 'discord-api-types/v10';
import { ed25519PublicKey } from '../src/ed25519.ts';
import { checkSignatureHeaders, verifySignature } from '../src/transports/http/signature.ts';

/**
 * The baseline for `bench/http.ts`: node:http that verifies the signature and answers a
 * constant PONG. Whatever the real endpoint costs beyond this is routing, limits and the core.
 * Run as a child process; prints `{"port":n}` once listening.
 */

const key = ed25519PublicKey(process.env.DISCORD_PUBLIC_KEY ?? '');
const pong = JSON.stringify({ type: InteractionResponseType.Pong });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers = checkSignatureHeaders(
      req.headers['x-signature-ed25519'],
      req.headers['x-signature-timestamp'],
      Date.now(),
    );
    const ok = headers.ok && verifySignature(key, headers.signed, Buffer.concat(chunks));
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? pong : '{}');
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
