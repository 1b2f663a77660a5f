import type { APIEmbed } from 'discord-api-types/v10';
import type { TimelineEvent } from '../knowledge/schema.ts';
import { Card, type RenderContext } from './card.ts';
import { formatDate, local } from './i18n.ts';
import { personNameById, placeNameById } from './names.ts';

/** One event as a card, for /search. */
export function eventEmbed(render: RenderContext, event: TimelineEvent): APIEmbed {
  const { knowledge, lang } = render;
  const card = new Card(render);
  const { t } = card;
  const title = local(lang, event.title);
  const description = card.fact(event.detail, title);
  card.field(t.when, card.fact(event.date, t.when), true);
  card.field(t.people, event.people.map((id) => personNameById(knowledge, lang, id)).join(', '), true);
  card.field(t.places, (event.places ?? []).map((id) => placeNameById(knowledge, lang, id)).join(', '), true);
  return card.build({ title, description });
}

export interface TimelinePage {
  title: string;
  events: readonly TimelineEvent[];
  page: number;
  pages: number;
}

/** A page of the timeline: one line per event in date order, with the sources of that page. */
export function timelineEmbed(render: RenderContext, view: TimelinePage): APIEmbed {
  const card = new Card(render);
  const { t } = card;
  const { lang } = render;
  const lines = view.events.map((event) => {
    const title = local(lang, event.title);
    // The date's sources are the detail's in all but disputed cases; only those are cited apart.
    const date = event.date.differs
      ? card.fact(event.date, `${title}: ${t.when}`)
      : formatDate(lang, event.date.value);
    return `**${date}** · ${title} — ${card.fact(event.detail, title)}`;
  });
  return card.build({
    title: view.title,
    description: lines.length ? lines.join('\n') : t.noEvents,
    footer: t.page(view.page, view.pages),
  });
}
