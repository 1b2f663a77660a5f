import { ApplicationCommandType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/commands/definitions.ts';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord/index.ts';
import { type BotProcess, startProcess } from './bot-process.ts';

/** `npm run deploy` and `npm run invite` as child processes, against the fake Discord. */

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

async function run(entry: string, env: Record<string, string>, args: string[] = []) {
  const child: BotProcess = startProcess(entry, env, args);
  const { code } = await child.exited;
  return { code, stdout: child.logs.map((line) => line.msg).join('\n'), stderr: child.stderr() };
}

const names = commandDefinitions.map((command) => command.name).sort();

describe('npm run deploy', () => {
  it('bulk-overwrites the commands in one guild, looking the application up from the token', async () => {
    const guild = fake.guilds[0] ?? '';
    const { code, stdout } = await run(
      'src/cli/deploy.ts',
      {
        DISCORD_TOKEN: 'test-token',
        DISCORD_API_URL: fake.apiUrl,
      },
      ['--guild', guild],
    );
    expect(code).toBe(0);
    const put = fake.requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${guild}/commands`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions)));
    expect(stdout).toContain(`Registered ${names.length} commands in guild ${guild}`);
    for (const { name, type } of commandDefinitions) {
      const shown = type === ApplicationCommandType.Message ? `"${name}" \\(message command\\)` : `/${name}`;
      expect(stdout).toMatch(new RegExp(`${shown}\\s+\\d+`));
    }
  });

  it('bulk-overwrites the global commands', async () => {
    const { code, stdout } = await run('src/cli/deploy.ts', {
      DISCORD_TOKEN: 'test-token',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_APPLICATION_ID: fake.applicationId,
    });
    expect(code).toBe(0);
    const registered = (fake.commands.get('global') ?? []) as { name: string }[];
    expect(registered.map((command) => command.name).sort()).toEqual(names);
    expect(stdout).toContain(`Registered ${names.length} commands globally`);
  });

  it('rejects a malformed guild id before calling Discord', async () => {
    const before = fake.requests.length;
    const { code, stderr } = await run('src/cli/deploy.ts', { DISCORD_TOKEN: 'test-token' }, [
      '--guild',
      'my-server',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--guild');
    expect(fake.requests.length).toBe(before);
  });
});

describe('npm run invite', () => {
  it('prints the server install URL (bot + applications.commands) and the user install URL', async () => {
    const { code, stdout } = await run('src/cli/invite.ts', {
      DISCORD_APPLICATION_ID: fake.applicationId,
    });
    expect(code).toBe(0);
    const urls = stdout.match(/https:\/\/\S+/g)?.map((address) => new URL(address)) ?? [];
    expect(urls.map((url) => Object.fromEntries(url.searchParams))).toEqual([
      {
        client_id: fake.applicationId,
        scope: 'bot applications.commands',
        integration_type: '0',
        permissions: '0',
      },
      { client_id: fake.applicationId, scope: 'applications.commands', integration_type: '1' },
    ]);
  });
});
