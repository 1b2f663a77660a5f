/**
 * Text as glyph outlines. resvg can draw <text> itself, but with a 6 MB CJK font it re-reads the
 * font file for every glyph (resvg-js 2.6 takes fonts only as file paths): about 1 ms a glyph,
 * close to a second for a chart's labels. So the font is parsed here, with fontkit, each glyph's
 * outline is kept (the font is not), and every string becomes <use> references to those outlines.
 * Widths come from the same font, so labels are measured exactly and cut to fit; resvg never needs
 * a font.
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

/** The font's units per em, noted whenever it is loaded, so measuring never loads it for that alone. */
let emUnits: number | undefined;

/**
 * Reads and parses the font, for the caller to use and let go. It is not kept: the file is 6 MB
 * held in memory, and fontkit keeps every glyph it decodes with its parsed outline (about 8 KB a
 * Hangul syllable), where the outlines `glyphs` keeps are a tenth of that.
 */
function loadFont(): Font {
  const made = create(readFileSync(createRequire(import.meta.url).resolve(FONT_FILE)));
  if (!('glyphForCodePoint' in made)) throw new Error(`${FONT_FILE} is a font collection, not one font`);
  emUnits = made.unitsPerEm;
  return made;
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
 * `prepareGlyphs` fills it at start-up with everything the bot's pictures draw; any other code
 * point loads the font again, once for the picture (or the string, outside one) that needs it.
 */
const GLYPH_CAPACITY = 4_096;
const glyphs = new Map<number, Glyph>();

/**
 * Where a font loaded for a missing glyph is kept until the picture being drawn is finished (see
 * `drawing`), so that a picture of text not prepared reads the font once, not once a string.
 */
let picture: { font?: Font } | undefined;

/** Runs `draw`, one picture's drawing, keeping a font it has to load until it returns. */
export function drawing<T>(draw: () => T): T {
  const outer = picture;
  picture = {};
  try {
    return draw();
  } finally {
    picture = outer;
  }
}

function glyphsOf(codePoints: Iterable<number>): Glyph[] {
  const held = picture ?? {};
  return Array.from(codePoints, (codePoint) => {
    const known = glyphs.get(codePoint);
    if (known !== undefined) {
      glyphs.delete(codePoint);
      glyphs.set(codePoint, known);
      return known;
    }
    held.font ??= loadFont();
    const g = held.font.glyphForCodePoint(codePoint);
    const glyph = { id: g.id, advance: g.advanceWidth, d: g.path.toSVG() };
    glyphs.set(codePoint, glyph);
    if (glyphs.size > GLYPH_CAPACITY) glyphs.delete(glyphs.keys().next().value as number);
    return glyph;
  });
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
  return emUnits ?? loadFont().unitsPerEm;
}

/** Width in pixels at `size` pixels. */
export function measure(text: string, size: number): number {
  let units = 0;
  for (const glyph of glyphsOf(codePoints(text))) units += glyph.advance;
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

/**
 * Decodes the glyphs of every text given (and of the ellipsis `fitText` adds) with one loading of
 * the font, so that drawing them later never reads it.
 */
export function prepareGlyphs(texts: Iterable<string>): void {
  const wanted = new Set(codePoints(ELLIPSIS));
  for (const text of texts) for (const codePoint of codePoints(text)) wanted.add(codePoint);
  glyphsOf(wanted);
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
    for (const glyph of glyphsOf(codePoints(clean))) {
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
