import { parseArgs } from 'node:util';
import {
  type APIApplication,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
} from 'discord.js';
import { commandDefinitions } from '../commands/definitions.ts';
import { discordIdSchema, gatewayConfig } from '../config.ts';
import { configOrExit, loadDotEnv } from '../startup/env.ts';
import { restClient } from '../transports/rest.ts';

/**
 * `npm run deploy [-- --guild <id>]`: bulk-overwrites the bot's commands. Global commands reach every
 * server and user install; one guild's commands update at once, which is what development wants.
 */

interface DeployTarget {
  applicationId: string;
  guildId?: string;
}

/** Bulk overwrite: commands missing from `definitions` are deleted, so the registry matches the code. */
async function deployCommands(
  rest: REST,
  target: DeployTarget,
  definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<RESTPutAPIApplicationCommandsResult> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  return (await rest.put(route, { body: definitions })) as RESTPutAPIApplicationCommandsResult;
}

function describeDeployment(target: DeployTarget, registered: RESTPutAPIApplicationCommandsResult): string {
  const scope = target.guildId ? `in guild ${target.guildId}` : 'globally (may take a while to show)';
  const lines = registered.map((command) => `  /${command.name}  ${command.id}`);
  return [`Registered ${registered.length} commands ${scope}:`, ...lines].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { guild: { type: 'string' } } });
  if (values.guild !== undefined && !discordIdSchema.safeParse(values.guild).success) {
    console.error('--guild: expected a Discord id (17-20 digits)');
    process.exit(2);
  }
  loadDotEnv();
  const config = configOrExit(() => gatewayConfig());
  const rest = restClient(config.DISCORD_TOKEN, config.DISCORD_API_URL);
  // The token already names the application; DISCORD_APPLICATION_ID only saves the lookup.
  const applicationId =
    config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const target = { applicationId, guildId: values.guild };
  console.log(describeDeployment(target, await deployCommands(rest, target, commandDefinitions)));
}

try {
  await main();
} catch (error) {
  console.error(`Deploy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
