/**
 * Discord's documented limits on what a bot sends, stated here from Discord's API docs and not taken
 * from `src/`, so the fake rejects, and the tests catch, a wrong number in the bot's own copy.
 * Lengths are in characters; Discord counts code points, the checks here count UTF-16 code units,
 * which is never less.
 *
 * Messages and embeds: https://discord.com/developers/docs/resources/message (Embed Limits; Create Message).
 * Buttons and action rows: https://discord.com/developers/docs/components/reference.
 * Autocomplete: https://discord.com/developers/docs/interactions/receiving-and-responding (Autocomplete);
 * choices: https://discord.com/developers/docs/interactions/application-commands (Option Choice Structure).
 */
export const discordLimits = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer text and author name of all embeds together. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** What Discord allows in application command definitions (Application Command Structure). */
export const commandLimits = {
  commands: 100,
  name: 32,
  description: 100,
  options: 25,
  optionChoices: 25,
} as const;
