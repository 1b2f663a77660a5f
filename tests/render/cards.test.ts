import { InteractionResponseType } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyRecord } from '../../src/knowledge/kinds.ts';
import type { Lang } from '../../src/render/i18n.ts';
import { messageResponse } from '../../src/render/message.ts';
import { recordEmbed } from '../../src/render/record.ts';
import { ctx } from '../context.ts';
import { discordLimits } from '../fake-discord/limits.ts';
import { embedLength } from '../fake-discord/validate.ts';
import { brokenRules } from '../interactions/discord-rules.ts';

let records: AnyRecord[];
beforeAll(async () => {
  const { people, motives, responses, events } = ctx.knowledge;
  records = [
    ...people.map((record) => ({ kind: 'person' as const, record })),
    ...motives.map((record) => ({ kind: 'motive' as const, record })),
    ...responses.map((record) => ({ kind: 'response' as const, record })),
    ...events.map((record) => ({ kind: 'event' as const, record })),
  ];
});

describe('the card of every record in the data', () => {
  for (const lang of ['en', 'ko'] as Lang[]) {
    it(`fits Discord's limits with every source whole, and cites only known ones (${lang})`, () => {
      for (const record of records) {
        const embed = recordEmbed({ knowledge: ctx.knowledge, lang }, record);
        // A long record is shortened in its facts; its title and its sources stay whole.
        expect(embedLength(embed), record.record.id).toBeLessThanOrEqual(discordLimits.embedTotal);
        for (const field of embed.fields ?? []) {
          expect(field.value.length, `${record.record.id}: ${field.name}`).toBeLessThanOrEqual(
            discordLimits.fieldValue,
          );
        }
        const response = messageResponse({ embeds: [embed] });
        expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
        expect(brokenRules(response)).toEqual([]);
        const sources = embed.fields?.find((field) => field.name === (lang === 'ko' ? '출처' : 'Sources'));
        expect(sources?.value, record.record.id).toMatch(/^\[1\] /);
        expect(sources?.value).not.toMatch(/^\[\d+\] [a-z0-9-]+$/m);
        for (const field of embed.fields ?? []) {
          if (field.name.startsWith(lang === 'ko' ? '출처' : 'Sources'))
            expect(field.value).not.toMatch(/…$/);
        }
        expect(embed.title).not.toMatch(/…$/);
      }
    });
  }
});
