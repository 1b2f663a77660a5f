import type { APIEmbed } from 'discord-api-types/v10';
import type { TimelineEvent } from '../knowledge/schema.ts';
import { Card, type RenderContext } from './card.ts';
import { personNameById, placeNameById } from './names.ts';

/** One event as a card, for /search. */
export function eventEmbed(render: RenderContext, event: TimelineEvent): APIEmbed {
  const { knowledge, lang } = render;
  const card = new Card(render);
  const { t } = card;
  const description = card.fact(event.detail, event.title);
  card.field(t.when, card.fact(event.date, t.when), true);
  card.field(t.people, event.people.map((id) => personNameById(knowledge, lang, id)).join(', '), true);
  card.field(t.places, (event.places ?? []).map((id) => placeNameById(knowledge, lang, id)).join(', '), true);
  return card.build({ title: event.title, description });
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
  const lines = view.events.map((event) => {
    // The date's sources are the detail's in all but disputed cases; only those are cited apart.
    const date = event.date.differs ? card.fact(event.date, `${event.title}: ${t.when}`) : event.date.value;
    return `**${date}** · ${event.title} — ${card.fact(event.detail, event.title)}`;
  });
  return card.build({
    title: view.title,
    description: lines.length ? lines.join('\n') : t.noEvents,
    footer: t.page(view.page, view.pages),
  });
}
