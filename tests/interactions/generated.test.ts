import {
  type APIApplicationCommandBasicOption,
  type APIInteraction,
  type APIInteractionResponse,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
} from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventCardButton, motiveCardButton, responseCardButton } from '../../src/commands/card-buttons.ts';
import { commandDefinitions } from '../../src/commands/definitions.ts';
import { cardButton, timelineButton, whyButton } from '../../src/commands/person-buttons.ts';
import { respond } from '../../src/interactions/respond.ts';
import { answer, ctx } from '../context.ts';
import { press } from './build.ts';
import { brokenRules } from './discord-rules.ts';

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
        type: ApplicationCommandType.ChatInput,
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

/** A message command used on a message of any text and embeds (or on one that is not there). */
function messageCommandLike() {
  const embed = fc.record({ title: text, description: text, url: fc.webUrl() }, { requiredKeys: [] });
  const message = fc.record(
    { content: text, embeds: fc.array(embed, { maxLength: 3 }) },
    { requiredKeys: [] },
  );
  return fc
    .tuple(
      fc.oneof({ weight: 8, arbitrary: fc.constant('Look up defectors') }, { weight: 1, arbitrary: text }),
      message,
      fc.constantFrom('700000000000000007', '1', '__proto__'),
      fc.boolean(),
    )
    .map(([name, target, targetId, present]) => ({
      type: InteractionType.ApplicationCommand,
      data: {
        id: '1',
        type: ApplicationCommandType.Message,
        name,
        target_id: targetId,
        resolved: { messages: present ? { '700000000000000007': target } : {} },
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
        timelineButton.encode({
          page,
          filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
        }),
      ),
    fc
      .tuple(fc.constantFrom(whyButton, cardButton), personIds())
      .map(([button, person]) => button.encode(person)),
    fc
      .tuple(
        fc.constantFrom(motiveCardButton, responseCardButton, eventCardButton),
        fc.constantFrom(
          ...ctx.knowledge.motives.map((motive) => motive.id),
          ...ctx.knowledge.responses.map((response) => response.id),
          ...ctx.knowledge.events.map((event) => event.id),
          'no-such-record',
        ),
      )
      .map(([button, id]) => button.encode(id)),
    text,
  );

const locale = fc.oneof(
  fc.constantFrom('en-US', 'en-GB', 'ko', 'ko-KR', 'fr', ''),
  fc.string({ maxLength: 6 }),
);

describe('respond on generated interactions', () => {
  const assertSafe = (response: APIInteractionResponse) => {
    expect(brokenRules(response)).toEqual([]);
    expect(JSON.stringify(response)).not.toMatch(/@(everyone|here)/);
  };

  // The search behind free text dominates the cost: about 2 ms a case on a busy machine.
  it('never fails on well-formed interactions (no error reported), never breaks a Discord limit, and always locks mentions', {
    timeout: 60_000,
  }, () => {
    const interaction = fc
      .tuple(
        fc.oneof(
          { weight: 5, arbitrary: commandLike(InteractionType.ApplicationCommand) },
          { weight: 3, arbitrary: commandLike(InteractionType.ApplicationCommandAutocomplete) },
          { weight: 2, arbitrary: messageCommandLike() },
          { weight: 3, arbitrary: customId().map((id) => ({ ...press(id), locale: undefined })) },
        ),
        locale,
      )
      .map(([partial, code]) => ({ ...press('x'), ...partial, locale: code }) as unknown as APIInteraction);

    // `answer` fails the case when the core reports an error, which it would otherwise hide
    // behind a valid generic reply.
    fc.assert(
      fc.property(interaction, (generated) => assertSafe(answer(generated))),
      { seed: 20261126, numRuns: Number(process.env.RUNS ?? 10_000) },
    );
  });

  it('answers malformed interactions with a valid reply and reports the error', () => {
    const malformed = fc.record({ type: fc.integer({ min: 0, max: 9 }), data: fc.anything() });
    fc.assert(
      fc.property(malformed, (generated) => {
        assertSafe(respond(generated as unknown as APIInteraction, ctx, () => {}));
      }),
      { seed: 20261126, numRuns: 1_000 },
    );
  });
});
