import type { APIApplication } from 'discord.js';
import { z } from 'zod';
import { gatewayConfig } from '../config.ts';
import { configOrExit, loadDotEnv } from './gateway-env.ts';

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

const applicationIdSchema = z.string().regex(/^\d{17,20}$/);

async function applicationId(): Promise<string> {
  const given = process.env.DISCORD_APPLICATION_ID;
  if (given) {
    if (applicationIdSchema.safeParse(given).success) return given;
    console.error('DISCORD_APPLICATION_ID: expected a Discord id (17-20 digits)');
    process.exit(1);
  }
  if (!process.env.DISCORD_TOKEN) {
    console.error('Set DISCORD_APPLICATION_ID (or DISCORD_TOKEN, to look the application up).');
    process.exit(1);
  }
  // Without the id, the token can look it up (discord.js is loaded only then: it is slow to import).
  const config = configOrExit(() => gatewayConfig());
  const { REST, Routes } = await import('discord.js');
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
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
