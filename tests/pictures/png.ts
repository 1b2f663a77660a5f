import { PNG } from 'pngjs';
import { expect } from 'vitest';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, after checking the signature: what any viewer reads first. */
export function pngHeader(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Fully decoded (pngjs checks every chunk's CRC and inflates the pixels). */
export function decodePng(png: Buffer): PNG {
  return PNG.sync.read(png);
}

/** Pixels that are not (nearly) white: ink on the page. */
export function inkPixels(image: PNG): number {
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r = 255, g = 255, b = 255, a = 0] = image.data.subarray(i, i + 4);
    if (a > 0 && r + g + b < 600) ink += 1;
  }
  return ink;
}

/** Every aria-label in an SVG, unescaped: the text the picture shows. */
export function shownTexts(svg: string): string[] {
  return [...svg.matchAll(/<g aria-label="([^"]*)"/g)].map((m) =>
    (m[1] ?? '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&'),
  );
}
