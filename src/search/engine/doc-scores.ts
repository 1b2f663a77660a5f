import Fuse from 'fuse.js';
import { type FieldValues, matchOptions } from './fuse-docs.ts';
import { valuesFuseMayMatch } from './may-match.ts';
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
  docs: readonly FieldValues[],
  fields: readonly FieldSpec[],
  threshold: number,
): DocScorer {
  const idOf = new Map<string, number>();
  const values: string[] = [];
  // Per document, its values as (field, value id) pairs, flat, in field then value order.
  const docValues = docs.map((doc) => {
    const pairs: number[] = [];
    doc.forEach((fieldValues, f) => {
      for (const value of fieldValues) {
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
  // fuse.js's length norm of each value, read from its index of the values it searches.
  const norms = new Float64Array(values.length);
  // fuse.js divides each key's weight by their sum.
  const total = fields.reduce((sum, spec) => sum + spec.weight, 0);
  const shares = fields.map((spec) => spec.weight / total);
  const valueScores = new Float64Array(values.length);

  return {
    scores(pattern) {
      valueScores.fill(-1);
      const ids = valuesFuseMayMatch(pattern, values, threshold);
      // Often no value is close enough (a word matched on its own against long names): no document matches.
      if (ids.length === 0) return docValues.map(() => undefined);
      const fuse = new Fuse(
        ids.map((id) => values[id] ?? ''),
        options,
      );
      for (const record of fuse.getIndex().records) norms[ids[record.i] ?? 0] = record.n ?? 1;
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
