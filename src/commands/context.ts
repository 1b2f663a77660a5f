import type { Knowledge } from '../knowledge/knowledge.ts';
import type { KnowledgeSearch } from '../search/types.ts';

/** What commands need to answer any interaction: built once at start-up, shared read-only. */
export interface BotContext {
  readonly knowledge: Knowledge;
  readonly search: KnowledgeSearch;
  /** The bot's version, from package.json, shown by /about and /healthz. */
  readonly version: string;
}
