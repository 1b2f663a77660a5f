import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { answer, ctx } from '../context.ts';
import { slash } from '../interactions/build.ts';
import { messageOf } from './message.ts';

describe('/why-defect', () => {
  it('without a motive lists every motive, one line each, with who cited it', () => {
    const data = messageOf(answer(slash('why-defect')));
    const lines = (data.embeds?.[0]?.description ?? '').split('\n').filter((line) => line.startsWith('• '));
    expect(lines).toHaveLength(ctx.knowledge.motives.length);
    const cited = ctx.knowledge.people.find((person) => (person.motives ?? []).length > 0);
    const motive = ctx.knowledge.byId.motives.get(cited?.motives?.[0]?.motive ?? '');
    expect(lines.find((line) => line.includes(motive?.name.en ?? '?'))).toContain(cited?.name);
  });

  it('with a motive shows its card: explanation, evidence with figures, who cited it, sources', () => {
    const data = messageOf(answer(slash('why-defect', { motive: 'salary' })));
    const card = data.embeds?.[0];
    const poverty = ctx.knowledge.byId.motives.get('poverty-abroad');
    expect(card?.title).toBe(`${poverty?.name.en} (${poverty?.name.ko})`);
    expect(card?.description).toContain(poverty?.summary.value.en);
    const evidence = card?.fields?.find((field) => field.name === 'Evidence')?.value ?? '';
    expect(evidence).toMatch(/\d+ US dollars/);
    expect(card?.fields?.find((field) => field.name === 'Cited by')?.value).toContain('Thae Yong-ho');
    expect(card?.fields?.some((field) => field.name === 'Sources')).toBe(true);
  });

  it('lets an exact hit win over a fuzzy runner-up without an "Also matching" line', () => {
    // "terror" names one motive outright and only resembles another.
    const data = messageOf(answer(slash('why-defect', { motive: 'terror' })));
    expect(data.embeds?.[0]?.title).toContain('Reign of terror');
    expect(data.content).toBe('');
  });

  it('answers a miss privately', () => {
    const data = messageOf(answer(slash('why-defect', { motive: 'zzkqx' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe('No motive matches `zzkqx`.');
  });
});
