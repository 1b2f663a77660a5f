import Fuse from 'fuse.js';
import { type FuseDoc, matchOptions } from './fuse-docs.ts';
import type { FieldSpec } from './types.ts';

/**
 * fuse.js's scores for a query's few candidate documents, with each distinct value scored once.
 * Candidates repeat their values (aliases that fold alike, `te` from `the` in every post), and
 * fuse.js over the documents would run its bitap search on every copy, for every pattern.
 *
 * fuse.js scores the distinct values as a list of strings, matching as it would in documents. A document's
 * score is then put together as fuse.js puts it: the product, over its matching values in field
 * and value order, of the value's score raised to its field's share of the weights times the
 * value's length norm (a perfect match counting as Number.EPSILON). So the scores are fuse.js's
 * own, bit for bit; tests hold them to plain fuse.js over the same documents.
 */

export interface DocScorer {
  /** Per document, in the given order, fuse.js's score for `pattern`; undefined where no value matches. */
  scores(pattern: string): (number | undefined)[];
}

export function createDocScorer(
  docs: readonly FuseDoc[],
  fields: readonly FieldSpec[],
  threshold: number,
): DocScorer {
  const idOf = new Map<string, number>();
  const values: string[] = [];
  // Per document, its values as (field, value id) pairs, flat, in field then value order.
  const docValues = docs.map((doc) => {
    const pairs: number[] = [];
    fields.forEach((spec, f) => {
      for (const value of doc[spec.name] ?? []) {
        let id = idOf.get(value);
        if (id === undefined) {
          id = values.length;
          idOf.set(value, id);
          values.push(value);
        }
        pairs.push(f, id);
      }
    });
    return pairs;
  });
  const options = { ...matchOptions(threshold), ignoreFieldNorm: true };
  const norms = new Float64Array(values.length);
  for (const record of new Fuse(values, options).getIndex().records) norms[record.i] = record.n ?? 1;
  // fuse.js divides each key's weight by their sum.
  const total = fields.reduce((sum, spec) => sum + spec.weight, 0);
  const shares = fields.map((spec) => spec.weight / total);
  const valueScores = new Float64Array(values.length);

  return {
    scores(pattern) {
      valueScores.fill(-1);
      const chars = charCounts(pattern);
      const ids: number[] = [];
      values.forEach((value, id) => {
        if (mayMatch(pattern.length, chars, value, threshold)) ids.push(id);
      });
      const fuse = new Fuse(
        ids.map((id) => values[id] ?? ''),
        options,
      );
      for (const result of fuse.search(pattern)) valueScores[ids[result.refIndex] ?? 0] = result.score ?? 1;
      return docValues.map((pairs) => {
        let score: number | undefined;
        for (let k = 0; k < pairs.length; k += 2) {
          const id = pairs[k + 1] ?? 0;
          const value = valueScores[id] ?? -1;
          if (value < 0) continue;
          const exponent = (shares[pairs[k] ?? 0] ?? 1) * (norms[id] ?? 1);
          score = (score ?? 1) * (value === 0 ? Number.EPSILON : value) ** exponent;
        }
        return score;
      });
    },
  };
}

/**
 * fuse.js's bitap search takes a pattern at most this long, longer ones in pieces this long, and
 * a value matches if one piece does.
 */
const BITAP_BITS = 32;

/** Per UTF-16 code unit (what fuse.js compares), how often the pattern has it; scratch, reset after each use. */
const patternChars = new Uint8Array(0x10000);

function charCounts(pattern: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether fuse.js could match `value` at all. A piece of m characters matches with e errors only
 * if e / m is within the threshold, and every character of the piece the value lacks (counted with
 * repeats) is an error. fuse.js's bitap costs about the same whether or not it matches, so this
 * check saves most of it: a long query against a short word, or Latin letters against Hangul,
 * cannot match. It never rules out a value fuse.js would match, so the scores stay fuse.js's own.
 */
function mayMatch(
  length: number,
  chars: ReadonlyMap<number, number>,
  value: string,
  threshold: number,
): boolean {
  const piece = Math.min(length, BITAP_BITS);
  // A value shorter than the piece by more than the errors allowed cannot match, whatever it holds.
  if ((piece - value.length) / piece > threshold) return false;
  for (const [code, count] of chars) patternChars[code] = count;
  let shared = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((patternChars[code] ?? 0) > 0) {
      patternChars[code] = (patternChars[code] ?? 0) - 1;
      shared++;
    }
  }
  for (const code of chars.keys()) patternChars[code] = 0;
  // Each piece of a longer pattern shares at most what the whole pattern shares.
  return (piece - Math.min(shared, piece)) / piece <= threshold;
}
