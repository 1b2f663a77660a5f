import { describe, expect, it } from 'vitest';
import { clearPictureCache } from '../../src/pictures/cache.ts';
import { MAP_HEIGHT, MAP_WIDTH, renderMap } from '../../src/pictures/map.ts';
import { MAX_PNG_BYTES } from '../../src/pictures/raster.ts';
import type { MapInput, MapPointInput } from '../../src/pictures/types.ts';
import { decodePng, pngHeader, shownTexts } from './png.ts';

const london: MapPointInput = { lat: 51.5074, lon: -0.1278, label: 'London' };
const seoul: MapPointInput = { lat: 37.5665, lon: 126.978, label: 'Seoul' };
const rome: MapPointInput = { lat: 41.9028, lon: 12.4964, label: 'Rome' };
const bangkok: MapPointInput = { lat: 13.7563, lon: 100.5018, label: 'Bangkok' };
const washington: MapPointInput = { lat: 38.9072, lon: -77.0369, label: 'Washington' };
const legend = { post: 'Post', destination: 'Destination', route: 'Route' };

const thae: MapInput = {
  title: 'Thae Yong-ho: London to Seoul',
  routes: [{ label: 'Thae Yong-ho', points: [london, seoul] }],
  legend,
  alt: 'Map of the route from London to Seoul.',
};

/** Centres of the post and destination markers, in the order drawn. */
function markers(svg: string): { x: number; y: number }[] {
  return [...svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)" r="(?:5|5\.5)"/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

function spread(svg: string): number {
  const [a, b] = markers(svg);
  if (a === undefined || b === undefined) throw new Error('expected two markers');
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('renderMap', () => {
  it(`is a ${MAP_WIDTH}x${MAP_HEIGHT} PNG that decodes, under the size limit`, () => {
    const picture = renderMap(thae);
    expect([picture.width, picture.height]).toEqual([MAP_WIDTH, MAP_HEIGHT]);
    expect(pngHeader(picture.png)).toEqual({ width: MAP_WIDTH, height: MAP_HEIGHT });
    const image = decodePng(picture.png);
    expect([image.width, image.height]).toEqual([MAP_WIDTH, MAP_HEIGHT]);
    expect(picture.png.length).toBeLessThanOrEqual(MAX_PNG_BYTES);
    expect(picture.alt).toBe(thae.alt);
  });

  it('labels the title, places, route and legend in English', () => {
    const texts = shownTexts(renderMap(thae).svg);
    for (const text of [
      'Thae Yong-ho: London to Seoul',
      'London',
      'Seoul',
      'Thae Yong-ho',
      'Post',
      'Destination',
      'Route',
    ]) {
      expect(texts).toContain(text);
    }
  });

  it('labels them in Korean from a Korean input', () => {
    const picture = renderMap({
      title: '조성길: 로마에서 서울로',
      routes: [
        {
          label: '조성길',
          points: [
            { ...rome, label: '로마' },
            { ...seoul, label: '서울' },
          ],
        },
      ],
      legend: { post: '근무지', destination: '도착지', route: '경로' },
      alt: '로마에서 서울까지의 경로 지도.',
    });
    expect(shownTexts(picture.svg)).toEqual(
      expect.arrayContaining([
        '조성길: 로마에서 서울로',
        '로마',
        '서울',
        '조성길',
        '근무지',
        '도착지',
        '경로',
      ]),
    );
  });

  it('zooms to a single route, and shows the whole world for several', () => {
    const one = spread(renderMap(thae).svg);
    const world = spread(
      renderMap({ ...thae, routes: [...thae.routes, { label: 'Someone', points: [bangkok, washington] }] })
        .svg,
    );
    expect(one).toBeGreaterThan(600);
    expect(world).toBeLessThan(450);
    // A short hop is zoomed too, but keeps some of its region around it.
    const hop = spread(
      renderMap({
        ...thae,
        routes: [{ label: 'x', points: [{ lat: 31.23, lon: 121.47, label: 'Shanghai' }, seoul] }],
      }).svg,
    );
    expect(hop).toBeGreaterThan(100);
    expect(hop).toBeLessThan(600);
  });

  it('keeps a route across the date line in one piece, inside the picture', () => {
    const svg = renderMap({ ...thae, routes: [{ label: 'x', points: [seoul, washington] }] }).svg;
    expect(spread(svg)).toBeGreaterThan(500);
    for (const m of markers(svg)) {
      expect(m.x).toBeGreaterThan(0);
      expect(m.x).toBeLessThan(MAP_WIDTH);
    }
  });

  it('writes a label once where several routes share a place', () => {
    const texts = shownTexts(
      renderMap({
        ...thae,
        routes: [
          { label: 'Thae Yong-ho', points: [london, seoul] },
          { label: 'Jo Song-gil', points: [rome, seoul] },
          { label: 'Someone', points: [bangkok, { ...seoul }] },
        ],
      }).svg,
    );
    expect(texts.filter((t) => t === 'Seoul')).toHaveLength(1);
    expect(texts).toEqual(expect.arrayContaining(['London', 'Rome', 'Bangkok']));
  });

  it('draws stops, single-point routes and an empty map', () => {
    const stops = renderMap({
      ...thae,
      routes: [{ label: 'x', points: [rome, { ...bangkok, label: 'Stop' }, seoul] }],
    });
    expect(shownTexts(stops.svg)).toEqual(expect.arrayContaining(['Rome', 'Stop', 'Seoul']));
    expect(renderMap({ ...thae, routes: [{ label: 'x', points: [london] }] }).png.length).toBeGreaterThan(0);
    expect(renderMap({ ...thae, routes: [] }).png.length).toBeGreaterThan(0);
  });

  it('refuses coordinates off the globe, naming the route and point', () => {
    expect(() =>
      renderMap({ ...thae, routes: [{ label: 'Thae', points: [london, { lat: 95, lon: 0, label: 'x' }] }] }),
    ).toThrow(/route 1 \("Thae"\) point 2/);
    expect(() =>
      renderMap({ ...thae, routes: [{ label: 'x', points: [{ lat: 0, lon: Number.NaN, label: 'x' }] }] }),
    ).toThrow(RangeError);
  });

  it('escapes markup in every text', () => {
    const picture = renderMap({
      title: 'a <b> & c',
      routes: [{ label: 'R & <D>', points: [{ ...london, label: '<London & "co">' }, seoul] }],
      legend: { post: 'p<', destination: 'd&', route: "r'" },
      alt: '<alt & "quoted">',
    });
    expect(picture.svg).not.toMatch(/<(b|D|London|alt)\b/);
    expect(picture.svg).toContain('aria-label="&lt;London &amp; &quot;co&quot;&gt;"');
    expect(picture.svg).toContain('<desc>&lt;alt &amp; &quot;quoted&quot;&gt;</desc>');
    expect(shownTexts(picture.svg)).toEqual(
      expect.arrayContaining(['a <b> & c', 'R & <D>', 'p<', 'd&', "r'"]),
    );
  });

  it('gives the same bytes for the same input, and the cache hands back the very same picture', () => {
    const first = renderMap(thae);
    expect(renderMap(structuredClone(thae))).toBe(first);
    clearPictureCache();
    const again = renderMap(thae);
    expect(again.png).not.toBe(first.png);
    expect(again.png.equals(first.png)).toBe(true);
  });
});
