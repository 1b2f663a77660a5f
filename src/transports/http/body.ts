import type { IncomingMessage } from 'node:http';

/** Interactions are small; anything larger is refused before it can cost memory. */
const MAX_BODY_BYTES = 64 * 1024;

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too large' | 'incomplete' };

/** True when Content-Length alone shows the body is too large, so nothing need be read. */
export function declaredTooLarge(req: IncomingMessage): boolean {
  return Number(req.headers['content-length']) > MAX_BODY_BYTES;
}

/**
 * Reads the raw request bytes, stopping at the first chunk that crosses the limit (chunked
 * bodies declare no length). What was not read stays unread: the caller answers with
 * `Connection: close`, and Node drops the rest as it closes the socket.
 */
export function readBody(req: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      req.off('data', onData).off('end', onEnd).off('error', onIncomplete).off('close', onIncomplete);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        finish({ ok: false, reason: 'too large' });
      } else chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, size) });
    // The client went away mid-body: there is no one left to answer.
    const onIncomplete = (): void => finish({ ok: false, reason: 'incomplete' });
    req.on('data', onData).on('end', onEnd).on('error', onIncomplete).on('close', onIncomplete);
  });
}
