import { buttonCodec, recordIdState } from './button.ts';

/**
 * Buttons that open one record's card, for lists that name records of several kinds (what a
 * message mentions). A person's is `defector:<id>` (person-buttons.ts); each of these is
 * answered by the command that shows that card: /why-defect, /regime-response and /search.
 */

/** `motive:<id>`: the motive's card. */
export const motiveCardButton = buttonCodec('motive', recordIdState);
/** `response:<id>`: the regime response's card. */
export const responseCardButton = buttonCodec('response', recordIdState);
/** `event:<id>`: the event's card. */
export const eventCardButton = buttonCodec('event', recordIdState);
