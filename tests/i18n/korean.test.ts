import type { APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { respond } from '../../src/interactions/respond.ts';
import { answer, ctx } from '../context.ts';
import { koreanInteractions, koreanShare, readableText } from './korean-share.ts';

describe('replies to Korean readers are Korean', () => {
  const cases = koreanInteractions();

  it.each(cases)('$command $label: at least 90% of its letters are Korean', ({ interaction }) => {
    const response = answer(interaction);
    const { share, korean, latin } = koreanShare(response);
    expect(
      share,
      `${korean} Korean against ${latin} Latin in:\n${readableText(response)}`,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('answers the generic error in Korean too', () => {
    const broken = { type: 2, data: null, locale: 'ko' } as unknown as APIInteraction;
    expect(koreanShare(respond(broken, ctx, () => {})).share).toBe(1);
  });

  it('never shows an object where text belongs', () => {
    for (const { interaction } of cases)
      expect(JSON.stringify(answer(interaction))).not.toContain('[object Object]');
  });
});
