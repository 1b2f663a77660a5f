import { ApplicationCommandOptionType, InteractionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  buttonInteraction,
  CommandLineError,
  commandInteraction,
  parseCommandLine,
} from '../../src/cli/command-line.ts';

describe('parseCommandLine', () => {
  it('lets a value run, spaces included, to the next option', () => {
    expect(parseCommandLine('/defector name:cho song gil')).toEqual({
      command: 'defector',
      options: [{ name: 'name', type: ApplicationCommandOptionType.String, value: 'cho song gil' }],
    });
    expect(parseCommandLine('/timeline person:thae yong ho from:2016 to: 2020').options).toEqual([
      { name: 'person', type: ApplicationCommandOptionType.String, value: 'thae yong ho' },
      { name: 'from', type: ApplicationCommandOptionType.Integer, value: 2016 },
      { name: 'to', type: ApplicationCommandOptionType.Integer, value: 2020 },
    ]);
  });

  it('takes optional quotes and Korean command and option names', () => {
    expect(parseCommandLine(`/search query:"jo: rome"`).options[0]?.value).toBe('jo: rome');
    expect(parseCommandLine('/망명자 이름:태영호')).toEqual({
      command: 'defector',
      options: [{ name: 'name', type: ApplicationCommandOptionType.String, value: '태영호' }],
    });
  });

  it('marks the last option focused for autocomplete, even when empty', () => {
    const parsed = parseCommandLine('/timeline from:2000 person:', true);
    expect(parsed.options.at(-1)).toEqual({
      name: 'person',
      type: ApplicationCommandOptionType.String,
      value: '',
      focused: true,
    });
  });

  it('refuses what Discord would not send', () => {
    for (const line of [
      'defector name:x',
      '/nope',
      '/defector',
      '/defector jo',
      '/defector name:',
      '/defector name:a name:b',
      '/timeline from:1800',
      '/timeline from:soon',
      `/search query:${'x'.repeat(101)}`,
    ]) {
      expect(() => parseCommandLine(line), line).toThrow(CommandLineError);
    }
    expect(() => parseCommandLine('/timeline from:2000', true)).toThrow(CommandLineError);
  });
});

describe('interactions built from a line', () => {
  it('carry the command, options and locale as Discord sends them', () => {
    const interaction = commandInteraction(parseCommandLine('/about'), 'ko');
    expect(interaction.type).toBe(InteractionType.ApplicationCommand);
    expect(interaction.locale).toBe('ko');
    expect(interaction.data.name).toBe('about');
    const press = buttonInteraction('timeline:2:', 'en-US');
    expect(press.data.custom_id).toBe('timeline:2:');
  });
});
