import { limits } from '../render/limits.ts';

/**
 * Buttons carry their whole state in `custom_id` (`timeline:2:person=thae-yong-ho&from=1990`), so
 * a press works after a restart and on any shard. Ids are slugs and years are integers, so the
 * separators `:`, `&` and `=` never occur inside a value.
 */

export interface TimelineFilter {
  person?: string;
  from?: number;
  to?: number;
}

export type ButtonAction =
  | { action: 'timeline'; page: number; filter: TimelineFilter }
  | { action: 'why'; person: string }
  | { action: 'defector'; person: string };

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const year = /^-?\d{1,4}$/;
const pageNumber = /^[1-9]\d{0,3}$/;

function encodeFilter(filter: TimelineFilter): string {
  const parts: string[] = [];
  if (filter.person !== undefined) parts.push(`person=${filter.person}`);
  if (filter.from !== undefined) parts.push(`from=${filter.from}`);
  if (filter.to !== undefined) parts.push(`to=${filter.to}`);
  return parts.join('&');
}

export function encodeCustomId(button: ButtonAction): string {
  const id =
    button.action === 'timeline'
      ? `timeline:${button.page}:${encodeFilter(button.filter)}`
      : `${button.action}:${button.person}`;
  // Slugs in the data are short; a longer id would be a data error Discord would reject.
  if (id.length > limits.customId) throw new Error(`custom_id over ${limits.customId} characters: ${id}`);
  return id;
}

function decodeFilter(text: string): TimelineFilter | undefined {
  const filter: TimelineFilter = {};
  if (text === '') return filter;
  for (const pair of text.split('&')) {
    const [key, value, extra] = pair.split('=');
    if (value === undefined || extra !== undefined) return undefined;
    if (key === 'person' && slug.test(value) && filter.person === undefined) filter.person = value;
    else if (key === 'from' && year.test(value) && filter.from === undefined) filter.from = Number(value);
    else if (key === 'to' && year.test(value) && filter.to === undefined) filter.to = Number(value);
    else return undefined;
  }
  return filter;
}

/** The action a `custom_id` stands for, or undefined for anything this bot did not make. */
export function decodeCustomId(id: string): ButtonAction | undefined {
  if (id.length > limits.customId) return undefined;
  const [action, first, rest, extra] = id.split(':');
  if (first === undefined || extra !== undefined) return undefined;
  if (action === 'timeline') {
    if (!pageNumber.test(first) || rest === undefined) return undefined;
    const filter = decodeFilter(rest);
    return filter && { action, page: Number(first), filter };
  }
  if ((action === 'why' || action === 'defector') && rest === undefined && slug.test(first)) {
    return { action, person: first };
  }
  return undefined;
}
