import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { InteractionSummary } from '../../src/interactions/errors.ts';
import { respond } from '../../src/interactions/respond.ts';
import { messageOf } from '../commands/message.ts';
import { answer, ctx } from '../context.ts';
import { press, slash, typing } from './build.ts';
import { brokenRules, buttonIds } from './discord-rules.ts';

function choicesOf(response: APIInteractionResponse) {
  expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  expect(brokenRules(response)).toEqual([]);
  return (response as { data: { choices: { name: string; value: string | number }[] } }).data.choices;
}

describe('respond: routing', () => {
  it('answers a ping with a pong', () => {
    const ping = { ...slash('about'), type: InteractionType.Ping } as unknown as APIInteraction;
    expect(answer(ping)).toEqual({ type: InteractionResponseType.Pong });
  });

  it('autocompletes every free-text option with record ids as values', () => {
    const person = choicesOf(answer(typing('defector', { name: 'thae' }, 'name')));
    expect(person[0]?.value).toBe('thae-yong-ho');
    expect(choicesOf(answer(typing('why-defect', { motive: '' }, 'motive'))).length).toBeGreaterThan(0);
    expect(choicesOf(answer(typing('regime-response', { query: 'thae' }, 'query'))).length).toBeGreaterThan(
      0,
    );
    expect(
      choicesOf(answer(typing('timeline', { from: 2000, person: 'jo' }, 'person'))).length,
    ).toBeGreaterThan(0);
    const all = choicesOf(answer(typing('search', { query: '' }, 'query')));
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.every((choice) => /^(person|motive|response|event):/.test(String(choice.value)))).toBe(true);
  });

  it('gives no choices for an unknown command or an option without autocomplete', () => {
    expect(choicesOf(answer(typing('nope', { x: 'y' }, 'x')))).toEqual([]);
    expect(choicesOf(answer(typing('timeline', { from: '19' }, 'from')))).toEqual([]);
  });

  it('turns "Why they left" into an update of the message with that person\'s motives', () => {
    const response = answer(press('why:thae-yong-ho'));
    const data = messageOf(response, true);
    expect(data.embeds?.[0]?.title).toBe('Why Thae Yong-ho (태영호) left');
    const thae = ctx.knowledge.byId.people.get('thae-yong-ho');
    expect(data.embeds?.[0]?.fields?.filter((field) => field.name !== 'Sources')).toHaveLength(
      thae?.motives?.length ?? -1,
    );
    expect(buttonIds(response)).toEqual(['defector:thae-yong-ho', 'timeline:1:person=thae-yong-ho']);
    const back = messageOf(answer(press('defector:thae-yong-ho')), true);
    expect(back.embeds?.[0]?.title).toBe('Thae Yong-ho (태영호)');
  });

  it('answers an unknown button, a vanished record and an unknown command privately', () => {
    for (const interaction of [press('delete:everything'), press('why:no-such-person'), slash('nope')]) {
      const data = messageOf(answer(interaction));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
      expect(data.content).not.toBe('');
    }
    expect(messageOf(answer(slash('nope'))).content).toBe('Unknown command `/nope`.');
  });

  it('never throws: a malformed interaction gets a private generic error, and the error is reported', () => {
    const errors: { error: unknown; about: InteractionSummary }[] = [];
    const report = (error: unknown, about: InteractionSummary) => errors.push({ error, about });
    for (const broken of [
      { type: InteractionType.ApplicationCommand, data: null, locale: 'ko' },
      { type: InteractionType.MessageComponent },
      null,
    ]) {
      const data = messageOf(respond(broken as unknown as APIInteraction, ctx, report));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
    }
    expect(errors).toHaveLength(3);
    expect(errors[0]?.about).toEqual({ kind: 'ApplicationCommand' });
    const korean = messageOf(
      respond(
        { type: InteractionType.ApplicationCommand, data: null, locale: 'ko' } as unknown as APIInteraction,
        ctx,
        report,
      ),
    );
    expect(korean.content).toBe('응답하는 중에 문제가 생겼습니다. 다시 시도해 주세요.');
    const autocomplete = respond(
      { type: InteractionType.ApplicationCommandAutocomplete } as APIInteraction,
      ctx,
      report,
    );
    expect(choicesOf(autocomplete)).toEqual([]);
  });
});
