import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
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

describe('command definitions', () => {
  it('are the seven commands, each named once', () => {
    expect(commandDefinitions.map((command) => command.name).sort()).toEqual(
      ['about', 'defector', 'map', 'regime-response', 'search', 'timeline', 'why-defect'].sort(),
    );
  });

  for (const command of commandDefinitions) {
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

      it('is installable by guilds and users, usable in guilds, DMs and group DMs', () => {
        expect(command.integration_types).toEqual([
          ApplicationIntegrationType.GuildInstall,
          ApplicationIntegrationType.UserInstall,
        ]);
        expect(command.contexts).toEqual([
          InteractionContextType.Guild,
          InteractionContextType.BotDM,
          InteractionContextType.PrivateChannel,
        ]);
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
