import { type RawFile, REST } from 'discord.js';
import type { AttachedFile } from '../render/message.ts';

/**
 * A discord.js REST client. `apiUrl` points it at a REST proxy or the tests' fake Discord instead
 * of discord.com (discord.js's `api` option, without `/v10`). Without a token it can still use
 * the interaction webhook routes, which the interaction's own token authorises: that is all the
 * HTTP endpoint needs.
 */
export function restClient(token: string | undefined, apiUrl: string | undefined): REST {
  const rest = new REST(apiUrl ? { api: apiUrl } : {});
  return token === undefined ? rest : rest.setToken(token);
}

/** Pictures as discord.js REST uploads them: multipart parts `files[0]`, `files[1]`, ... */
export function uploads(files: readonly AttachedFile[]): RawFile[] {
  return files.map((file) => ({ name: file.name, data: file.data, contentType: 'image/png' }));
}
