import { describe, expect, it } from 'vitest';
import { version } from '../../src/version.ts';
import { answer, ctx } from '../context.ts';
import { slash } from '../interactions/build.ts';
import { messageOf } from './message.ts';

describe('/about', () => {
  it('gives coverage, counts, sources, version and what "Sources differ" means', () => {
    const card = messageOf(answer(slash('about'))).embeds?.[0];
    const fields = Object.fromEntries((card?.fields ?? []).map((field) => [field.name, field.value]));
    const { people, motives, responses, events, sources } = ctx.knowledge;
    expect(fields['What it knows']).toBe(
      `${people.length} people · ${motives.length} motives · ${responses.length} regime responses · ` +
        `${events.length} events · ${sources.length} sources`,
    );
    expect(fields.Publishers).toContain('KBS World Radio');
    expect(fields.Version).toBe(version);
    expect(fields['Sources differ']).toMatch(/own sources/);
  });

  it('is in Korean for a Korean client', () => {
    const card = messageOf(answer(slash('about', {}, 'ko'))).embeds?.[0];
    expect(card?.title).toBe('이 봇에 대하여');
    expect(card?.fields?.map((field) => field.name)).toContain('출처마다 다름');
  });
});
