import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { fieldSpecs, personDoc } from '../../src/search/documents.ts';
import { createDocScorer } from '../../src/search/engine/doc-scores.ts';
import { fuseOptionsFor } from '../../src/search/engine/fuse-docs.ts';
import { fuseDocuments } from '../../src/search/engine.ts';
import { queryWords } from '../../src/search/normalise.ts';

const knowledge = await loadKnowledge();
const fields = fieldSpecs.person;
const { docs } = fuseDocuments(
  knowledge.people.map((person) => personDoc(person, knowledge)),
  fields,
);

describe('document scores from distinct values', () => {
  const patterns = [
    'thea yong ho',
    'rhee sang jo',
    'ho',
    'choiseung',
    'unnamed trade official i ethiopia 2013',
    'workers party',
    'zambai',
    '조성길',
    'qzxv',
  ].map((query) => queryWords(query).join(' '));

  it.each([0.4, 0.75])('are plain fuse.js scores at threshold %s, bit for bit', (threshold) => {
    const scorer = createDocScorer(docs, fields, threshold);
    const fuse = new Fuse(docs, fuseOptionsFor(fields, threshold));
    for (const pattern of patterns) {
      const expected: (number | undefined)[] = docs.map(() => undefined);
      for (const result of fuse.search(pattern)) expected[result.refIndex] = result.score;
      expect(scorer.scores(pattern), pattern).toEqual(expected);
    }
  });
});
