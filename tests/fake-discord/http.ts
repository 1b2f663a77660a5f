import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { faultReply, type RecordedRequest, type RestState, route, takeFault } from './rest.ts';

/**
 * The HTTP side of the REST API: strips `/api/v10`, decodes the path (discord.js sends `%40original`),
 * applies injected faults first, and records every call with its answer. A dropped connection is
 * recorded with status 0, after the whole request was read, so the client sees the socket close
 * while it waits for the answer (undici: `other side closed`).
 */
export function restHandler(state: RestState, requests: RecordedRequest[], onRecorded: () => void) {
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const rawPath = url.pathname.replace(/^\/api(\/v\d+)?/, '') || '/';
    const segments = rawPath.split('/').filter(Boolean).map(decodeSegment);
    const path = `/${segments.join('/')}`;
    const body = await parseBody(await readBody(req), req.headers['content-type']);
    const authorized = /^Bot \S+/.test(req.headers.authorization ?? '');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && value !== undefined) headers[name] = String(value);
    }
    const query = Object.fromEntries(url.searchParams);
    const record = { method, path, rawPath, query, headers, body };
    const act = () => route(state, method, segments, url.searchParams, body, authorized);

    const fault = takeFault(state, path);
    if (fault?.kind === 'drop') {
      if (fault.processed) act();
      const dropped = fault.processed ? 'processed' : 'unprocessed';
      requests.push({ ...record, at: Date.now(), status: 0, dropped });
      req.socket.destroy();
      onRecorded();
      return;
    }
    const reply = fault ? faultReply(fault) : act();
    requests.push({ ...record, at: Date.now(), status: reply.status });

    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...reply.headers,
    });
    res.end(payload);
    onRecorded();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ message: `fake-discord: ${String(error)}`, code: RESTJSONErrorCodes.GeneralError }),
      );
    });
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, or the `payload_json` part discord.js sends along with files; anything else as text. */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return null;
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const json = form.get('payload_json');
    return typeof json === 'string' ? JSON.parse(json) : null;
  }
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
