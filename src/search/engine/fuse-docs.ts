import type { IFuseOptions } from 'fuse.js';
import { foldedWords } from '../normalise.ts';
import type { EngineDoc, FieldSpec } from './types.ts';

/**
 * What fuse.js is given: per field, the folded values (long text as its distinct words, sorted, so
 * the fuzzy tier can list a candidate's near words in the same order), and the keys and options
 * it scores with. The engine hands fuse.js a few candidates at a time; the bench
 * and tests hand it the whole corpus the same way, to compare the engine against plain fuse.js.
 */

export type FuseDoc = Record<string, string[]>;

/** Per field, in spec order, the folded words of each of its values that has any. */
export type FoldedFields = string[][][];

/** fuse.js's threshold when a query gives none. */
export const DEFAULT_THRESHOLD = 0.4;

/** Folds a document's values once, for both the index and fuse.js. */
export function foldFields(doc: EngineDoc, fields: readonly FieldSpec[]): FoldedFields {
  return fields.map((spec) => {
    const values: string[][] = [];
    for (const value of doc.fields[spec.name] ?? []) {
      const words = foldedWords(value);
      if (words.length > 0) values.push(words);
    }
    return values;
  });
}

/** A FuseDoc with its fields by position in the specs rather than by name: what the engine keeps and scores. */
export type FieldValues = string[][];

export function fieldValuesOf(folded: FoldedFields, fields: readonly FieldSpec[]): FieldValues {
  return fields.map((spec, f) => {
    const values = folded[f] ?? [];
    return spec.words ? [...new Set(values.flat())].sort() : values.map((words) => words.join(' '));
  });
}

export function fuseDocOf(values: FieldValues, fields: readonly FieldSpec[]): FuseDoc {
  return Object.fromEntries(fields.map((spec, f) => [spec.name, values[f] ?? []]));
}

/** How fuse.js matches a pattern against a value, whatever the shape of the documents. */
export function matchOptions(threshold = DEFAULT_THRESHOLD) {
  return {
    includeScore: true,
    // Text is lower-cased when folded.
    isCaseSensitive: true,
    ignoreLocation: false,
    threshold,
  } as const satisfies IFuseOptions<unknown>;
}

export function fuseOptionsFor(
  fields: readonly FieldSpec[],
  threshold = DEFAULT_THRESHOLD,
): IFuseOptions<FuseDoc> {
  return {
    keys: fields.map((spec) => ({ name: spec.name, weight: spec.weight })),
    ...matchOptions(threshold),
  };
}

/**
 * The documents (in the given order) and options the engine would give fuse.js, for running
 * plain fuse.js over the whole corpus as the engine's yardstick.
 */
export function fuseDocuments(
  docs: readonly EngineDoc[],
  fields: readonly FieldSpec[],
): { docs: FuseDoc[]; options: IFuseOptions<FuseDoc> } {
  return {
    docs: docs.map((doc) => fuseDocOf(fieldValuesOf(foldFields(doc, fields), fields), fields)),
    options: fuseOptionsFor(fields),
  };
}
