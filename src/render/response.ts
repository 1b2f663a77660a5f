import type { APIEmbed } from 'discord-api-types/v10';
import type { RegimeResponse } from '../knowledge/schema.ts';
import { Card, type RenderContext } from './card.ts';
import { formatDate, local, strings } from './i18n.ts';
import { personNameById, recordName } from './names.ts';

/** The /regime-response card: what triggered it, when, and the measures taken. */
export function responseEmbed(render: RenderContext, response: RegimeResponse): APIEmbed {
  const { knowledge, lang } = render;
  const card = new Card(render);
  const { t } = card;
  const description = card.fact(response.summary, t.summary);
  const people = (response.trigger.people ?? []).map((id) => personNameById(knowledge, lang, id));
  const events = (response.trigger.events ?? []).map((id) => {
    const event = knowledge.byId.events.get(id);
    return event ? `${formatDate(lang, event.date.value)} ${local(lang, event.title)}` : id;
  });
  card.field(t.trigger, [
    card.fact(response.trigger.text, t.trigger),
    ...(people.length ? [`${t.people}: ${people.join(', ')}`] : []),
    ...events.map((event) => `• ${event}`),
  ]);
  card.field(t.when, card.fact(response.date, t.when));
  card.field(
    t.measures,
    response.measures.map((measure) => `• ${card.fact(measure, t.measures)}`),
  );
  return card.build({ title: recordName(lang, response), description });
}

/** /regime-response without a query: every response, in date order, one line each. */
export function responsesListEmbed(render: RenderContext): APIEmbed {
  const t = strings(render.lang);
  const lines = [...render.knowledge.responses]
    .sort((a, b) => a.date.value.localeCompare(b.date.value) || a.id.localeCompare(b.id))
    .map(
      (response) =>
        `• \`${formatDate(render.lang, response.date.value)}\` **${recordName(render.lang, response)}**`,
    );
  return { title: t.responsesTitle, description: [t.responsesIntro, '', ...lines].join('\n') };
}
