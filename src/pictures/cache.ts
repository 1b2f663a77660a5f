/**
 * The last 64 pictures, keyed by a hash of what was asked for. A picture is a pure function of its
 * input, and the same card or timeline is asked for again and again (buttons, several people
 * looking at one defector), while a render costs tens of milliseconds and a cache hit microseconds.
 */
import { createHash } from 'node:crypto';
import { svgToPng } from './raster.ts';
import { drawing } from './text.ts';
import type { Picture } from './types.ts';

const CAPACITY = 64;
const entries = new Map<string, Picture>();

/**
 * The picture `drawSvg` draws, rendered to PNG once and remembered. `kind` separates the renderers,
 * so two inputs of the same shape cannot share a picture.
 */
export function cachedPicture(kind: string, input: unknown, alt: string, drawSvg: () => string): Picture {
  const key = createHash('sha256')
    .update(kind)
    .update('\0')
    .update(JSON.stringify(input))
    .digest('base64url');
  const hit = entries.get(key);
  if (hit !== undefined) {
    // Re-inserting makes it the newest: a Map iterates in insertion order, so the first is the oldest.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  // A render that throws is not remembered: the caller logs it, and the next ask tries again.
  const raster = svgToPng(drawing(drawSvg));
  const picture: Picture = Object.freeze({
    ...raster,
    alt,
    // The SVG is 100-200 KB of text a picture, 8 MB for a full cache, and only tests and someone
    // debugging a layout read it: it is drawn again when asked (the same input gives the same SVG).
    get svg() {
      return drawing(drawSvg);
    },
  });
  entries.set(key, picture);
  if (entries.size > CAPACITY) entries.delete(entries.keys().next().value as string);
  return picture;
}

/** For tests and benchmarks that need a render to really happen. */
export function clearPictureCache(): void {
  entries.clear();
}
