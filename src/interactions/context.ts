import type { Knowledge } from '../knowledge/knowledge.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { createKnowledgeSearch } from '../search/index.ts';
import type { KnowledgeSearch } from '../search/types.ts';
import { version } from '../version.ts';

/** What the core needs to answer any interaction: built once at start-up, shared read-only. */
export interface BotContext {
  readonly knowledge: Knowledge;
  readonly search: KnowledgeSearch;
  /** The bot's version, from package.json, shown by /about and /healthz. */
  readonly version: string;
  /**
   * Told about an error the core caught while answering (the user gets a generic private reply).
   * Transports pass their logger here; the core itself does no I/O.
   */
  readonly reportError?: (error: unknown) => void;
}

/** Loads and checks the knowledge in `dataDir` (default `data/`) and builds its search indexes. */
export async function loadBotContext(dataDir?: string): Promise<BotContext> {
  const knowledge = await loadKnowledge(dataDir);
  return { knowledge, search: createKnowledgeSearch(knowledge), version };
}
