import type { APIInteraction, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/commands/context.ts';
import { respondWithFiles } from '../../src/interactions/respond.ts';
import type { Place } from '../../src/knowledge/schema.ts';
import { defectionsMap, mappedDefections, routeMap, timelineChart } from '../../src/render/pictures.ts';
import { ctx } from '../context.ts';
import { press, slash } from '../interactions/build.ts';
import { pngHeader } from './png.ts';

/** The core's answer with its files; an error it reports fails the test. */
function withFiles(interaction: APIInteraction, context: BotContext = ctx) {
  const errors: unknown[] = [];
  const out = respondWithFiles(interaction, context, (error) => errors.push(error));
  return { ...out, data: (out.response as { data: APIInteractionResponseCallbackData }).data, errors };
}

describe('pictures in replies', () => {
  it('/timeline attaches its chart: a PNG the embed shows, listed as an attachment with alt text', () => {
    const { files, data, errors } = withFiles(slash('timeline', { person: 'thae yong ho' }));
    expect(errors).toEqual([]);
    expect(files.map((file) => file.name)).toEqual(['timeline.png']);
    expect(pngHeader(files[0]?.data as Buffer)).toMatchObject({ width: 900 });
    expect(files[0]?.data.length).toBeLessThanOrEqual(1_000_000);
    expect(data.embeds?.[0]?.image).toEqual({ url: 'attachment://timeline.png' });
    expect(data.attachments).toEqual([
      {
        id: 0,
        filename: 'timeline.png',
        description: expect.stringMatching(/^Timeline chart of \d+ events/),
      },
    ]);
  });

  it('keeps the chart when paging: the same picture, byte for byte, on the next page', () => {
    const first = withFiles(slash('timeline'));
    const second = withFiles(press('timeline:2:'));
    expect(second.data.embeds?.[0]?.image).toEqual({ url: 'attachment://timeline.png' });
    expect(second.files[0]?.data.equals(first.files[0]?.data as Buffer)).toBe(true);
  });

  it('/defector shows the route map; the "why" view, which has none, clears it', () => {
    const card = withFiles(slash('defector', { name: 'jo song gil' }));
    expect(card.files.map((file) => file.name)).toEqual(['route.png']);
    expect(pngHeader(card.files[0]?.data as Buffer)).toEqual({ width: 900, height: 460 });
    const why = withFiles(press('why:thae-yong-ho'));
    expect(why.files).toEqual([]);
    expect(why.data.attachments).toEqual([]);
  });

  it('/map draws every mapped defection, in the reader language, with Korean alt text for Korean readers', () => {
    const en = withFiles(slash('map'));
    const ko = withFiles(slash('map', {}, 'ko'));
    expect(en.files.map((file) => file.name)).toEqual(['map.png']);
    expect(en.data.attachments?.[0]?.description).toMatch(/^World map of \d+ defections/);
    expect(ko.data.attachments?.[0]?.description).toMatch(/^망명 \d+건의 세계 지도/);
    expect(withFiles(slash('map', { from: 1900, to: 1901 })).data.flags).toBe(64);
  });

  it('/map reads years given the wrong way round as the same span, as /timeline does', () => {
    const span = withFiles(slash('map', { from: 1990, to: 2000 }));
    const swapped = withFiles(slash('map', { from: 2000, to: 1990 }));
    expect(span.data.embeds?.[0]?.title).toContain('1990');
    expect(swapped.data).toEqual(span.data);
    expect(swapped.files[0]?.data.equals(span.files[0]?.data as Buffer)).toBe(true);
  });

  it("labels the pictures in the reader's language (checked on the SVG)", () => {
    const thae = ctx.knowledge.byId.people.get('thae-yong-ho') as NonNullable<
      ReturnType<typeof ctx.knowledge.byId.people.get>
    >;
    const events = ctx.knowledge.events.filter((event) => event.people.includes('thae-yong-ho'));
    for (const [lang, name, kind, place] of [
      ['en', 'Thae Yong-ho', 'Defection', 'United Kingdom'],
      ['ko', '태영호', '망명', '영국'],
    ] as const) {
      const render = { knowledge: ctx.knowledge, lang };
      const chart = timelineChart(render, events, {}, 0).render().svg;
      expect(chart).toContain(name);
      expect(chart).toContain(kind);
      const route = routeMap(render, thae, 0)?.render().svg ?? '';
      expect(route).toContain(place);
      const world = defectionsMap(render, mappedDefections(render, {}), 0).render().svg;
      expect(world).toContain(place);
    }
  });

  it('sends the text without the picture when the picture fails, and reports the error', () => {
    // A place whose coordinates cannot be drawn: the map renderer throws on them.
    const places = new Map<string, Place>(
      [...ctx.knowledge.byId.places].map(([id, place]) => [
        id,
        id === 'italy' ? { ...place, coordinates: { lat: Number.NaN, lon: Number.NaN } } : place,
      ]),
    );
    const broken: BotContext = {
      ...ctx,
      knowledge: { ...ctx.knowledge, byId: { ...ctx.knowledge.byId, places } },
    };
    const { files, data, errors } = withFiles(slash('defector', { name: 'jo song gil' }), broken);
    expect(errors).toHaveLength(1);
    expect(files).toEqual([]);
    expect(data.embeds?.[0]?.title).toBe('Jo Song-gil (조성길)');
    expect(data.embeds?.[0]?.image).toBeUndefined();
    expect(data.attachments).toBeUndefined();
  });
});
