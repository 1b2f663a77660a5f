import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../../src/knowledge/kinds.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeSearch } from '../../src/search/index.ts';
import { qualityTable } from './quality-table.ts';

const knowledge = await loadKnowledge();
const search = createKnowledgeSearch(knowledge);

const idsOf: Record<RecordKind, ReadonlySet<string>> = {
  person: new Set(knowledge.byId.people.keys()),
  motive: new Set(knowledge.byId.motives.keys()),
  response: new Set(knowledge.byId.responses.keys()),
  event: new Set(knowledge.byId.events.keys()),
};

describe('the quality table', () => {
  it('has at least 40 queries, each expecting records that exist', () => {
    expect(qualityTable.length).toBeGreaterThanOrEqual(40);
    for (const row of qualityTable) {
      for (const id of [...row.first, ...(row.top5 ?? [])])
        expect(idsOf[row.kind].has(id), `${id}`).toBe(true);
    }
  });

  it.each(qualityTable)('$kind "$query": $about', (row) => {
    const ids = search.search(row.kind, row.query, 5).map((hit) => hit.id);
    expect(ids.slice(0, row.first.length).sort()).toEqual([...row.first].sort());
    for (const id of row.top5 ?? []) expect(ids).toContain(id);
  });
});

describe('typos of names', () => {
  it('find the person from a name with one letter dropped, or two swapped, anywhere in it', () => {
    let tried = 0;
    let first = 0;
    let inFive = 0;
    for (const person of knowledge.people) {
      const { name } = person;
      const typos = new Set<string>();
      for (let at = 1; at < name.length - 1; at++) {
        if (name[at] === ' ' || name[at + 1] === ' ') continue;
        typos.add(name.slice(0, at) + name.slice(at + 1));
        typos.add(name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2));
      }
      typos.delete(name);
      for (const typo of typos) {
        const ids = search.search('person', typo, 5).map((hit) => hit.id);
        tried++;
        if (ids[0] === person.id) first++;
        if (ids.includes(person.id)) inFive++;
      }
    }
    // 95.6% and 99.2% with the shipped 61 people (89% and 98% while words matched one by one could
    // outrank a close match of the whole name; 94.4% and 99.0% while they were matched for weak
    // candidates too).
    expect(first / tried).toBeGreaterThanOrEqual(0.95);
    expect(inFive / tried).toBeGreaterThanOrEqual(0.98);
  });
});
