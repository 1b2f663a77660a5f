import type { Person } from '../knowledge/schema.ts';
import { recordChoices } from '../render/choices.ts';
import { type Lang, strings } from '../render/i18n.ts';
import { limits } from '../render/limits.ts';
import { notice, type Reply } from '../render/message.ts';
import { personEmbed, personMotivesEmbed } from '../render/person.ts';
import { routeMap } from '../render/pictures.ts';
import { handleButton } from './button.ts';
import { defineCommand, textOption } from './command.ts';
import type { BotContext } from './context.ts';
import { cardButton, personButtons, whyButton } from './person-buttons.ts';
import { resolve } from './resolve.ts';
import { alsoMatching, missReply } from './suggestions.ts';

/** A person's card, with the map of their route where it can be drawn. */
function personCard(ctx: BotContext, lang: Lang, person: Person): Reply {
  const render = { knowledge: ctx.knowledge, lang };
  const map = routeMap(render, person, 0);
  return {
    embeds: [personEmbed(render, person)],
    pictures: map ? [map] : [],
    buttons: personButtons(lang, person, 'card'),
  };
}

/** The "Why they left" button: that person's motives. */
function personMotives(ctx: BotContext, lang: Lang, personId: string): Reply {
  const person = ctx.knowledge.byId.people.get(personId);
  if (!person) return notice(strings(lang).goneRecord);
  return {
    embeds: [personMotivesEmbed({ knowledge: ctx.knowledge, lang }, person)],
    buttons: personButtons(lang, person, 'why'),
  };
}

/** The "Card" button: back to the person's card. */
function personCardById(ctx: BotContext, lang: Lang, personId: string): Reply {
  const person = ctx.knowledge.byId.people.get(personId);
  return person ? personCard(ctx, lang, person) : notice(strings(lang).goneRecord);
}

export const defector = defineCommand({
  texts: {
    name: 'defector',
    ko: '망명자',
    description: "A defector's card: post, defection, who came along, what came after, motives",
    koDescription: '망명자 카드: 직위, 망명 경위, 동행자, 이후 행적, 동기',
  },
  options: [
    textOption(
      {
        name: 'name',
        ko: '이름',
        description: 'Name in English or Korean, e.g. Thae Yong-ho or 태영호',
        koDescription: '영어 또는 한국어 이름 (예: 태영호, Thae Yong-ho)',
      },
      true,
    ),
  ],

  run(ctx, { options, lang }) {
    const t = strings(lang);
    const found = resolve(ctx, 'person', options.name);
    if (!found.found) return missReply(lang, t, t.noDefector, options.name, found.suggestions);
    return { ...personCard(ctx, lang, found.record), content: alsoMatching(lang, t, found.others) };
  },

  autocomplete(ctx, { text }, lang) {
    return recordChoices(lang, ctx.search.autocomplete('person', text, limits.choices), false);
  },

  buttons: [
    handleButton(cardButton, (ctx, person, lang) => personCardById(ctx, lang, person)),
    handleButton(whyButton, (ctx, person, lang) => personMotives(ctx, lang, person)),
  ],
});
