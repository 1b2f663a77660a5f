import { loadKnowledge } from './src/knowledge/load.ts';
import { fieldSpecs, personDoc } from './src/search/documents.ts';
import { createSearchEngine } from './src/search/engine.ts';
const knowledge = await loadKnowledge('data');
const docs = knowledge.people.map((p) => personDoc(p, knowledge));
const engine = createSearchEngine(docs, fieldSpecs.person);
const qs = ['thea yong ho', 'unnamedtradeofficialinethiopia', 'choiseung', 'rhee sang jo', 'jo sonng gil', 'hong sun kyng', 'thae yong ho', 'thae', 'taeyongho'];
for (let i = 0; i < 200; i++) for (const q of qs) engine.search(q, { limit: 25 });
for (const q of qs) { const t: number[] = []; for (let i = 0; i < 100; i++) { const s = performance.now(); engine.search(q, { limit: 25 }); t.push(performance.now() - s); } t.sort((a,b)=>a-b); console.log(q.padEnd(32), t[50].toFixed(3), engine.search(q,{limit:3}).map(h=>docs[h.index].id+':'+h.tier).join(' ')); }
