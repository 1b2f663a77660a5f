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
