import { theWorld } from './map.ts';
import { prepareGlyphs } from './text.ts';

/** What the pictures draw of their own: year ticks and counts of rows left out. */
const OWN_TEXT = '0123456789';

/**
 * Decodes the glyphs of `texts` (everything the caller's pictures will say) and reads the world
 * map now, so that the first reply with a picture does not pay for them: several hundred
 * milliseconds on a busy machine, with every other interaction waiting behind it on the one event
 * loop. The font (6 MB) is read for this and let go; text not given here still draws, reading the
 * font again when it comes.
 */
export function preparePictures(texts: Iterable<string>): void {
  prepareGlyphs([OWN_TEXT, ...texts]);
  theWorld();
}
