import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import {
  faultReply,
  type RecordedRequest,
  type RestState,
  route,
  takeFault,
  type UploadedFile,
} from './rest.ts';

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
    const { body, files } = await parseBody(await readBody(req), req.headers['content-type']);
    const authorized = /^Bot \S+/.test(req.headers.authorization ?? '');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && value !== undefined) headers[name] = String(value);
    }
    const query = Object.fromEntries(url.searchParams);
    const record = { method, path, rawPath, query, headers, body, files };
    const problem = checkUpload(body, files);
    const act = () =>
      problem
        ? { status: 400, body: { message: problem, code: RESTJSONErrorCodes.InvalidFormBodyOrContentType } }
        : route(state, method, segments, url.searchParams, body, authorized);

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

/**
 * JSON, or a multipart body as discord.js sends files: the `payload_json` part and one part per
 * file (`files[0]`, `files[1]`, ...); anything else as text.
 */
async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const json = form.get('payload_json');
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') continue;
      files.push({
        field,
        filename: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { body: typeof json === 'string' ? JSON.parse(json) : null, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What Discord would refuse in an upload: every attachment the payload lists needs its part
 * (`files[<id>]`, same file name), every part must be listed, and a `.png` must be a PNG.
 */
function checkUpload(body: unknown, files: readonly UploadedFile[]): string | undefined {
  const payload = body as { data?: { attachments?: unknown }; attachments?: unknown } | null;
  const listed = (payload?.data?.attachments ?? payload?.attachments ?? []) as {
    id: number | string;
    filename: string;
  }[];
  if (files.length === 0) return undefined;
  for (const attachment of listed) {
    const part = files.find((file) => file.field === `files[${attachment.id}]`);
    if (!part) return `attachments[${attachment.id}]: no files[${attachment.id}] part in the upload`;
    if (part.filename !== attachment.filename) return `attachments[${attachment.id}]: file name differs`;
  }
  for (const file of files) {
    if (!listed.some((attachment) => file.field === `files[${attachment.id}]`)) {
      return `${file.field}: a file part the payload's attachments do not list`;
    }
    if (file.filename.endsWith('.png') && !file.data.subarray(0, 8).equals(pngSignature)) {
      return `${file.field}: ${file.filename} is not a PNG`;
    }
  }
  return undefined;
}
