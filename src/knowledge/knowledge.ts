import type { Motive, Person, Place, RegimeResponse, Source, TimelineEvent } from './schema.ts';

/** Everything the bot knows, validated, cross-checked and frozen. Built by `loadKnowledge`. */
export interface Knowledge {
  readonly sources: readonly Source[];
  readonly places: readonly Place[];
  readonly people: readonly Person[];
  readonly motives: readonly Motive[];
  readonly responses: readonly RegimeResponse[];
  /** Sorted by date (then id), so timeline pages need no sorting. */
  readonly events: readonly TimelineEvent[];
  readonly byId: {
    readonly sources: ReadonlyMap<string, Source>;
    readonly places: ReadonlyMap<string, Place>;
    readonly people: ReadonlyMap<string, Person>;
    readonly motives: ReadonlyMap<string, Motive>;
    readonly responses: ReadonlyMap<string, RegimeResponse>;
    readonly events: ReadonlyMap<string, TimelineEvent>;
  };
}
