import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { fieldSpecs, personDoc } from '../../src/search/documents.ts';
import {
  createSearchEngine,
  type EngineDoc,
  type FieldSpec,
  fuseDocuments,
} from '../../src/search/engine.ts';
import { queryWords } from '../../src/search/normalise.ts';
import { qualityTable } from './quality-table.ts';
import { syntheticPeople } from './synthetic-corpus.ts';

const knowledge = await loadKnowledge();
const real = knowledge.people.map((person) => personDoc(person, knowledge));
const personRows = qualityTable.filter((row) => row.kind === 'person');

function withReal(n: number): EngineDoc[] {
  const { docs } = syntheticPeople(n, n);
  return [...docs, ...real];
}

function top5Rate(idsFor: (query: string) => string[]): number {
  const passed = personRows.filter((row) => {
    const ids = idsFor(row.query).slice(0, 5);
    return [...row.first, ...(row.top5 ?? [])].every((id) => ids.includes(id));
  });
  return passed.length / personRows.length;
}

describe('the engine on generic documents', () => {
  const fields: FieldSpec[] = [
    { name: 'title', weight: 1, exact: true, prefix: true },
    { name: 'body', weight: 0.3, exact: false, prefix: false, words: true },
  ];
  const docs: EngineDoc[] = [
    { id: 'a', prominence: 1, fields: { title: ['Alpha Centauri'], body: ['A star system near the Sun'] } },
    { id: 'b', prominence: 5, fields: { title: ['Alpha Draconis'], body: ['Also called Thuban'] } },
    { id: 'c', prominence: 5, fields: { title: ['Beta Pictoris'], body: ['Young star with a debris disc'] } },
  ];
  const engine = createSearchEngine(docs, fields);

  it('ranks prefix ties by prominence, then by the given order', () => {
    expect(engine.search('alpha').map((hit) => docs[hit.index]?.id)).toEqual(['b', 'a']);
  });

  it('finds words deep in long text, and reports the value that matched', () => {
    const [hit] = engine.search('debris');
    expect(docs[hit?.index ?? -1]?.id).toBe('c');
    expect(hit).toMatchObject({ tier: 'fuzzy', field: 'body', text: 'Young star with a debris disc' });
  });

  it('matches the id as typed, before anything else', () => {
    expect(engine.search('c')[0]).toMatchObject({ index: 2, tier: 'exact', field: 'id', text: 'c' });
  });

  it('handles an empty corpus', () => {
    expect(createSearchEngine([], fields).search('alpha')).toEqual([]);
  });
});

describe('the engine at scale', () => {
  const docs = withReal(10_000);
  const engine = createSearchEngine(docs, fieldSpecs.person);
  const idsFor = (query: string): string[] =>
    engine.search(query, { limit: 5 }).map((hit) => docs[hit.index]?.id ?? '');

  it('keeps the shipped people findable among 10,000 others', () => {
    expect(top5Rate(idsFor)).toBeGreaterThanOrEqual(0.9);
    expect(idsFor('ㅌㅇㅎ')[0]).toBe('thae-yong-ho');
    expect(idsFor('jo song gil')[0]).toBe('jo-song-gil');
    expect(idsFor('britain')[0]).toBe('thae-yong-ho');
  });

  it('lists the most prominent of many equal prefix hits first, names spelt as typed before the rest', () => {
    const hits = engine.search('kim', { limit: 25 });
    expect(hits).toHaveLength(25);
    expect(hits.every((hit) => hit.tier === 'prefix' && hit.field === 'name')).toBe(true);
    // `kim` also starts `Gim` once folded; a name spelt as typed wins a tie, then prominence.
    const spelt = hits.map((hit) => /^kim/i.test(hit.text));
    expect(spelt).toEqual([...spelt].sort((a, b) => Number(b) - Number(a)));
    for (const group of [true, false]) {
      const prominence = hits
        .filter((_, i) => spelt[i] === group)
        .map((hit) => docs[hit.index]?.prominence ?? 0);
      expect(prominence).toEqual([...prominence].sort((a, b) => b - a));
    }
  });
});

describe('against plain fuse.js', () => {
  it('finds at least as many expected people in the first five at 1,000 records', () => {
    const docs = withReal(1_000);
    const engine = createSearchEngine(docs, fieldSpecs.person);
    const everything = fuseDocuments(docs, fieldSpecs.person);
    const fuse = new Fuse(everything.docs, everything.options);
    const project = top5Rate((query) =>
      engine.search(query, { limit: 5 }).map((hit) => docs[hit.index]?.id ?? ''),
    );
    const plain = top5Rate((query) =>
      fuse.search(queryWords(query).join(' '), { limit: 5 }).map((result) => docs[result.refIndex]?.id ?? ''),
    );
    expect(project).toBeGreaterThanOrEqual(plain);
    expect(project).toBeGreaterThanOrEqual(0.9);
  });
});
