import { create } from 'fontkit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { preparePictures } from '../../src/pictures/index.ts';
import type { RenderContext } from '../../src/render/card.ts';
import type { Lang } from '../../src/render/i18n.ts';
import {
  defectionsMap,
  mappedDefections,
  pictureTexts,
  routeMap,
  timelineChart,
} from '../../src/render/pictures.ts';
import { ctx } from '../context.ts';

// The real fontkit, with its parser counted: each call is one reading of the 6 MB font.
vi.mock('fontkit', async (importOriginal) => {
  const fontkit = await importOriginal<typeof import('fontkit')>();
  return { ...fontkit, create: vi.fn(fontkit.create) };
});

const fontReads = () => vi.mocked(create).mock.calls.length;

/** text.ts as a process that has drawn nothing yet: no glyphs remembered. */
async function freshText() {
  vi.resetModules();
  return import('../../src/pictures/text.ts');
}

/** The SVG of one line of text, as TextLayer writes it. */
function line(text: typeof import('../../src/pictures/text.ts'), words: string): string {
  const layer = new text.TextLayer();
  return `${layer.defs()}${layer.run(words, 0, 20, { size: 14, fill: '#000000' })}${layer.defs()}`;
}

beforeEach(() => {
  vi.mocked(create).mockClear();
});

describe('pictures prepared at start-up', () => {
  it('reads the font once, for every text the bot draws, and never while drawing', () => {
    preparePictures(pictureTexts(ctx.knowledge));
    expect(fontReads()).toBe(1);
    for (const lang of ['en', 'ko'] as const satisfies readonly Lang[]) {
      const render: RenderContext = { knowledge: ctx.knowledge, lang };
      // Every picture the commands draw: each route map, each person's timeline, and everything at once.
      for (const person of ctx.knowledge.people) {
        routeMap(render, person, 0)?.render();
        const events = ctx.knowledge.events.filter((event) => event.people.includes(person.id));
        if (events.length > 0) timelineChart(render, events, {}, 0).render();
      }
      timelineChart(render, ctx.knowledge.events, {}, 0).render();
      defectionsMap(render, mappedDefections(render, {}), 0).render();
    }
    expect(fontReads()).toBe(1);
  });

  it('reads the font again for text not prepared, once a string, and draws it the same', async () => {
    const words = 'Pyongyang 평양 1997...';
    const prepared = await freshText();
    prepared.prepareGlyphs([words]);
    const expected = line(prepared, words);
    expect(fontReads()).toBe(1);

    const lazy = await freshText();
    lazy.prepareGlyphs(['Pyong']);
    expect(fontReads()).toBe(2);
    // Several glyphs missing from one string: one more reading, not one a glyph.
    expect(line(lazy, words)).toBe(expected);
    expect(fontReads()).toBe(3);
    expect(lazy.measure(words, 14)).toBe(prepared.measure(words, 14));
    expect(fontReads()).toBe(3);
  });

  it('reads the font once for a whole picture of text not prepared, not once a string', async () => {
    vi.resetModules();
    const { renderTimelineChart } = await import('../../src/pictures/index.ts');
    renderTimelineChart({
      title: '연표',
      rows: ['태영호', '조성길', 'Ri Il-gyu'].map((label, i) => ({
        label,
        events: [{ date: String(2016 + i), kind: 'defection' }],
      })),
      axisLabel: '연도',
      kindLabels: { defection: '망명' },
      moreRows: '외 {n}명',
      alt: '',
    });
    expect(fontReads()).toBe(1);
  });
});
