/**
 * Text as glyph outlines. resvg can draw <text> itself, but with a 6 MB CJK font it re-reads the
 * font file for every glyph (resvg-js 2.6 takes fonts only as file paths): about 1 ms a glyph,
 * close to a second for a chart's labels. So the font is parsed here once, with fontkit, each
 * glyph's outline is kept, and every string becomes <use> references to those outlines. Widths come
 * from the same font, so labels are measured exactly and cut to fit; resvg never needs a font.
 *
 * The font is Noto Sans KR Regular (SIL Open Font License) from @expo-google-fonts/noto-sans-kr,
 * which ships TTF files: Latin, Hangul and the punctuation the data uses. Positioning is by advance
 * widths only (no kerning, no shaping): Hangul syllables are precomposed, and labels are short.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { escapeXml, n } from './svg.ts';

const FONT_FILE = '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf';

let font: Font | undefined;

/** Loaded on first use or by `preparePictures`, not at import: importing reads nothing. */
export function theFont(): Font {
  if (font === undefined) {
    const made = create(readFileSync(createRequire(import.meta.url).resolve(FONT_FILE)));
    if (!('glyphForCodePoint' in made)) throw new Error(`${FONT_FILE} is a font collection, not one font`);
    font = made;
  }
  return font;
}

interface Glyph {
  id: number;
  /** In font units. */
  advance: number;
  /** Outline in font units, y up; empty for a space. */
  d: string;
}

/**
 * Outlines by code point. fontkit takes about a millisecond to decode a Hangul glyph, so they are
 * remembered; 4,096 covers every syllable a chart of names uses many times over, at a few MB.
 */
const GLYPH_CAPACITY = 4_096;
const glyphs = new Map<number, Glyph>();

function glyphFor(codePoint: number): Glyph {
  const known = glyphs.get(codePoint);
  if (known !== undefined) {
    glyphs.delete(codePoint);
    glyphs.set(codePoint, known);
    return known;
  }
  const font = theFont();
  const g = font.glyphForCodePoint(codePoint);
  const glyph = { id: g.id, advance: g.advanceWidth, d: g.path.toSVG() };
  // fontkit keeps every glyph it decodes, with its parsed outline, for good: about 8 KB a Hangul
  // syllable, 8 MB over a thousand, where the outline kept here is a tenth of that. Its cache is a
  // private field (`_glyphs`, by glyph id); should a fontkit release rename it, this does nothing.
  delete (font as unknown as { _glyphs?: Record<number, unknown> })._glyphs?.[g.id];
  glyphs.set(codePoint, glyph);
  if (glyphs.size > GLYPH_CAPACITY) glyphs.delete(glyphs.keys().next().value as number);
  return glyph;
}

/**
 * The text as it will be drawn: composed (Hangul typed as separate jamo becomes syllables, which
 * is what the font has glyphs for), line breaks and tabs as spaces, other control characters gone.
 */
export function cleanText(text: string): string {
  let kept = '';
  for (const c of text.normalize('NFC').replace(/\s/g, ' ')) {
    const code = c.codePointAt(0) ?? 0;
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) kept += c;
  }
  return kept;
}

function codePoints(text: string): number[] {
  return Array.from(cleanText(text), (c) => c.codePointAt(0) ?? 0x20);
}

function unitsPerEm(): number {
  return theFont().unitsPerEm;
}

/** Width in pixels at `size` pixels. */
export function measure(text: string, size: number): number {
  let units = 0;
  for (const cp of codePoints(text)) units += glyphFor(cp).advance;
  return (units * size) / unitsPerEm();
}

/**
 * Three full stops rather than U+2026: in this Korean font the ellipsis sits mid-line, CJK style,
 * which reads as a glitch after Latin text.
 */
const ELLIPSIS = '...';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The text, or its longest start that fits `maxWidth` with an ellipsis after it. */
export function fitText(text: string, size: number, maxWidth: number): string {
  const clean = cleanText(text);
  if (measure(clean, size) <= maxWidth) return clean;
  const parts = Array.from(graphemes.segment(clean), (s) => s.segment);
  // Binary search on the number of graphemes kept: measuring is cheap, but names can be long.
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${parts.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`, size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${parts.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface RunStyle {
  size: number;
  fill: string;
  anchor?: Anchor;
  /** A white outline this many pixels wide under the letters, to keep them legible over a map. */
  halo?: number;
}

/**
 * Collects the glyph outlines one picture uses, so each is written once in <defs> however often
 * it appears.
 */
export class TextLayer {
  private readonly used = new Map<number, string>();

  /**
   * One line of text with its baseline at (x, y). The group carries the text as aria-label, so
   * the SVG still says what it shows (tests read it there too).
   */
  run(text: string, x: number, y: number, style: RunStyle): string {
    const clean = cleanText(text);
    const scale = style.size / unitsPerEm();
    let units = 0;
    let uses = '';
    for (const cp of codePoints(clean)) {
      const glyph = glyphFor(cp);
      if (glyph.d !== '') {
        this.used.set(glyph.id, glyph.d);
        uses += `<use xlink:href="#g${glyph.id}" x="${units}"/>`;
      }
      units += glyph.advance;
    }
    const width = units * scale;
    const left = style.anchor === 'end' ? x - width : style.anchor === 'middle' ? x - width / 2 : x;
    const halo =
      style.halo === undefined
        ? ''
        : ` stroke="#ffffff" stroke-width="${n(style.halo / scale)}" stroke-linejoin="round" paint-order="stroke"`;
    return (
      `<g aria-label="${escapeXml(clean)}" fill="${style.fill}"${halo} ` +
      `transform="translate(${n(left)} ${n(y)}) scale(${scale} ${-scale})">${uses}</g>`
    );
  }

  /** The <path> definitions for every glyph used so far, in a fixed order. */
  defs(): string {
    return [...this.used]
      .sort(([a], [b]) => a - b)
      .map(([id, d]) => `<path id="g${id}" d="${d}"/>`)
      .join('');
  }
}
