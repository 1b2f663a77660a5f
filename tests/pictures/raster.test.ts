import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MAX_PNG_BYTES, PictureTooLargeError, svgToPng } from '../../src/pictures/raster.ts';
import { pngHeader } from './png.ts';

describe('svgToPng', () => {
  it('renders at the size the SVG states', () => {
    const { png, width, height } = svgToPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="60" height="20"/></svg>',
    );
    expect([width, height]).toEqual([120, 40]);
    expect(pngHeader(png)).toEqual({ width: 120, height: 40 });
  });

  it('refuses a PNG over the limit with an error that says how big it was', () => {
    // Noise does not compress: 600x600 random pixels are about 1.4 MB as PNG. (A fixed seed (xorshift32) keeps
    // the test the same every run.)
    const noise = new PNG({ width: 600, height: 600 });
    let seed = 1;
    for (let i = 0; i < noise.data.length; i += 1) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      noise.data[i] = i % 4 === 3 ? 255 : seed >>> 24;
    }
    const href = `data:image/png;base64,${PNG.sync.write(noise).toString('base64')}`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="600" height="600"><image width="600" height="600" xlink:href="${href}"/></svg>`;
    let error: unknown;
    try {
      svgToPng(svg);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PictureTooLargeError);
    const tooLarge = error as PictureTooLargeError;
    expect(tooLarge.bytes).toBeGreaterThan(MAX_PNG_BYTES);
    expect(tooLarge.message).toContain('600x600');
    expect(tooLarge.message).toContain(String(MAX_PNG_BYTES));
  });
});
