import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { matchOptions } from '../../src/search/engine/fuse-docs.ts';
import { valuesFuseMayMatch } from '../../src/search/engine/may-match.ts';

describe('the values fuse.js could match', () => {
  it('never leave out a value fuse.js matches, for patterns shorter and longer than its 32-letter pieces', () => {
    // Few letters, so that near matches are common; Hangul, as fuse.js compares UTF-16 code units.
    const text = (most: number) =>
      fc
        .array(fc.constantFrom('a', 'b', 'n', 'o', ' ', '영', '호'), { maxLength: most })
        .map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        text(80).filter((pattern) => pattern.trim() !== ''),
        fc.array(text(90), { maxLength: 8 }),
        fc.constantFrom(0.1, 0.4, 0.6, 0.75),
        (pattern, values, threshold) => {
          const may = new Set(valuesFuseMayMatch(pattern, values, threshold));
          values.forEach((value, at) => {
            if (Fuse.match(pattern, value, matchOptions(threshold)).isMatch) expect(may.has(at)).toBe(true);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('leave out the long names a typo of another long name is far from', () => {
    const values = [
      'onnamed trade officiar in etiobia 2013',
      'onnamed trade dibromat in vradivostog 2016',
      'onnamed embassy doctor in etiobia sornamed gim 2009',
      'etiobia trade office defector 2013',
      '2013',
    ];
    expect(valuesFuseMayMatch('onnamed trade officiar i etiobia 2013', values, 0.4)).toEqual([0]);
  });
});
