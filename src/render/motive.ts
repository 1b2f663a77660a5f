import type { APIEmbed } from 'discord-api-types/v10';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { LocalText, Motive, Person } from '../knowledge/schema.ts';
import { Card, type RenderContext } from './card.ts';
import { local, strings } from './i18n.ts';
import { personShortName, recordName } from './names.ts';

/** Above this many people, "Cited by" names them without their details. */
const compactCitedBy = 5;

function citing(
  knowledge: Knowledge,
  motive: Motive,
): { person: Person; detail?: LocalText; sources: string[] }[] {
  return knowledge.people.flatMap((person) =>
    (person.motives ?? [])
      .filter((cited) => cited.motive === motive.id)
      .map((cited) => ({ person, detail: cited.detail, sources: cited.sources })),
  );
}

/** The /why-defect card for one motive: explanation, evidence with figures, who cited it. */
export function motiveEmbed(render: RenderContext, motive: Motive): APIEmbed {
  const card = new Card(render);
  const { t } = card;
  const description = card.fact(motive.summary, t.summary);
  card.field(
    t.evidence,
    motive.evidence.map((evidence) => `• ${card.fact(evidence, t.evidence)}`),
  );
  const people = citing(render.knowledge, motive);
  const name = (person: Person) => `**${personShortName(render.lang, person)}**`;
  // With many people, each is named with their sources and their own words stay on their card
  // ("Why they left"): the list would otherwise crowd out the evidence.
  const compact = people.length > compactCitedBy;
  card.field(
    t.citedBy,
    people.length === 0
      ? t.nobody
      : compact
        ? people.map(({ person, sources }) => `${name(person)}${card.refs(sources)}`).join(', ')
        : people.map(
            ({ person, detail, sources }) =>
              `• ${name(person)}${detail ? ` — ${local(render.lang, detail)}` : ''}${card.refs(sources)}`,
          ),
  );
  return card.build({ title: recordName(render.lang, motive), description });
}

/** /why-defect without a motive: one line per motive, naming who cited it. */
export function motivesOverviewEmbed(render: RenderContext): APIEmbed {
  const t = strings(render.lang);
  const lines = render.knowledge.motives.map((motive) => {
    const people = [
      ...new Set(citing(render.knowledge, motive).map(({ person }) => personShortName(render.lang, person))),
    ];
    return `• **${recordName(render.lang, motive)}** — ${t.citedBy}: ${people.length ? people.join(', ') : t.nobody}`;
  });
  return { title: t.whyOverview, description: [t.whyOverviewIntro, '', ...lines].join('\n') };
}
