import { describe, expect, it } from 'vitest';
import { clearPictureCache } from '../../src/pictures/cache.ts';
import { MAX_PNG_BYTES } from '../../src/pictures/raster.ts';
import {
  dateSpan,
  MAX_TIMELINE_ROWS,
  renderTimelineChart,
  TIMELINE_WIDTH,
} from '../../src/pictures/timeline.ts';
import type { TimelineChartInput } from '../../src/pictures/types.ts';
import { decodePng, pngHeader, shownTexts } from './png.ts';

const english: TimelineChartInput = {
  title: 'Defections, 1991-2024',
  rows: [
    {
      label: 'Thae Yong-ho',
      events: [
        { date: '2004', kind: 'post' },
        { date: '2016-07', kind: 'defection' },
        { date: '2016-08-17', kind: 'arrival' },
      ],
    },
    { label: 'Jo Song-gil', events: [{ date: '2018-11', kind: 'defection' }] },
    { label: 'Ko Yong-hwan', events: [{ date: '1991-05', kind: 'defection' }] },
  ],
  axisLabel: 'Year',
  kindLabels: { post: 'Posted abroad', defection: 'Defected', arrival: 'Arrived in Seoul' },
  moreRows: '+{n} more',
  alt: 'Timeline of three defections from 1991 to 2018.',
};

const korean: TimelineChartInput = {
  title: '망명 연표',
  rows: [
    { label: '태영호', events: [{ date: '2016-07', kind: 'defection' }] },
    { label: '조성길', events: [{ date: '2018-11', kind: 'defection' }] },
  ],
  axisLabel: '연도',
  kindLabels: { defection: '망명' },
  moreRows: '외 {n}명',
  alt: '2016년과 2018년의 망명 두 건.',
};

describe('renderTimelineChart', () => {
  it('is a PNG that decodes at the size it states, under the size limit', () => {
    const picture = renderTimelineChart(english);
    expect(picture.width).toBe(TIMELINE_WIDTH);
    expect(pngHeader(picture.png)).toEqual({ width: picture.width, height: picture.height });
    const image = decodePng(picture.png);
    expect([image.width, image.height]).toEqual([picture.width, picture.height]);
    expect(picture.png.length).toBeLessThanOrEqual(MAX_PNG_BYTES);
    expect(picture.alt).toBe(english.alt);
  });

  it('shows the title, the names, the kinds in use and the axis label, in English', () => {
    const texts = shownTexts(renderTimelineChart(english).svg);
    for (const text of ['Defections, 1991-2024', 'Thae Yong-ho', 'Jo Song-gil', 'Ko Yong-hwan', 'Year']) {
      expect(texts).toContain(text);
    }
    expect(texts).toEqual(expect.arrayContaining(['Posted abroad', 'Defected', 'Arrived in Seoul']));
    // Ticks are whole years across the data's range (1991 to the end of 2018), never 2016.5.
    const ticks = texts.filter((t) => /^\d{4}(\.\d+)?$/.test(t)).map(Number);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.every(Number.isInteger)).toBe(true);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(1995);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(2015);
  });

  it('shows the same in Korean, from the Korean input', () => {
    const picture = renderTimelineChart(korean);
    const texts = shownTexts(picture.svg);
    expect(texts).toEqual(expect.arrayContaining(['망명 연표', '태영호', '조성길', '망명', '연도']));
    expect(picture.svg).toContain(`<desc>${korean.alt}</desc>`);
  });

  it('legends only the kinds it draws, with the labels given, and falls back to the key', () => {
    const texts = shownTexts(
      renderTimelineChart({
        ...korean,
        rows: [{ label: '태영호', events: [{ date: '2016', kind: 'unlisted' }] }],
        kindLabels: { defection: '망명', arrival: '도착' },
      }).svg,
    );
    expect(texts).toContain('unlisted');
    expect(texts).not.toContain('망명');
    expect(texts).not.toContain('도착');
  });

  it('caps the rows and says how many more there are, in the words given', () => {
    const rows = Array.from({ length: MAX_TIMELINE_ROWS + 7 }, (_, i) => ({
      label: `사람 ${i + 1}`,
      events: [{ date: String(1990 + i), kind: 'defection' }],
    }));
    const capped = renderTimelineChart({ ...korean, rows });
    const texts = shownTexts(capped.svg);
    expect(texts).toContain(`사람 ${MAX_TIMELINE_ROWS}`);
    expect(texts).not.toContain(`사람 ${MAX_TIMELINE_ROWS + 1}`);
    expect(texts).toContain('외 7명');
    const full = renderTimelineChart({ ...korean, rows: rows.slice(0, MAX_TIMELINE_ROWS) });
    expect(shownTexts(full.svg).some((t) => t.startsWith('외'))).toBe(false);
    // One more line for the "more" text, and the height follows the rows.
    expect(capped.height).toBeGreaterThan(full.height);
    expect(capped.height).toBeLessThan(1000);
  });

  it('keeps to from..to and leaves out events outside it', () => {
    const picture = renderTimelineChart({ ...english, from: 2015, to: 2019 });
    const texts = shownTexts(picture.svg);
    expect(texts).toContain('2015');
    expect(texts).toContain('2020');
    expect(texts).not.toContain('2010');
    // Ko Yong-hwan's only event (1991) is outside: his row stays, with no marker and no legend entry for it.
    expect(texts).toContain('Ko Yong-hwan');
    expect(texts).not.toContain('Posted abroad');
  });

  it('refuses dates that are not partial ISO dates, and an empty range', () => {
    for (const date of ['2016-13', '2016-02-30', '16', '2016/07', '2016-7', '']) {
      expect(
        () => renderTimelineChart({ ...english, rows: [{ label: 'x', events: [{ date, kind: 'post' }] }] }),
        date,
      ).toThrow(RangeError);
    }
    expect(() => renderTimelineChart({ ...english, rows: [] })).toThrow(/no dated events/);
    expect(() => renderTimelineChart({ ...english, from: 2020, to: 2010 })).toThrow(RangeError);
    // With from/to, an empty chart is fine.
    expect(renderTimelineChart({ ...english, rows: [], from: 2010, to: 2020 }).png.length).toBeGreaterThan(0);
  });

  it('places partial dates over the time they name', () => {
    expect(dateSpan('2016')).toEqual({ start: 2016, end: 2017, yearOnly: true });
    const july = dateSpan('2016-07');
    expect(july.start).toBeCloseTo(2016 + 182 / 366, 6);
    expect(july.end).toBeCloseTo(2016 + 213 / 366, 6);
    const day = dateSpan('2016-12-31');
    expect(day.end).toBeCloseTo(2017, 9);
    expect(dateSpan('2000-02-29').yearOnly).toBe(false);
  });

  it('escapes markup in labels, and renders them as text', () => {
    const picture = renderTimelineChart({
      ...english,
      title: 'A <b>&</b> "B"',
      rows: [{ label: '<script>&amp;</script>', events: [{ date: '2016', kind: 'post' }] }],
      kindLabels: { post: 'x < y & z > w' },
    });
    expect(picture.svg).not.toContain('<script>');
    expect(picture.svg).not.toContain('<b>');
    expect(picture.svg).toContain('&lt;script&gt;&amp;amp;&lt;/script&gt;');
    expect(picture.svg).toContain('<title>A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;</title>');
    expect(shownTexts(picture.svg)).toEqual(
      expect.arrayContaining(['<script>&amp;</script>', 'x < y & z > w']),
    );
  });

  it('gives the same bytes for the same input, and the cache hands back the very same picture', () => {
    const first = renderTimelineChart(english);
    expect(renderTimelineChart(english)).toBe(first);
    expect(renderTimelineChart(structuredClone(english)).png).toBe(first.png);
    clearPictureCache();
    const again = renderTimelineChart(english);
    expect(again.png).not.toBe(first.png);
    expect(again.png.equals(first.png)).toBe(true);
    expect(again.svg).toBe(first.svg);
  });
});
