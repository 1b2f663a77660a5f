/**
 * The two packed posting formats of the engine's inverted index, one integer per entry, so a
 * posting list is an Int32Array that sorts and scans without allocation.
 *
 * Name postings (joined name tails) are `bucket * MAX_DOCS + rank`, the bucket being the kind of
 * joined tail times field count plus the field. Sorted, a list reads bucket by bucket, each in
 * rank order. Word postings (folded words) are `rank * MAX_FIELDS + field`, in rank order.
 *
 * Plain functions on numbers: V8 inlines them, so naming a decode costs nothing over writing it out.
 */

export const MAX_FIELDS = 32;
/**
 * The list of a key with no postings. Code reading lists then always reads an Int32Array: given
 * a plain [] now and then, V8 threw away the pre-filter's optimised code to handle both.
 */
export const NO_POSTINGS = new Int32Array(0);
export const MAX_DOCS = 1 << 24;

/** The kind of joined tail a name posting is for; the lower sorts (and ranks) first. */
export type TailKind = typeof WHOLE | typeof TAILS | typeof LAST;
/** The whole value run together (`josonggil`). */
export const WHOLE = 0;
/** A later tail of two words or more (`songgil`). */
export const TAILS = 1;
/** The last word alone (`gil`). */
export const LAST = 2;

/** The kind of the tail at `position` of a value's `count` joined tails (see `joinedTails`). */
export function tailKindAt(position: number, count: number): TailKind {
  return position === 0 ? WHOLE : position < count - 1 ? TAILS : LAST;
}

export function encodeNamePosting(kind: TailKind, field: number, rank: number): number {
  return (kind * MAX_FIELDS + field) * MAX_DOCS + rank;
}

/** Tail kind and field together: the part of a name posting its list is sorted by first. */
export function namePostingBucket(entry: number): number {
  return Math.floor(entry / MAX_DOCS);
}

export function namePostingRank(entry: number): number {
  return entry % MAX_DOCS;
}

export function namePostingField(entry: number): number {
  return bucketField(namePostingBucket(entry));
}

export function bucketField(bucket: number): number {
  return bucket % MAX_FIELDS;
}

export function bucketTailKind(bucket: number): number {
  return Math.floor(bucket / MAX_FIELDS);
}

/** The first position after `from` in a sorted name posting list whose bucket differs. */
export function nextBucket(list: Int32Array, from: number, bucket: number): number {
  const bound = (bucket + 1) * MAX_DOCS;
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function encodeWordPosting(rank: number, field: number): number {
  return rank * MAX_FIELDS + field;
}

export function wordPostingRank(entry: number): number {
  return (entry / MAX_FIELDS) | 0;
}

export function wordPostingField(entry: number): number {
  return entry % MAX_FIELDS;
}
