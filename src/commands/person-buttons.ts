import { ButtonStyle } from 'discord-api-types/v10';
import type { Person } from '../knowledge/schema.ts';
import { type Lang, strings } from '../render/i18n.ts';
import type { Button } from '../render/message.ts';
import { buttonCodec, recordIdState, slugPattern } from './button.ts';

/**
 * The buttons under anything about one person, and their custom_id formats. /defector handles the
 * card and "why" presses, /timeline the timeline pages; both draw these buttons.
 */

export interface TimelineFilter {
  person?: string;
  from?: number;
  to?: number;
}

/** `defector:<person>`: back to the person's card. */
export const cardButton = buttonCodec('defector', recordIdState);
/** `why:<person>`: that person's motives. */
export const whyButton = buttonCodec('why', recordIdState);

const year = /^-?\d{1,4}$/;
const pageNumber = /^[1-9]\d{0,3}$/;

function decodeFilter(text: string): TimelineFilter | undefined {
  const filter: TimelineFilter = {};
  if (text === '') return filter;
  for (const pair of text.split('&')) {
    const [key, value, extra] = pair.split('=');
    if (value === undefined || extra !== undefined) return undefined;
    if (key === 'person' && slugPattern.test(value) && filter.person === undefined) filter.person = value;
    else if (key === 'from' && year.test(value) && filter.from === undefined) filter.from = Number(value);
    else if (key === 'to' && year.test(value) && filter.to === undefined) filter.to = Number(value);
    else return undefined;
  }
  return filter;
}

/** `timeline:<page>:person=<id>&from=<year>&to=<year>`, each filter part optional. */
export const timelineButton = buttonCodec<{ page: number; filter: TimelineFilter }>('timeline', {
  encode: ({ page, filter }) => {
    const parts: string[] = [];
    if (filter.person !== undefined) parts.push(`person=${filter.person}`);
    if (filter.from !== undefined) parts.push(`from=${filter.from}`);
    if (filter.to !== undefined) parts.push(`to=${filter.to}`);
    return `${page}:${parts.join('&')}`;
  },
  decode: (text) => {
    const [page, rest, extra] = text.split(':');
    if (page === undefined || !pageNumber.test(page) || rest === undefined || extra !== undefined) {
      return undefined;
    }
    const filter = decodeFilter(rest);
    return filter && { page: Number(page), filter };
  },
});

/** The buttons under anything about one person; the view being shown leaves its own button out. */
export function personButtons(lang: Lang, person: Person, showing: 'card' | 'why' | 'timeline'): Button[] {
  const t = strings(lang);
  const buttons: Button[] = [];
  if (showing !== 'card') buttons.push({ label: t.backToCard, customId: cardButton.encode(person.id) });
  if (showing !== 'why' && (person.motives ?? []).length > 0) {
    buttons.push({ label: t.whyTheyLeft, customId: whyButton.encode(person.id), style: ButtonStyle.Primary });
  }
  if (showing !== 'timeline') {
    buttons.push({
      label: t.timeline,
      customId: timelineButton.encode({ page: 1, filter: { person: person.id } }),
    });
  }
  return buttons;
}
