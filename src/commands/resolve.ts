import { type RecordKind, type RecordOfKind, recordById } from '../knowledge/kinds.ts';
import type { Hit } from '../search/types.ts';
import type { BotContext } from './context.ts';

/**
 * Runners-up within this score of the best hit, in the same tier, make the answer ambiguous:
 * the card is still shown, with an "Also matching" line.
 */
const closeScoreGap = 0.1;
const maxHits = 6;
const maxSuggestions = 3;

export type Resolution<K extends RecordKind> =
  | { found: true; record: RecordOfKind[K]; others: Hit<K>[] }
  | { found: false; suggestions: Hit<K>[] };

/**
 * What a user's text names. A chosen autocomplete entry submits the record id, so an exact id
 * wins; anything typed freely goes through search.
 */
export function resolve<K extends RecordKind>(ctx: BotContext, kind: K, text: string): Resolution<K> {
  const byId = recordById(ctx.knowledge, kind, text);
  if (byId) return { found: true, record: byId, others: [] };
  const hits = text === '' ? [] : ctx.search.search(kind, text, maxHits);
  const [best, ...rest] = hits;
  if (!best)
    return { found: false, suggestions: text === '' ? [] : ctx.search.suggest(kind, text, maxSuggestions) };
  const others = rest.filter((hit) => hit.tier === best.tier && hit.score - best.score <= closeScoreGap);
  return { found: true, record: best.record, others };
}
