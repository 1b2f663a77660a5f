/** SVG string to PNG bytes with resvg: no browser, no system fonts (all text arrives as outlines). */
import { Resvg } from '@resvg/resvg-js';

/** Pictures go into Discord messages next to text; keeping them small keeps replies quick. */
export const MAX_PNG_BYTES = 1_000_000;

export class PictureTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly width: number,
    readonly height: number,
  ) {
    super(`picture ${width}x${height} is ${bytes} bytes as PNG, over the limit of ${MAX_PNG_BYTES} bytes`);
    this.name = 'PictureTooLargeError';
  }
}

export interface Raster {
  png: Buffer;
  width: number;
  height: number;
}

export function svgToPng(svg: string): Raster {
  const rendered = new Resvg(svg, {
    // Never scan the machine's fonts: the picture must look the same on every host, and text is
    // drawn as outlines before it gets here.
    font: { loadSystemFonts: false },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  }).render();
  const png = rendered.asPng();
  if (png.length > MAX_PNG_BYTES) throw new PictureTooLargeError(png.length, rendered.width, rendered.height);
  return { png, width: rendered.width, height: rendered.height };
}
