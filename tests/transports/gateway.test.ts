import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createGateway, type Gateway } from '../../src/transports/gateway/client.ts';
import { buttonPress, chatInput, type FakeDiscord, startFakeDiscord } from '../fake-discord/index.ts';

/** The gateway client in this process against the fake: intents, caches, and the handler wiring. */

let fake: FakeDiscord;
let gateway: Gateway;
const seen: string[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord({ guilds: ['1100000000000000001', '1100000000004194305'] });
  gateway = createGateway({
    token: 'test-token',
    apiUrl: fake.apiUrl,
    logger: createLogger('silent'),
    unthrottledIdentify: true,
    handler: (interaction) => {
      seen.push(interaction.id);
      return { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'ok' } };
    },
  });
});
afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});

describe('createGateway', () => {
  it('identifies with no intents and reports its shard and guilds when ready', async () => {
    const ready = await gateway.start();
    expect(ready).toMatchObject({ shards: [0], shardCount: 1, guilds: 2 });
    expect(ready.loginToReadyMs).toBeGreaterThanOrEqual(0);
    expect(fake.sessions[0]).toMatchObject({ intents: 0, shard: [0, 1] });
  });

  it('hands the raw interaction to the handler and caches nothing it carries', async () => {
    for (let i = 0; i < 20; i++) {
      const command = fake.dispatchInteraction(chatInput('about'), { guildId: fake.guilds[i % 2] });
      await fake.waitForCallback(command.id);
      const sent = [...fake.messages.values()].at(-1);
      if (!sent) throw new Error('no message');
      const press = fake.dispatchInteraction(buttonPress('x', sent), { guildId: fake.guilds[i % 2] });
      await fake.waitForCallback(press.id);
    }
    expect(seen).toHaveLength(40);
    const { client } = gateway;
    expect(client.users.cache.size).toBe(0);
    expect(client.channels.cache.size).toBe(0);
    for (const guild of client.guilds.cache.values()) {
      expect(guild.members.cache.size).toBe(0);
    }
  });

  it('stops within the cap, and a second stop is the same stop', async () => {
    const started = Date.now();
    const first = gateway.stop();
    expect(gateway.stop()).toBe(first);
    await first;
    expect(Date.now() - started).toBeLessThan(3000);
    await fake.waitUntil(
      () => fake.disconnects.some((close) => close.by === 'client'),
      'the client to close',
    );
  });
});
