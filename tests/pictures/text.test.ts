import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/pictures/raster.ts';
import { escapeXml, svgDocument } from '../../src/pictures/svg.ts';
import { cleanText, fitText, measure, TextLayer } from '../../src/pictures/text.ts';
import { decodePng, inkPixels } from './png.ts';

/** A small picture holding one line of text and nothing else. */
function textOnly(words: string): { svg: string; ink: number; pixels: Buffer } {
  const layer = new TextLayer();
  const body = layer.run(words, 10, 40, { size: 28, fill: '#000000' });
  const svg = svgDocument({ width: 200, height: 60, title: '', alt: '', defs: layer.defs(), body });
  const image = decodePng(svgToPng(svg).png);
  return { svg, ink: inkPixels(image), pixels: image.data };
}

describe('text in pictures', () => {
  it('draws Hangul as real glyphs, not blanks or missing-glyph boxes', () => {
    const thae = textOnly('태영호');
    const jo = textOnly('조성길');
    expect(thae.ink).toBeGreaterThan(300);
    expect(jo.ink).toBeGreaterThan(300);
    // A font without Hangul would draw the same .notdef box (glyph 0) for both names.
    expect(thae.pixels.equals(jo.pixels)).toBe(false);
    expect(thae.svg).not.toContain('id="g0"');
  });

  it('measures Hangul wider than Latin of the same length, and the font drives the widths', () => {
    expect(measure('태영호', 10)).toBeGreaterThan(measure('abc', 10));
    expect(measure('', 10)).toBe(0);
    expect(measure('ab', 10)).toBeCloseTo(measure('a', 10) + measure('b', 10), 6);
  });

  it('cuts text that does not fit, with an ellipsis, and leaves text that fits alone', () => {
    expect(fitText('Thae Yong-ho', 12, 500)).toBe('Thae Yong-ho');
    const cut = fitText('Thae Yong-ho, minister at the embassy in London', 12, 100);
    expect(cut.endsWith('...')).toBe(true);
    expect(measure(cut, 12)).toBeLessThanOrEqual(100);
    expect(cut.length).toBeGreaterThan(5);
  });

  it('composes jamo into syllables and drops control characters', () => {
    expect(cleanText('\u1110\u1162\u110B\u1167\u11BC\u1112\u1169')).toBe('태영호');
    expect(cleanText('a\nb\tc\u0000d\u0085e')).toBe('a b cde');
  });

  it('escapes text for XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
    expect(escapeXml('a\u0001b\uFFFEc\uD800d')).toBe('abcd');
    expect(escapeXml('태영호 😀')).toBe('태영호 😀');
  });
});
