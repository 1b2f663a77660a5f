import type { BotContext } from '../commands/context.ts';
import { preparePictures } from '../pictures/index.ts';

/**
 * Builds what answers need before the first interaction asks: the search indexes, the font and the
 * world map. Transports call it once they can take interactions (or just before), never before
 * connecting, which it would delay; an interaction that comes first builds what it needs itself.
 * Returns how long it took, for the log.
 */
export function prepareAnswers(context: BotContext): { preparedMs: number } {
  const start = performance.now();
  context.search.prepare();
  preparePictures();
  return { preparedMs: Math.round(performance.now() - start) };
}
