import type { APIEmbed } from 'discord-api-types/v10';
import type { Person } from '../knowledge/schema.ts';
import { Card, type RenderContext } from './card.ts';
import { formatDate, local } from './i18n.ts';
import { personName, personNameById, placeNameById, recordName } from './names.ts';

/** The /defector card: who they were, how and when they left, who came along, what came after. */
export function personEmbed(render: RenderContext, person: Person): APIEmbed {
  const { knowledge, lang } = render;
  const card = new Card(render);
  const { t } = card;
  const summary = card.fact(person.summary, t.summary);

  const mission = person.mission
    ? ` — ${[
        person.mission.city && local(lang, person.mission.city),
        placeNameById(knowledge, lang, person.mission.place),
      ]
        .filter(Boolean)
        .join(', ')}`
    : '';
  card.field(t.post, `${card.fact(person.post, t.post)}${mission}`);
  card.field(
    t.earlierPosts,
    (person.earlierPosts ?? []).map((post) => `• ${card.fact(post, t.earlierPosts)}`),
  );

  const { defection } = person;
  // No source may say where they went: the route then ends in a question mark, never a guess.
  const route = [defection.from, ...(defection.via ?? [])]
    .map((place) => placeNameById(knowledge, lang, place))
    .concat(defection.to === undefined ? ['?'] : [placeNameById(knowledge, lang, defection.to)])
    .join(' → ');
  const milestones = (defection.milestones ?? []).map((milestone) => {
    const date = formatDate(lang, milestone.date);
    return `• ${date}: ${card.fact(milestone, `${t.milestones} (${date})`)}`;
  });
  // A denied report is shown as a report, never as a defection.
  const denied = person.confidence === 'denied';
  const defectionLabel = denied ? t.reportedDefection : t.defection;
  card.field(defectionLabel, [`${card.fact(defection.date, defectionLabel)} · ${route}`, ...milestones]);

  card.field(
    t.companions,
    (person.companions ?? []).map((companion) => `• ${card.fact(companion, t.companions)}`),
  );
  card.field(
    t.aftermath,
    (person.aftermath ?? []).map(
      (after) => `• ${after.date ? `${formatDate(lang, after.date)}: ` : ''}${card.fact(after, t.aftermath)}`,
    ),
  );
  card.field(
    t.motives,
    (person.motives ?? []).map((cited) => {
      const motive = knowledge.byId.motives.get(cited.motive);
      const name = motive ? recordName(lang, motive) : cited.motive;
      const detail = cited.detail ? ` — ${local(lang, cited.detail)}` : '';
      return `• **${name}**${detail}${card.refs(cited.sources)}`;
    }),
  );
  card.field(
    t.relatives,
    (person.relatives ?? []).map(
      (relative) =>
        `• ${personNameById(knowledge, lang, relative.person)} (${local(lang, relative.relation)})`,
    ),
  );
  if (person.confidence === 'reported') card.field(t.confidence, t.reportedNote);
  if (denied) card.field(t.confidence, `⚠ ${t.deniedNote}`);

  return card.build({ title: personName(lang, person), description: summary });
}

/** The "Why they left" view: each motive this person cited, with its detail and sources. */
export function personMotivesEmbed(render: RenderContext, person: Person): APIEmbed {
  const card = new Card(render);
  const { t } = card;
  const cited = person.motives ?? [];
  for (const entry of cited) {
    const motive = render.knowledge.byId.motives.get(entry.motive);
    const name = motive ? recordName(render.lang, motive) : entry.motive;
    const text = entry.detail ?? motive?.summary.value;
    const detail = text ? local(render.lang, text) : '';
    card.field(name, `${detail}${card.refs(entry.sources)}`);
  }
  return card.build({
    title: t.whyPersonLeft(personName(render.lang, person)),
    description: cited.length === 0 ? t.noMotivesRecorded : undefined,
  });
}
