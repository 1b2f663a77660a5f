import type { Lang } from '../render/i18n.ts';
import { limits } from '../render/limits.ts';
import type { Reply } from '../render/message.ts';
import type { BotContext } from './context.ts';

/**
 * Buttons carry their whole state in `custom_id` (`timeline:2:person=thae-yong-ho&from=1990`), so
 * a press works after a restart and on any shard. The id is the button's name, a colon, and its
 * state in the button's own format; each button parses its own state, so the router only splits
 * off the name. Ids in state are slugs and years are integers, so `:`, `&` and `=` never occur
 * inside a value.
 */
export interface ButtonCodec<S> {
  readonly name: string;
  encode(state: S): string;
  /** The state, or undefined for text this button never wrote. */
  decode(text: string): S | undefined;
}

/** A button a command draws, with what pressing it does. */
export interface ButtonHandler {
  readonly name: string;
  /** The reply to a press, or undefined when the state is not one this button makes. */
  press(ctx: BotContext, state: string, lang: Lang): Reply | undefined;
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The state of a button that opens one record: its id (a slug), as is. */
export const recordIdState = {
  encode: (id: string) => id,
  decode: (text: string) => (slugPattern.test(text) ? text : undefined),
};

export function buttonCodec<S>(
  name: string,
  format: { encode(state: S): string; decode(text: string): S | undefined },
): ButtonCodec<S> {
  return {
    name,
    encode(state) {
      const id = `${name}:${format.encode(state)}`;
      // Slugs in the data are short; a longer id would be a data error Discord would reject.
      if (id.length > limits.customId) throw new Error(`custom_id over ${limits.customId} characters: ${id}`);
      return id;
    },
    decode: format.decode,
  };
}

export function handleButton<S>(
  codec: ButtonCodec<S>,
  press: (ctx: BotContext, state: S, lang: Lang) => Reply,
): ButtonHandler {
  return {
    name: codec.name,
    press(ctx, text, lang) {
      const state = codec.decode(text);
      return state === undefined ? undefined : press(ctx, state, lang);
    },
  };
}

/** A `custom_id` split into the button's name and its state; undefined for ids this bot never makes. */
export function splitCustomId(id: string): { name: string; state: string } | undefined {
  if (id.length > limits.customId) return undefined;
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : { name: id.slice(0, colon), state: id.slice(colon + 1) };
}
