import { beforeAll, describe, expect, it } from 'vitest';
import { type BotContext, loadBotContext } from '../../src/interactions/context.ts';
import { respond } from '../../src/interactions/respond.ts';
import { version } from '../../src/version.ts';
import { slash } from '../interactions/build.ts';
import { messageOf } from './message.ts';

let ctx: BotContext;
beforeAll(async () => {
  ctx = await loadBotContext();
});

describe('/about', () => {
  it('gives coverage, counts, sources, version and what "Sources differ" means', () => {
    const card = messageOf(respond(slash('about'), ctx)).embeds?.[0];
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
    const card = messageOf(respond(slash('about', {}, 'ko'), ctx)).embeds?.[0];
    expect(card?.title).toBe('이 봇에 대하여');
    expect(card?.fields?.map((field) => field.name)).toContain('출처마다 다름');
  });
});
