/** Small helpers for writing SVG as a string: escaping and compact, stable numbers. */

/**
 * XML 1.0's Char production: resvg refuses the whole document for one character outside it (most
 * control characters, U+FFFE/U+FFFF, and a UTF-16 half without its other half).
 */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text made safe for both element content and attribute values. */
export function escapeXml(text: string): string {
  let kept = '';
  // for..of walks code points, and yields a lone surrogate on its own, which isXmlChar refuses.
  for (const c of text) if (isXmlChar(c.codePointAt(0) ?? 0)) kept += c;
  return kept.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A coordinate with one decimal: a tenth of a pixel is below what the eye sees, it keeps the SVG
 * small, and the same input always prints the same digits (no -0, no 0.30000000000000004).
 */
export function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

export interface SvgDocument {
  width: number;
  height: number;
  title: string;
  alt: string;
  /** Shared definitions (glyph outlines). */
  defs: string;
  body: string;
}

/** The whole document; title and desc make the SVG itself accessible, where it is used as SVG. */
export function svgDocument(doc: SvgDocument): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${doc.width}" height="${doc.height}" viewBox="0 0 ${doc.width} ${doc.height}" role="img" aria-label="${escapeXml(doc.alt)}">` +
    `<title>${escapeXml(doc.title)}</title><desc>${escapeXml(doc.alt)}</desc>` +
    `<defs>${doc.defs}</defs>` +
    `<rect width="${doc.width}" height="${doc.height}" fill="#ffffff"/>${doc.body}</svg>`
  );
}
