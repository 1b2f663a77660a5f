import {
  type APIInteraction,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BotContext, loadBotContext } from '../../src/interactions/context.ts';
import { respond } from '../../src/interactions/respond.ts';
import { messageOf } from '../commands/message.ts';
import { press, slash, typing } from './build.ts';
import { brokenRules, buttonIds } from './discord-rules.ts';

let ctx: BotContext;
beforeAll(async () => {
  ctx = await loadBotContext();
});

function choicesOf(response: ReturnType<typeof respond>) {
  expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  expect(brokenRules(response)).toEqual([]);
  return (response as { data: { choices: { name: string; value: string | number }[] } }).data.choices;
}

describe('respond: routing', () => {
  it('answers a ping with a pong', () => {
    const ping = { ...slash('about'), type: InteractionType.Ping } as unknown as APIInteraction;
    expect(respond(ping, ctx)).toEqual({ type: InteractionResponseType.Pong });
  });

  it('autocompletes every free-text option with record ids as values', () => {
    const person = choicesOf(respond(typing('defector', { name: 'thae' }, 'name'), ctx));
    expect(person[0]?.value).toBe('thae-yong-ho');
    expect(choicesOf(respond(typing('why-defect', { motive: '' }, 'motive'), ctx)).length).toBeGreaterThan(0);
    expect(
      choicesOf(respond(typing('regime-response', { query: 'thae' }, 'query'), ctx)).length,
    ).toBeGreaterThan(0);
    expect(
      choicesOf(respond(typing('timeline', { from: 2000, person: 'jo' }, 'person'), ctx)).length,
    ).toBeGreaterThan(0);
    const all = choicesOf(respond(typing('search', { query: '' }, 'query'), ctx));
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.every((choice) => /^(person|motive|response|event):/.test(String(choice.value)))).toBe(true);
  });

  it('gives no choices for an unknown command or an option without autocomplete', () => {
    expect(choicesOf(respond(typing('nope', { x: 'y' }, 'x'), ctx))).toEqual([]);
    expect(choicesOf(respond(typing('timeline', { from: '19' }, 'from'), ctx))).toEqual([]);
  });

  it('turns "Why they left" into an update of the message with that person\'s motives', () => {
    const response = respond(press('why:thae-yong-ho'), ctx);
    const data = messageOf(response, true);
    expect(data.embeds?.[0]?.title).toBe('Why Thae Yong-ho (태영호) left');
    const thae = ctx.knowledge.byId.people.get('thae-yong-ho');
    expect(data.embeds?.[0]?.fields?.filter((field) => field.name !== 'Sources')).toHaveLength(
      thae?.motives?.length ?? -1,
    );
    expect(buttonIds(response)).toEqual(['defector:thae-yong-ho', 'timeline:1:person=thae-yong-ho']);
    const back = messageOf(respond(press('defector:thae-yong-ho'), ctx), true);
    expect(back.embeds?.[0]?.title).toBe('Thae Yong-ho (태영호)');
  });

  it('answers an unknown button, a vanished record and an unknown command privately', () => {
    for (const interaction of [press('delete:everything'), press('why:no-such-person'), slash('nope')]) {
      const data = messageOf(respond(interaction, ctx));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
      expect(data.content).not.toBe('');
    }
    expect(messageOf(respond(slash('nope'), ctx)).content).toBe('Unknown command `/nope`.');
  });

  it('never throws: a malformed interaction gets a private generic error, and the error is reported', () => {
    const errors: unknown[] = [];
    const reporting = { ...ctx, reportError: (error: unknown) => errors.push(error) };
    for (const broken of [
      { type: InteractionType.ApplicationCommand, data: null, locale: 'ko' },
      { type: InteractionType.MessageComponent },
      null,
    ]) {
      const data = messageOf(respond(broken as unknown as APIInteraction, reporting));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
    }
    expect(errors).toHaveLength(3);
    const korean = messageOf(
      respond({ type: 2, data: null, locale: 'ko' } as unknown as APIInteraction, ctx),
    );
    expect(korean.content).toBe('응답하는 중에 문제가 생겼습니다. 다시 시도해 주세요.');
    const autocomplete = respond(
      { type: InteractionType.ApplicationCommandAutocomplete } as APIInteraction,
      ctx,
    );
    expect(choicesOf(autocomplete)).toEqual([]);
  });
});
