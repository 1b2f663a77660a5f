import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { answer, ctx } from '../context.ts';
import { slash } from '../interactions/build.ts';
import { buttonIds } from '../interactions/discord-rules.ts';
import { messageOf } from './message.ts';

describe('/search', () => {
  it('shows the best hit as its card and lists up to five more', () => {
    const response = answer(slash('search', { query: 'jo' }));
    const data = messageOf(response);
    expect(data.content).toBe('Best match for `jo`');
    const [card, more] = data.embeds ?? [];
    const best = ctx.search.searchAll('jo', 6)[0];
    if (!best) throw new Error('expected a hit for "jo"');
    const name =
      best.kind === 'person'
        ? best.record.name
        : best.kind === 'event'
          ? best.record.title.en
          : best.record.name.en;
    expect(card?.title).toContain(name);
    expect(more?.title).toBe('More results');
    const lines = (more?.description ?? '').split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(5);
  });

  it('opens the record an autocomplete choice names (kind:id), of any kind', () => {
    for (const [value, title] of [
      ['person:jo-song-gil', 'Jo Song-gil (조성길)'],
      ['motive:poverty-abroad', ctx.knowledge.byId.motives.get('poverty-abroad')?.name.en],
      ['event:jo-leaves-embassy', ctx.knowledge.byId.events.get('jo-leaves-embassy')?.title.en],
    ] as const) {
      const response = answer(slash('search', { query: value }));
      const data = messageOf(response);
      expect(data.embeds).toHaveLength(1);
      expect(data.embeds?.[0]?.title).toContain(title);
      if (value.startsWith('person:')) expect(buttonIds(response)).toContain('timeline:1:person=jo-song-gil');
    }
  });

  it('answers a miss privately, the query shown as inert code', () => {
    const data = messageOf(answer(slash('search', { query: '~~qzxq~~ <@qzxq>' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe('Nothing matches `~~qzxq~~ <\u200b@\u200bqzxq>`.');
  });

  it('answers an empty query privately', () => {
    const data = messageOf(answer(slash('search', { query: ' ' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
  });
});
