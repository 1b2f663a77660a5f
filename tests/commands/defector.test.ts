import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { personEmbed } from '../../src/render/person.ts';
import { answer, ctx } from '../context.ts';
import { slash } from '../interactions/build.ts';
import { buttonIds } from '../interactions/discord-rules.ts';
import { messageOf } from './message.ts';

describe('/defector', () => {
  it('shows the card for a typed name: title, summary, fields, sources, buttons', () => {
    const data = messageOf(answer(slash('defector', { name: 'thae yong ho' })));
    const [card] = data.embeds ?? [];
    const thae = ctx.knowledge.byId.people.get('thae-yong-ho');
    expect(card?.title).toBe(`${thae?.name} (${thae?.hangul})`);
    expect(card?.description).toContain(thae?.summary.value.en);
    const names = (card?.fields ?? []).map((field) => field.name);
    expect(names).toEqual(
      expect.arrayContaining(['Post', 'Defection', 'Who came along', 'What came after', 'Motives']),
    );
    const sources = card?.fields?.find((field) => field.name === 'Sources');
    expect(sources?.value).toMatch(/^\[1\] /);
    expect(data.flags).toBeUndefined();
    expect(data.content).toBe('');
    expect(buttonIds(answer(slash('defector', { name: 'thae yong ho' })))).toEqual([
      'why:thae-yong-ho',
      'timeline:1:person=thae-yong-ho',
    ]);
  });

  it('takes the record id an autocomplete choice submits, and romanisation variants', () => {
    const byId = messageOf(answer(slash('defector', { name: 'jo-song-gil' })));
    const typed = messageOf(answer(slash('defector', { name: 'cho song gil' })));
    expect(byId.embeds?.[0]?.title).toBe('Jo Song-gil (조성길)');
    expect(typed.embeds?.[0]?.title).toBe(byId.embeds?.[0]?.title);
  });

  it('shows "Sources differ" with each claim and its own sources where the data disputes a fact', () => {
    const disputed = ctx.knowledge.people.find((person) => person.defection.date.differs);
    expect(disputed).toBeDefined();
    const data = messageOf(answer(slash('defector', { name: disputed?.id ?? '' })));
    const field = data.embeds?.[0]?.fields?.find((f) => f.name.includes('Sources differ'));
    for (const claim of [disputed?.defection.date, ...(disputed?.defection.date.differs ?? [])]) {
      expect(field?.value).toContain(claim?.value);
    }
    expect(field?.value).toMatch(/\[\d+(, \d+)*\]/);
  });

  it('marks a reported defection with its confidence, and a denied report as not a defection', () => {
    // Rendered from a real record with its confidence changed, so this holds whatever the data has.
    const thae = ctx.knowledge.byId.people.get('thae-yong-ho');
    if (!thae) throw new Error('data/people.json lost Thae Yong-ho');
    const render = { knowledge: ctx.knowledge, lang: 'en' as const };
    const reported = personEmbed(render, { ...thae, confidence: 'reported' });
    expect(reported.fields?.find((f) => f.name === 'Confidence')?.value).toMatch(/reported/);
    const denied = personEmbed(render, { ...thae, confidence: 'denied' });
    expect(denied.fields?.find((f) => f.name === 'Confidence')?.value).toMatch(/denied or never borne out/);
    expect(denied.fields?.map((f) => f.name)).not.toContain('Defection');
    expect(denied.fields?.map((f) => f.name)).toContain('Reported defection (denied)');
    const korean = personEmbed({ ...render, lang: 'ko' }, { ...thae, confidence: 'denied' });
    expect(korean.fields?.find((f) => f.name === '신뢰도')?.value).toMatch(/확인된 망명자가 아닙니다/);
  });

  it('adds an "Also matching" line when runners-up come close', () => {
    const data = messageOf(answer(slash('defector', { name: 'jang' })));
    const shown = `${data.content} ${data.embeds?.[0]?.title}`;
    expect(data.content).toMatch(/^Also matching: /);
    expect(shown).toContain('Jang Sung-gil');
    expect(shown).toContain('Jang Sung-ho');
  });

  it('answers a miss privately, with the query escaped and suggestions', () => {
    const data = messageOf(answer(slash('defector', { name: 'zzthae `**@everyone**`' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toMatch(
      /^No defector matches `zzthae ˋ\*\*@\u200beveryone\*\*ˋ`\. Did you mean \*\*.+\*\*\?$/,
    );
    expect(data.embeds).toEqual([]);
    const nothing = messageOf(answer(slash('defector', { name: 'qqqxxzz' })));
    expect(nothing.flags).toBe(MessageFlags.Ephemeral);
    expect(nothing.content).toContain('No defector matches `qqqxxzz`.');
  });

  it('answers a missing or blank name (which Discord would not send) privately', () => {
    for (const interaction of [slash('defector'), slash('defector', { name: '   ' })]) {
      expect(messageOf(answer(interaction)).flags).toBe(MessageFlags.Ephemeral);
    }
  });

  it('speaks Korean to a Korean client: labels and Hangul first', () => {
    const data = messageOf(answer(slash('defector', { name: '태영호' }, 'ko')));
    const card = data.embeds?.[0];
    expect(card?.title).toBe('태영호 (Thae Yong-ho)');
    expect(card?.fields?.map((field) => field.name)).toEqual(
      expect.arrayContaining(['직위', '망명', '출처']),
    );
    const english = messageOf(answer(slash('defector', { name: '태영호' }, 'en-GB')));
    expect(english.embeds?.[0]?.title).toBe('Thae Yong-ho (태영호)');
  });
});
