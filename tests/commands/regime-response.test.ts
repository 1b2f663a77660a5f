import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { answer, ctx } from '../context.ts';
import { slash } from '../interactions/build.ts';
import { messageOf } from './message.ts';

describe('/regime-response', () => {
  it('without a query lists every response in date order', () => {
    const data = messageOf(answer(slash('regime-response')));
    const lines = (data.embeds?.[0]?.description ?? '').split('\n').filter((line) => line.startsWith('• '));
    expect(lines).toHaveLength(ctx.knowledge.responses.length);
    const dates = lines.map((line) => /`([\d-]+)`/.exec(line)?.[1] ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it("with a query shows the response's card: trigger, when, measures, sources", () => {
    const response = ctx.knowledge.responses.find((r) => (r.trigger.people ?? []).length > 0);
    const data = messageOf(answer(slash('regime-response', { query: response?.id ?? '' })));
    const card = data.embeds?.[0];
    expect(card?.title).toBe(`${response?.name.en} (${response?.name.ko})`);
    const fields = Object.fromEntries((card?.fields ?? []).map((field) => [field.name, field.value]));
    const person = ctx.knowledge.byId.people.get(response?.trigger.people?.[0] ?? '');
    expect(fields['What triggered it']).toContain(person?.name);
    expect(fields.When).toContain(response?.date.value);
    expect(fields.Measures?.split('\n')).toHaveLength(response?.measures.length ?? -1);
    expect(fields.Sources).toMatch(/^\[1\] /);
  });

  it('names the close runners-up of an ambiguous query', () => {
    // Several responses followed Thae's defection.
    const data = messageOf(answer(slash('regime-response', { query: 'thae' })));
    expect(data.content).toMatch(/^Also matching: \*\*/);
    expect(data.embeds?.[0]?.title).toMatch(/Thae/);
  });

  it('answers a miss privately', () => {
    const data = messageOf(answer(slash('regime-response', { query: 'zzkqx' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe('No regime response matches `zzkqx`.');
  });
});
