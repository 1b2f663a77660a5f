import { type APIApplication, Routes } from 'discord.js';
import { inviteConfig } from '../config.ts';
import { configOrExit, loadDotEnv } from '../startup/env.ts';
import { restClient } from '../transports/rest.ts';

/**
 * `npm run invite`: the install links. The bot answers only through interactions, so it asks for no
 * permissions. A server install adds the bot user and the commands; a user install adds only the
 * commands, to a user's own account, usable anywhere they are.
 */

function inviteUrls(applicationId: string): { server: string; user: string } {
  const url = (scope: string, integrationType: number) => {
    const address = new URL('https://discord.com/oauth2/authorize');
    address.searchParams.set('client_id', applicationId);
    address.searchParams.set('scope', scope);
    address.searchParams.set('integration_type', String(integrationType));
    if (scope.includes('bot')) address.searchParams.set('permissions', '0');
    return address.toString();
  };
  return { server: url('bot applications.commands', 0), user: url('applications.commands', 1) };
}

async function applicationId(): Promise<string> {
  const config = configOrExit(() => inviteConfig());
  if (config.DISCORD_APPLICATION_ID) return config.DISCORD_APPLICATION_ID;
  // The schema lets the id be missing only when a token is there to look it up.
  const rest = restClient(config.DISCORD_TOKEN as string, config.DISCORD_API_URL);
  return ((await rest.get(Routes.currentApplication())) as APIApplication).id;
}

loadDotEnv();
try {
  const urls = inviteUrls(await applicationId());
  console.log(`Add to a server (bot + slash commands):\n  ${urls.server}`);
  console.log(`Add to your account (user install, slash commands only):\n  ${urls.user}`);
} catch (error) {
  console.error(`Could not build the invite: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
