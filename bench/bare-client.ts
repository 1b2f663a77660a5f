import { Client, EmbedBuilder, Events, InteractionResponseType, MessageFlags } from 'discord.js';
import { memoryReport } from '../src/transports/gateway/test-hooks.ts';

/**
 * The baseline for `bench/e2e.ts`: discord.js as its guide writes a bot, with default caches, the
 * `interactionCreate` event and `interaction.reply()` of one constant embed. Same environment as the
 * bot (DISCORD_TOKEN, DISCORD_API_URL); logs one JSON `ready` line like the bot's. `/test-memory`
 * answers the same report as the bot's test hook, so both are measured the same way.
 */

// About the size of the bot's real card (~3.5 KB of embed JSON in 8 fields), so that payload size
// does not weigh on one side of the comparison only.
const paragraph =
  'Minister at the North Korean embassy in London, responsible for public diplomacy; defected to South ' +
  'Korea with his wife and two sons in the summer of 2016, and later became a member of parliament in Seoul. ';
const embed = new EmbedBuilder()
  .setTitle('Thae Yong-ho (태영호)')
  .setDescription(paragraph)
  .addFields(
    Array.from({ length: 8 }, (_, i) => ({ name: `Field ${i + 1}`, value: paragraph.repeat(2).trim() })),
  )
  .setFooter({ text: 'Sources: [1] KBS, [2] Yonhap, [3] BBC' });

const client = new Client({
  intents: [],
  rest: { api: process.env.DISCORD_API_URL ?? 'https://discord.com/api' },
  ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) },
});

client.on(Events.InteractionCreate, async (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  try {
    if (interaction.commandName === 'test-memory') {
      const report = memoryReport();
      const content =
        report.type === InteractionResponseType.ChannelMessageWithSource ? report.data.content : '';
      await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ embeds: [embed], allowedMentions: { parse: [] } });
    }
  } catch (err) {
    console.error(err);
  }
});

const started = performance.now();
client.once(Events.ClientReady, () => {
  const loginToReadyMs = Math.round(performance.now() - started);
  console.log(JSON.stringify({ msg: 'ready', pid: process.pid, loginToReadyMs }));
});
process.once('SIGTERM', () => {
  void client.destroy().finally(() => process.exit(0));
});
await client.login(process.env.DISCORD_TOKEN);
