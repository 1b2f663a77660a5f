import {
  type APIApplicationCommandBasicOption,
  type APIInteraction,
  ApplicationCommandOptionType,
  InteractionType,
} from 'discord-api-types/v10';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/commands/definitions.ts';
import { type BotContext, loadBotContext } from '../../src/interactions/context.ts';
import { encodeCustomId } from '../../src/interactions/custom-id.ts';
import { respond } from '../../src/interactions/respond.ts';
import { press } from './build.ts';
import { brokenRules } from './discord-rules.ts';

let ctx: BotContext;
beforeAll(async () => {
  ctx = await loadBotContext();
});

const nasty = fc.constantFrom(
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!1>',
  '<@&2>',
  '<#3>',
  '</about:4>',
  '**',
  '__',
  '~~',
  '||',
  '> ',
  '`',
  '```',
  '\\',
  '\n',
  '[x](https://example.com)',
  '\u202e',
  '\u200b',
  '\ud800',
  '😀',
  '👨‍👩‍👧',
  '태영호',
  'ㅌㅇㅎ',
  'ᄐ',
  'thae',
  'jo',
  'jang',
  'person:thae-yong-ho',
  'motive:',
  '',
);

/** User text: odd Unicode, markdown, mentions, names, and some 6,000-character strings. */
const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(nasty, fc.string({ maxLength: 8 })), { maxLength: 5 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(nasty, fc.integer({ min: 5000, max: 6000 }))
      .map(([piece, n]) => `${piece}x`.repeat(n).slice(0, n)),
  },
);

const value = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
);

const personIds = () => fc.constantFrom(...ctx.knowledge.people.map((person) => person.id), 'no-such-person');

/** A chat-input command or an autocomplete of it: known and unknown names, right and wrong options. */
function commandLike(
  type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete,
) {
  const command = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...commandDefinitions) },
    {
      weight: 1,
      arbitrary: text.map((name) => ({ name, options: [] as APIApplicationCommandBasicOption[] })),
    },
  );
  return fc
    .tuple(
      command,
      fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom('name', 'motive', 'query', 'person', 'from', 'to'), text),
          value,
          fc.boolean(),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([definition, given]) => ({
      type,
      data: {
        id: '1',
        type: 1,
        name: definition.name,
        options: given.map(([name, optionValue, focused]) => ({
          name,
          type:
            typeof optionValue === 'number'
              ? ApplicationCommandOptionType.Integer
              : ApplicationCommandOptionType.String,
          value: optionValue,
          ...(focused ? { focused } : {}),
        })),
      },
    }));
}

const customId = () =>
  fc.oneof(
    fc
      .record({
        page: fc.integer({ min: 1, max: 9999 }),
        person: fc.option(personIds(), { nil: undefined }),
        from: fc.option(fc.integer({ min: -999, max: 9999 }), { nil: undefined }),
        to: fc.option(fc.integer({ min: -999, max: 9999 }), { nil: undefined }),
      })
      .map(({ page, ...filter }) =>
        encodeCustomId({
          action: 'timeline',
          page,
          filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
        }),
      ),
    fc
      .tuple(fc.constantFrom('why' as const, 'defector' as const), personIds())
      .map(([action, person]) => encodeCustomId({ action, person })),
    text,
  );

const locale = fc.oneof(
  fc.constantFrom('en-US', 'en-GB', 'ko', 'ko-KR', 'fr', ''),
  fc.string({ maxLength: 6 }),
);

describe('respond on generated interactions', () => {
  // The search behind free text dominates the cost: about 2 ms a case on a busy machine.
  it('never throws, never breaks a Discord limit, and always locks mentions', { timeout: 60_000 }, () => {
    const interaction = fc
      .tuple(
        fc.oneof(
          { weight: 5, arbitrary: commandLike(InteractionType.ApplicationCommand) },
          { weight: 3, arbitrary: commandLike(InteractionType.ApplicationCommandAutocomplete) },
          { weight: 3, arbitrary: customId().map((id) => ({ ...press(id), locale: undefined })) },
          { weight: 1, arbitrary: fc.record({ type: fc.integer({ min: 0, max: 9 }), data: fc.anything() }) },
        ),
        locale,
      )
      .map(([partial, code]) => ({ ...press('x'), ...partial, locale: code }) as unknown as APIInteraction);

    fc.assert(
      fc.property(interaction, (generated) => {
        const response = respond(generated, ctx);
        expect(brokenRules(response)).toEqual([]);
        const shown = JSON.stringify(response);
        expect(shown).not.toMatch(/@(everyone|here)/);
      }),
      { seed: 20261126, numRuns: Number(process.env.RUNS ?? 10_000) },
    );
  });
});
