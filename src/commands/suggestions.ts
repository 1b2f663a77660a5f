import type { RecordKind } from '../knowledge/kinds.ts';
import { inlineCode } from '../render/escape.ts';
import type { Lang, Strings } from '../render/i18n.ts';
import { notice, type Reply } from '../render/message.ts';
import { recordTitle } from '../render/record.ts';
import type { AnyHit, Hit } from '../search/types.ts';

/** `A (가), B (나)`: the names of hits as a list reads them. */
function hitNames(lang: Lang, hits: readonly (Hit<RecordKind> | AnyHit)[]): string {
  return hits.map((hit) => `**${recordTitle(lang, hit as AnyHit)}**`).join(', ');
}

/** The private answer to a query that matched nothing: the query, escaped, and what came closest. */
export function missReply(
  lang: Lang,
  t: Strings,
  message: (query: string) => string,
  query: string,
  suggestions: readonly (Hit<RecordKind> | AnyHit)[],
): Reply {
  const miss = message(inlineCode(query));
  return notice(suggestions.length ? `${miss} ${t.didYouMean(hitNames(lang, suggestions))}` : miss);
}

/** `Also matching: B, C`, shown above a card when runners-up came close to the best hit. */
export function alsoMatching(
  lang: Lang,
  t: Strings,
  others: readonly (Hit<RecordKind> | AnyHit)[],
): string | undefined {
  return others.length ? `${t.alsoMatching}: ${hitNames(lang, others)}` : undefined;
}
