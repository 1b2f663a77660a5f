import { type APIInteraction, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { messageText } from '../../src/commands/command.ts';
import { maxMentionsShown } from '../../src/commands/look-up.ts';
import { respond } from '../../src/interactions/respond.ts';
import { answer, ctx } from '../context.ts';
import { onMessage, press, slash } from '../interactions/build.ts';
import { buttonIds } from '../interactions/discord-rules.ts';
import { messageOf } from './message.ts';

const news =
  'Thae Yong-ho said Jo Song-gil had lived under a reign of terror before the missile talks. ' +
  'Hwang Jang-yop dies, the agency reported. Kim and Jang declined to comment.';

describe('Look up defectors (message command)', () => {
  it('answers privately with one line per mention, people first, each with its Hangul and a button', () => {
    const response = answer(onMessage(news));
    const data = messageOf(response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.embeds).toHaveLength(1);
    const [embed] = data.embeds ?? [];
    expect(embed?.title).toBe('Mentioned in this message');
    expect(embed?.description).toBe(
      [
        '**People**',
        '• **Thae Yong-ho** (태영호)',
        '• **Jo Song-gil** (조성길)',
        '• **Hwang Jang-yop** (황장엽)',
        '',
        '**Motives**',
        '• **Reign of terror** (공포정치)',
        '',
        '**Regime responses**',
        '• **Missile talks with the US called off over the Jang brothers** (장씨 형제 망명으로 북미 미사일 회담 취소)',
        '',
        '**Events**',
        '• 2010-10-10 **Hwang Jang-yop dies** (황장엽 별세)',
      ].join('\n'),
    );
    expect(buttonIds(response)).toEqual([
      'defector:thae-yong-ho',
      'defector:jo-song-gil',
      'defector:hwang-jang-yop',
      'motive:reign-of-terror',
      'response:missile-talks-cancelled',
      'event:hwang-dies',
    ]);
  });

  it('answers a Korean reader in Korean: Hangul names alone, Korean dates and labels', () => {
    const data = messageOf(answer(onMessage('태영호가 말했다. Hwang Jang-yop dies.', 'ko')));
    expect(data.embeds?.[0]?.title).toBe('이 메시지에 나오는 항목');
    expect(data.embeds?.[0]?.description).toBe(
      ['**인물**', '• **태영호**', '• **황장엽**', '', '**사건**', '• 2010년 10월 10일 **황장엽 별세**'].join(
        '\n',
      ),
    );
    const labels = (data.components ?? []).flatMap((row) =>
      'components' in row ? row.components.map((button) => ('label' in button ? button.label : '')) : [],
    );
    expect(labels).toEqual(['태영호', '황장엽', '황장엽 별세']);
  });

  it('reads the embeds too: titles and descriptions, as a message from another bot carries them', () => {
    const response = answer(
      onMessage('', 'en-US', [{ title: 'Jo Song-gil', description: 'Reported by Yonhap: 리일규가 말했다.' }]),
    );
    expect(buttonIds(response)).toEqual(['defector:jo-song-gil', 'defector:ri-il-gyu']);
  });

  it('finds the people and events of a /timeline page the bot itself sent', () => {
    const page = answer(slash('timeline', { person: 'thae-yong-ho' }));
    const data = (page as { data: { embeds: unknown[] } }).data;
    const ids = buttonIds(answer(onMessage('', 'en-US', data.embeds as never)));
    expect(ids[0]).toBe('defector:thae-yong-ho');
    expect(ids.filter((id) => id.startsWith('event:')).length).toBeGreaterThanOrEqual(5);
  });

  it('says privately when nothing is mentioned, and points to /search', () => {
    const data = messageOf(answer(onMessage('Kim and Jang met Ri in Rome. Lovely weather.')));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.embeds).toEqual([]);
    expect(data.content).toContain('`/search`');
    expect(data.components).toEqual([]);
  });

  it('says privately when the message has no text (only a picture)', () => {
    const data = messageOf(answer(onMessage('   ', 'ko')));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe('이 메시지에는 읽을 글이 없습니다 (첨부 파일과 사진은 읽지 않습니다).');
  });

  it('never echoes the message: mentions and markdown in it stay out of the reply', () => {
    const response = answer(onMessage('@everyone <@123> **Thae Yong-ho** [x](https://example.com)'));
    expect(buttonIds(response)).toEqual(['defector:thae-yong-ho']);
    expect(JSON.stringify(response)).not.toMatch(/everyone|<@123>|example\.com/);
  });

  it(`shows at most ${maxMentionsShown} mentions, one button each in at most 5 rows of 5, and says how many were found`, () => {
    const everyone = ctx.knowledge.people.map((person) => person.name).join(', ');
    const found = ctx.search.mentions(everyone).length;
    expect(found).toBeGreaterThan(maxMentionsShown);
    const response = answer(onMessage(everyone));
    const data = messageOf(response);
    expect(buttonIds(response)).toHaveLength(maxMentionsShown);
    expect(data.components).toHaveLength(5);
    expect(data.embeds?.[0]?.description?.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(
      maxMentionsShown,
    );
    expect(data.embeds?.[0]?.footer?.text).toBe(
      `${maxMentionsShown} of ${found} shown; a button opens its card.`,
    );
  });

  it('opens each kind of card from its button, replacing the list (type 7)', () => {
    for (const [id, title] of [
      ['defector:thae-yong-ho', 'Thae Yong-ho (태영호)'],
      ['motive:reign-of-terror', 'Reign of terror (공포정치)'],
      ['response:missile-talks-cancelled', 'Missile talks with the US called off over the Jang brothers'],
      ['event:hwang-dies', 'Hwang Jang-yop dies'],
    ] as const) {
      const data = messageOf(answer(press(id)), true);
      expect(data.embeds?.[0]?.title).toContain(title);
    }
  });

  it('answers a button for a record no longer in the data with a private notice', () => {
    for (const id of ['motive:no-such-motive', 'response:no-such-response', 'event:no-such-event']) {
      const data = messageOf(answer(press(id)));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
      expect(data.content).toBe('That record is no longer in the data.');
    }
  });

  it('reads only the target message, by its id, whatever else the interaction carries', () => {
    const interaction = onMessage('Thae Yong-ho') as APIInteraction & {
      data: { target_id: string; resolved: { messages: Record<string, unknown> } };
    };
    const other = { ...interaction, data: { ...interaction.data, target_id: '123' } } as APIInteraction;
    expect(messageOf(answer(other)).content).toContain('no text');
    const proto = { ...interaction, data: { ...interaction.data, target_id: '__proto__' } } as APIInteraction;
    expect(messageOf(answer(proto)).content).toContain('no text');
    expect(messageText(null)).toBe('');
    expect(messageText({ content: 5, embeds: [null, { title: 'Jo Song-gil', description: 7 }] })).toBe(
      'Jo Song-gil',
    );
  });

  it('treats a message command it does not know as an unknown command', () => {
    const interaction = onMessage('Thae Yong-ho') as APIInteraction & { data: { name: string } };
    const unknown = {
      ...interaction,
      data: { ...interaction.data, name: 'Delete everything' },
    } as APIInteraction;
    const errors: unknown[] = [];
    const data = messageOf(respond(unknown, ctx, (error) => errors.push(error)));
    expect(errors).toEqual([]);
    expect(data.content).toContain('Unknown command');
  });
});
