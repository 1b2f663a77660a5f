import { lruCache } from '../lru.ts';
import { foldedWords, joinedTails, normaliseWords } from '../normalise.ts';
import type { Found } from './found.ts';
import type { EngineDoc, FieldSpec } from './types.ts';

/**
 * The value behind a hit, and whether it is spelt as the query was typed. Both look at a value
 * in forms worked out word by word with regular expressions (folded, joined, normalised), which
 * cost as much as the rest of a prefix query together: `u` finds 25 names of up to eight words.
 * The values of a corpus's best-known records come up in query after query, so each engine
 * remembers the forms of the last few thousand values it looked at.
 */

const REMEMBERED_VALUES = 5_000;

/** A value's forms, each worked out the first time it is asked for. */
interface Forms {
  folded?: string[];
  foldedTails?: string[];
  typedTails?: string[];
}

export interface HitText {
  /** The given value behind a hit: the one holding the word fuse.js matched, or the one whose words the query starts. */
  matched(doc: EngineDoc, found: Found, joinedQuery: string, words: readonly string[]): string;
  /** Whether a value starts (or a later word of it starts) with the query as typed, normalised but not folded. */
  spelt(text: string, typed: string): boolean;
}

export function createHitText(fields: readonly FieldSpec[]): HitText {
  const remembered = lruCache<Forms>(REMEMBERED_VALUES);
  const formsOf = (text: string): Forms => remembered.get(text, () => ({}));

  function folded(forms: Forms, text: string): string[] {
    forms.folded ??= foldedWords(text);
    return forms.folded;
  }

  function matched(doc: EngineDoc, found: Found, joinedQuery: string, words: readonly string[]): string {
    const spec = fields[found.field];
    const values = spec === undefined ? [] : (doc.fields[spec.name] ?? []);
    // With one value (a name always), it is the answer whether or not it matches: no need to fold it.
    if (values.length <= 1) return values[0] ?? '';
    const matches = (value: string): boolean => {
      const forms = formsOf(value);
      const own = folded(forms, value);
      if (found.near !== undefined) return own.includes(found.near);
      forms.foldedTails ??= joinedTails(own);
      return (
        forms.foldedTails.some((tail) => tail.startsWith(joinedQuery)) ||
        words.every((w) => own.some((f) => f.startsWith(w)))
      );
    };
    return values.find(matches) ?? values[0] ?? '';
  }

  function spelt(text: string, typed: string): boolean {
    const forms = formsOf(text);
    forms.typedTails ??= joinedTails(normaliseWords(text));
    return forms.typedTails.some((tail) => tail.startsWith(typed));
  }

  return { matched, spelt };
}
