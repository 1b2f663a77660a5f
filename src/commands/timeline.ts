import type { TimelineEvent } from '../knowledge/schema.ts';
import type { RenderContext } from '../render/card.ts';
import { recordChoices } from '../render/choices.ts';
import { timelineEmbed } from '../render/event.ts';
import { type Lang, strings } from '../render/i18n.ts';
import { embedTextLength, limits } from '../render/limits.ts';
import { type Button, notice, type Reply } from '../render/message.ts';
import { personName } from '../render/names.ts';
import { timelineChart } from '../render/pictures.ts';
import { lruCache } from '../search/lru.ts';
import { handleButton } from './button.ts';
import { defineCommand, textOption, yearSpan, yearSpanOptions } from './command.ts';
import type { BotContext } from './context.ts';
import { personButtons, type TimelineFilter, timelineButton } from './person-buttons.ts';
import { resolve } from './resolve.ts';
import { alsoMatching, missReply } from './suggestions.ts';

export const eventsPerPage = 10;
/** Room left in a message for the page's title and footer, which are not known while paging. */
const headingRoom = 400;
/** Paginations remembered: each is a pure function of the frozen data, the filter and the language. */
const paginations = lruCache<readonly (readonly TimelineEvent[])[]>(256);

function yearOf(event: TimelineEvent): number {
  return Number(event.date.value.slice(0, 4));
}

export function filterEvents(events: readonly TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  return events.filter(
    (event) =>
      (filter.person === undefined || event.people.includes(filter.person)) &&
      (filter.from === undefined || yearOf(event) >= filter.from) &&
      (filter.to === undefined || yearOf(event) <= filter.to),
  );
}

/**
 * The events cut into pages of at most `eventsPerPage`, fewer where ten events and their sources
 * would not fit in one message: a page is never shortened to fit, so no event is cut off.
 */
function paginate(render: RenderContext, events: readonly TimelineEvent[]): TimelineEvent[][] {
  const fits = (shown: readonly TimelineEvent[]) =>
    embedTextLength(timelineEmbed(render, { title: '', events: shown, page: 1, pages: 1 })) <=
    limits.embedTotal - headingRoom;
  const pages: TimelineEvent[][] = [];
  let page: TimelineEvent[] = [];
  for (const event of events) {
    const candidate = [...page, event];
    if (page.length > 0 && (candidate.length > eventsPerPage || !fits(candidate))) {
      pages.push(page);
      page = [event];
    } else page = candidate;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** One page of the (already date-sorted) events, with Previous / Next carrying page and filters. */
function timelinePage(ctx: BotContext, lang: Lang, requestedPage: number, filter: TimelineFilter): Reply {
  const t = strings(lang);
  const person = filter.person === undefined ? undefined : ctx.knowledge.byId.people.get(filter.person);
  if (filter.person !== undefined && !person) return notice(t.goneRecord);
  const render = { knowledge: ctx.knowledge, lang };
  const events = filterEvents(ctx.knowledge.events, filter);
  const paged = paginations.get(`${lang} ${timelineButton.encode({ page: 1, filter })}`, () =>
    paginate(render, events),
  );
  const pages = paged.length;
  // A button from before the data changed may point past the end.
  const page = Math.min(Math.max(1, requestedPage), pages);
  const years =
    filter.from !== undefined || filter.to !== undefined
      ? ` (${t.years(String(filter.from ?? ''), String(filter.to ?? ''))})`
      : '';
  const title = `${person ? t.timelineFor(personName(lang, person)) : t.timelineTitle}${years}`;
  const shown = paged[page - 1] ?? [];
  const buttons: Button[] = [];
  if (page > 1) {
    buttons.push({
      label: `◀ ${t.previous}`,
      customId: timelineButton.encode({ page: page - 1, filter }),
    });
  }
  if (page < pages) {
    buttons.push({
      label: `${t.next} ▶`,
      customId: timelineButton.encode({ page: page + 1, filter }),
    });
  }
  if (person) buttons.push(...personButtons(lang, person, 'timeline'));
  return {
    embeds: [timelineEmbed(render, { title, events: shown, page, pages })],
    // The chart shows every event the filter selects, so it is the same on every page.
    pictures: events.length > 0 ? [timelineChart(render, events, filter, 0)] : [],
    buttons,
  };
}

export const timeline = defineCommand({
  texts: {
    name: 'timeline',
    ko: '연표',
    description: 'Events in date order, for one person or a span of years',
    koDescription: '날짜순 사건: 한 인물 또는 기간별',
  },
  options: [
    textOption(
      {
        name: 'person',
        ko: '인물',
        description: 'Only events involving this person',
        koDescription: '이 인물이 관련된 사건만',
      },
      false,
    ),
    ...yearSpanOptions,
  ],

  run(ctx, { options, lang }) {
    const t = strings(lang);
    const filter: TimelineFilter = {};
    const query = options.person ?? '';
    let also: string | undefined;
    if (query !== '') {
      const found = resolve(ctx, 'person', query);
      if (!found.found) return missReply(lang, t, t.noPerson, query, found.suggestions);
      filter.person = found.record.id;
      also = alsoMatching(lang, t, found.others);
    }
    const { from, to } = yearSpan(options);
    if (from !== undefined) filter.from = from;
    if (to !== undefined) filter.to = to;
    return { ...timelinePage(ctx, lang, 1, filter), content: also };
  },

  autocomplete(ctx, { text }, lang) {
    return recordChoices(lang, ctx.search.autocomplete('person', text, limits.choices), false);
  },

  buttons: [
    handleButton(timelineButton, (ctx, { page, filter }, lang) => timelinePage(ctx, lang, page, filter)),
  ],
});
