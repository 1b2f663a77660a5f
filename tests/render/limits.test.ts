import type { APIEmbed } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cut, embedTextLength, fitEmbeds, limits } from '../../src/render/limits.ts';
import { discordLimits } from '../fake-discord/limits.ts';
import { embedLength } from '../fake-discord/validate.ts';

describe('limits', () => {
  it('are the limits Discord documents', () => {
    expect(limits).toEqual(discordLimits);
  });

  it('count the embed text Discord counts, and nothing else', () => {
    const embed = {
      title: 'a',
      description: 'bb',
      footer: { text: 'ccc' },
      author: { name: 'dddd' },
      fields: [{ name: 'e', value: 'ff' }],
      url: 'https://example.org/not-counted',
    };
    expect(embedTextLength(embed)).toBe(1 + 2 + 3 + 4 + 1 + 2);
  });
});

describe('cut', () => {
  it('keeps short text as it is and ends cut text with an ellipsis at the limit', () => {
    expect(cut('short', 10)).toBe('short');
    const long = cut('x'.repeat(300), limits.embedTitle);
    expect(long).toHaveLength(256);
    expect(long.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const cutText = cut('😀'.repeat(10), 6);
    expect(cutText.length).toBeLessThanOrEqual(6);
    expect(cutText).toBe('😀😀…');
  });
});

describe('fitEmbeds', () => {
  const huge = (n: number) => 'a'.repeat(n);

  it('cuts every per-embed part to its limit', () => {
    const [embed] = fitEmbeds([
      {
        title: huge(1000),
        description: huge(5000),
        footer: { text: huge(3000) },
        author: { name: huge(300) },
        fields: Array.from({ length: 30 }, () => ({ name: huge(300), value: huge(2000) })),
      },
    ]);
    expect(embed?.title?.length).toBeLessThanOrEqual(discordLimits.embedTitle);
    expect(embed?.title?.endsWith('…')).toBe(true);
    expect(embed?.author?.name.length).toBeLessThanOrEqual(discordLimits.authorName);
    expect(embed?.fields?.length).toBeLessThanOrEqual(discordLimits.embedFields);
    for (const field of embed?.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(discordLimits.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(discordLimits.fieldValue);
    }
    expect(embedLength(embed as APIEmbed)).toBeLessThanOrEqual(discordLimits.embedTotal);
  });

  it('keeps at most 10 embeds and 6000 characters across them, shrinking the last ones first', () => {
    const embeds = Array.from({ length: 12 }, (_, i) => ({ title: `embed ${i}`, description: huge(1500) }));
    const fitted = fitEmbeds(embeds);
    expect(fitted).toHaveLength(discordLimits.embedsPerMessage);
    const total = fitted.reduce((sum, embed) => sum + embedLength(embed), 0);
    expect(total).toBeLessThanOrEqual(discordLimits.embedTotal);
    expect(fitted[0]?.description).toHaveLength(1500);
  });

  it('keeps a little of every field rather than dropping the last (where the sources are)', () => {
    const fields = Array.from({ length: 8 }, (_, i) => ({ name: `f${i}`, value: huge(1000) }));
    const [embed] = fitEmbeds([{ title: 't', description: huge(2000), fields }]);
    expect(embed?.fields).toHaveLength(8);
    expect(embedLength(embed as APIEmbed)).toBeLessThanOrEqual(discordLimits.embedTotal);
  });

  it('replaces empty field names and values, which Discord rejects', () => {
    const [embed] = fitEmbeds([{ fields: [{ name: '', value: '  ' }] }]);
    expect(embed?.fields?.[0]?.name).not.toBe('');
    expect(embed?.fields?.[0]?.value.trim()).not.toBe('');
  });
});

describe('fitEmbeds on generated embeds', () => {
  const text = (max: number) =>
    fc.oneof(
      fc.string({ maxLength: max }),
      fc.string({ unit: 'binary', maxLength: max }),
      fc.constant('😀'.repeat(max)),
    );
  const embed = fc.record(
    {
      title: text(400),
      description: text(6000),
      footer: text(3000).map((t) => ({ text: t })),
      author: text(400).map((name) => ({ name })),
      fields: fc.array(fc.record({ name: text(300), value: text(1500) }), { maxLength: 30 }),
    },
    { requiredKeys: [] },
  );

  it('always fits every limit, however large the input', () => {
    fc.assert(
      fc.property(fc.array(embed, { maxLength: 12 }), (embeds) => {
        const fitted = fitEmbeds(embeds as APIEmbed[]);
        expect(fitted.length).toBeLessThanOrEqual(discordLimits.embedsPerMessage);
        expect(fitted.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(
          discordLimits.embedTotal,
        );
        for (const e of fitted) {
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedTitle);
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedDescription);
          expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(discordLimits.footerText);
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedFields);
          for (const field of e.fields ?? []) {
            expect(field.name.length).toBeGreaterThan(0);
            expect(field.name.length).toBeLessThanOrEqual(discordLimits.fieldName);
            expect(field.value.length).toBeGreaterThan(0);
            expect(field.value.length).toBeLessThanOrEqual(discordLimits.fieldValue);
          }
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
