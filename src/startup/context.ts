import type { BotContext } from '../commands/context.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { createKnowledgeSearch } from '../search/index.ts';
import { version } from '../version.ts';

/** Loads and checks the knowledge in `dataDir` (default `data/`) and builds its search indexes. */
export async function loadBotContext(dataDir?: string): Promise<BotContext> {
  const knowledge = await loadKnowledge(dataDir);
  return { knowledge, search: createKnowledgeSearch(knowledge), version };
}
