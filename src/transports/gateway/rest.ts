import { REST } from 'discord.js';

/**
 * A discord.js REST client for the bot's token. `apiUrl` points it at a REST proxy or the tests'
 * fake Discord instead of discord.com (discord.js's `api` option, without `/v10`).
 */
export function restClient(token: string, apiUrl: string | undefined): REST {
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}
