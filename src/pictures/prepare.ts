import { theWorld } from './map.ts';
import { theFont } from './text.ts';

/**
 * Reads the font (6 MB) and the world map now, so that the first reply with a picture does not
 * pay for them: several hundred milliseconds on a busy machine, with every other interaction
 * waiting behind it on the one event loop.
 */
export function preparePictures(): void {
  theFont();
  theWorld();
}
