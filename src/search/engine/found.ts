import type { MatchTier } from '../types.ts';

/** A document a query found, by rank, and how: what every tier produces and the engine ranks. */
export interface Found {
  rank: number;
  tier: MatchTier;
  /**
   * Ranks hits within their tier: the field for exact hits, the kind of match then the field for
   * prefix hits (negative for words lined up in any order), -1 for the id typed as is.
   */
  order: number;
  score: number;
  /** Field index, or -1 for the id. */
  field: number;
  /** For a fuzzy hit, the indexed word that brought it in: the matched value is one holding it. */
  near?: string;
}

/** Found documents by rank, each with its best way of being found. */
export type FoundByRank = Map<number, Found>;

/** Records `candidate` unless its document was already found as well or better. */
export function keepBest(found: FoundByRank, candidate: Found): void {
  const known = found.get(candidate.rank);
  if (known === undefined || compareFound(candidate, known) < 0) found.set(candidate.rank, candidate);
}

const tierOrder: Record<MatchTier, number> = { exact: 0, prefix: 1, fuzzy: 2 };

/**
 * Tier first; exact and prefix hits by bucket, fuzzy by score (to two places, so near-ties go by
 * rank); then `spelling` (negative when `a` is spelt as typed and `b` is not); then rank.
 */
export function compareFound(a: Found, b: Found, spelling = 0): number {
  return (
    tierOrder[a.tier] - tierOrder[b.tier] ||
    a.order - b.order ||
    (a.tier === 'fuzzy' ? Math.round(a.score * 100) - Math.round(b.score * 100) : 0) ||
    spelling ||
    a.rank - b.rank
  );
}
