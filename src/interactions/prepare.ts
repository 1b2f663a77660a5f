import type { BotContext } from '../commands/context.ts';
import { preparePictures } from '../pictures/index.ts';
import { pictureTexts } from '../render/pictures.ts';

/**
 * Builds what answers need before the first interaction asks: the search indexes, the glyphs of
 * the pictures' text and the world map. Transports call it once they can take interactions (or
 * just before), never before connecting, which it would delay; an interaction that comes first
 * builds what it needs itself. Returns how long it took, for the log.
 */
export function prepareAnswers(context: BotContext): { preparedMs: number } {
  const start = performance.now();
  context.search.prepare();
  preparePictures(pictureTexts(context.knowledge));
  return { preparedMs: Math.round(performance.now() - start) };
}
