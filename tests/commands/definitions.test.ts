import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/commands/definitions.ts';

// Discord's documented pattern for command and option names.
const namePattern = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function isValidName(name: string): boolean {
  return namePattern.test(name) && name === name.toLowerCase();
}

/** Discord counts names, descriptions and values; counting every localization over-counts, safely. */
function characterCount(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + characterCount(item), 0);
  if (value && typeof value === 'object') {
    let sum = 0;
    for (const [key, inner] of Object.entries(value)) {
      if (['name', 'description', 'value', 'name_localizations', 'description_localizations'].includes(key)) {
        sum += characterCount(inner);
      } else if (key === 'options' || key === 'choices') sum += characterCount(inner);
    }
    return sum;
  }
  return 0;
}

const slashCommands = commandDefinitions.filter(
  (command): command is RESTPostAPIChatInputApplicationCommandsJSONBody =>
    command.type === undefined || command.type === ApplicationCommandType.ChatInput,
);
const contextMenus = commandDefinitions.filter(
  (command): command is RESTPostAPIContextMenuApplicationCommandsJSONBody =>
    command.type === ApplicationCommandType.Message || command.type === ApplicationCommandType.User,
);

describe('command definitions', () => {
  it('are the seven slash commands and the one message command, each named once', () => {
    expect(slashCommands.map((command) => command.name).sort()).toEqual(
      ['about', 'defector', 'map', 'regime-response', 'search', 'timeline', 'why-defect'].sort(),
    );
    expect(contextMenus.map((command) => [command.type, command.name])).toEqual([
      [ApplicationCommandType.Message, 'Look up defectors'],
    ]);
    expect(slashCommands.length + contextMenus.length).toBe(commandDefinitions.length);
  });

  it('registers every command for guild and user installs, usable in guilds, DMs and group DMs', () => {
    for (const command of commandDefinitions) {
      expect(command.integration_types).toEqual([
        ApplicationIntegrationType.GuildInstall,
        ApplicationIntegrationType.UserInstall,
      ]);
      expect(command.contexts).toEqual([
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ]);
    }
  });

  for (const command of contextMenus) {
    it(`message command "${command.name}" has a name of 1-32 characters in English and Korean, and no description or options`, () => {
      for (const name of [command.name, command.name_localizations?.ko ?? '']) {
        expect(name.trim()).toBe(name);
        expect(name.length).toBeGreaterThanOrEqual(1);
        expect(name.length).toBeLessThanOrEqual(32);
      }
      expect(command.name_localizations?.ko).toBe('망명자 찾기');
      expect(command).not.toHaveProperty('description');
      expect(command).not.toHaveProperty('options');
    });
  }

  for (const command of slashCommands) {
    describe(`/${command.name}`, () => {
      const options = (command.options ?? []) as APIApplicationCommandBasicOption[];

      it('follows Discord naming and length rules, in English and Korean', () => {
        expect(isValidName(command.name)).toBe(true);
        expect(isValidName(command.name_localizations?.ko ?? '')).toBe(true);
        for (const description of [command.description, command.description_localizations?.ko ?? '']) {
          expect(description.length).toBeGreaterThanOrEqual(1);
          expect(description.length).toBeLessThanOrEqual(100);
        }
        expect(options.length).toBeLessThanOrEqual(25);
        expect(characterCount(command)).toBeLessThanOrEqual(8000);
      });

      it('has valid, localized options; free text is autocompleted and at most 100 characters', () => {
        const names = new Set<string>();
        let seenOptional = false;
        for (const option of options) {
          expect(isValidName(option.name)).toBe(true);
          expect(isValidName(option.name_localizations?.ko ?? '')).toBe(true);
          expect(option.description.length).toBeGreaterThanOrEqual(1);
          expect(option.description.length).toBeLessThanOrEqual(100);
          expect(option.description_localizations?.ko?.length ?? 0).toBeGreaterThanOrEqual(1);
          expect(names.has(option.name)).toBe(false);
          names.add(option.name);
          // Discord requires required options to come first.
          if (option.required) expect(seenOptional).toBe(false);
          else seenOptional = true;
          if (option.type === ApplicationCommandOptionType.String) {
            expect(option.autocomplete).toBe(true);
            expect(option.max_length).toBe(100);
          }
          if (option.type === ApplicationCommandOptionType.Integer) {
            expect(option.min_value).toBeTypeOf('number');
            expect(option.max_value).toBeTypeOf('number');
          }
        }
      });
    });
  }
});
