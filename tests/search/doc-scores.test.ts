import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { fieldSpecs, personDoc } from '../../src/search/documents.ts';
import { createDocScorer } from '../../src/search/engine/doc-scores.ts';
import { fuseOptionsFor } from '../../src/search/engine/fuse-docs.ts';
import { type FuseDoc, fuseDocuments } from '../../src/search/engine.ts';
import { queryWords } from '../../src/search/normalise.ts';

const knowledge = await loadKnowledge();
const fields = fieldSpecs.person;
const { docs } = fuseDocuments(
  knowledge.people.map((person) => personDoc(person, knowledge)),
  fields,
);
const words = [
  ...new Set(docs.flatMap((doc) => Object.values(doc).flatMap((values) => values.join(' ').split(' ')))),
];

/** Plain fuse.js over the same documents: per document, its score, or undefined where it did not match. */
/** A document as the engine keeps it: its fields by position. */
const byPosition = (doc: FuseDoc) => fields.map((spec) => doc[spec.name] ?? []);

function plainScores(threshold: number, pattern: string, some = docs): (number | undefined)[] {
  const scores: (number | undefined)[] = some.map(() => undefined);
  for (const result of new Fuse(some, fuseOptionsFor(fields, threshold)).search(pattern))
    scores[result.refIndex] = result.score;
  return scores;
}

describe('document scores from distinct values', () => {
  const patterns = [
    'thea yong ho',
    'rhee sang jo',
    'ho',
    'choiseung',
    // Longer than fuse.js's 32-character pieces.
    'unnamed trade official i ethiopia 2013',
    'unnamed 3rd secretary of the north korean embassy in moscow 2012',
    'workers party',
    'zambai',
    '조성길',
    '2013',
    'qzxv',
  ].map((query) => queryWords(query).join(' '));

  it.each([0.4, 0.75])('are plain fuse.js scores at threshold %s, bit for bit', (threshold) => {
    const scorer = createDocScorer(docs.map(byPosition), fields, threshold);
    for (const pattern of patterns)
      expect(scorer.scores(pattern), pattern).toEqual(plainScores(threshold, pattern));
  });

  it('are plain fuse.js scores for words of the data run together with typos', () => {
    // Plain fuse.js takes a while over the long text of every person: a few of them will do.
    const some = docs.slice(0, 12);
    const scorers = new Map(
      [0.4, 0.75].map((threshold) => [threshold, createDocScorer(some.map(byPosition), fields, threshold)]),
    );
    const typo = fc
      .tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom('', 'x', 'a', 'ㅎ'))
      .map(([word, at, letter]) => {
        const i = at % (word.length + 1);
        return word.slice(0, i) + letter + word.slice(i + 1);
      });
    fc.assert(
      fc.property(
        fc.array(typo, { minLength: 1, maxLength: 7 }),
        fc.constantFrom(0.4, 0.75),
        (parts, threshold) => {
          const pattern = parts.join(' ').trim();
          if (pattern === '') return;
          expect(scorers.get(threshold)?.scores(pattern)).toEqual(plainScores(threshold, pattern, some));
        },
      ),
      { numRuns: 60 },
    );
  });
});
