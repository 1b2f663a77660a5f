import { ButtonStyle } from 'discord-api-types/v10';
import type { BotContext } from '../interactions/context.ts';
import { encodeCustomId } from '../interactions/custom-id.ts';
import type { Person } from '../knowledge/schema.ts';
import { type Lang, strings } from '../render/i18n.ts';
import { type Button, notice, type Reply } from '../render/message.ts';
import { personEmbed, personMotivesEmbed } from '../render/person.ts';
import { type Command, chatInput, textOption, textValue } from './command.ts';
import { resolve } from './resolve.ts';
import { alsoMatching, missReply } from './suggestions.ts';

/** The buttons under anything about one person; the view being shown leaves its own button out. */
export function personButtons(lang: Lang, person: Person, showing: 'card' | 'why' | 'timeline'): Button[] {
  const t = strings(lang);
  const buttons: Button[] = [];
  if (showing !== 'card')
    buttons.push({
      label: t.backToCard,
      customId: encodeCustomId({ action: 'defector', person: person.id }),
    });
  if (showing !== 'why' && (person.motives ?? []).length > 0) {
    buttons.push({
      label: t.whyTheyLeft,
      customId: encodeCustomId({ action: 'why', person: person.id }),
      style: ButtonStyle.Primary,
    });
  }
  if (showing !== 'timeline') {
    buttons.push({
      label: t.timeline,
      customId: encodeCustomId({ action: 'timeline', page: 1, filter: { person: person.id } }),
    });
  }
  return buttons;
}

export function personCard(ctx: BotContext, lang: Lang, person: Person): Reply {
  return {
    embeds: [personEmbed({ knowledge: ctx.knowledge, lang }, person)],
    buttons: personButtons(lang, person, 'card'),
  };
}

/** The "Why they left" button: that person's motives. */
export function personMotives(ctx: BotContext, lang: Lang, personId: string): Reply {
  const person = ctx.knowledge.byId.people.get(personId);
  if (!person) return notice(strings(lang).goneRecord);
  return {
    embeds: [personMotivesEmbed({ knowledge: ctx.knowledge, lang }, person)],
    buttons: personButtons(lang, person, 'why'),
  };
}

/** The "Card" button: back to the person's card. */
export function personCardById(ctx: BotContext, lang: Lang, personId: string): Reply {
  const person = ctx.knowledge.byId.people.get(personId);
  return person ? personCard(ctx, lang, person) : notice(strings(lang).goneRecord);
}

export const defector: Command = {
  definition: chatInput(
    {
      name: 'defector',
      ko: '망명자',
      description: "A defector's card: post, defection, who came along, what came after, motives",
      koDescription: '망명자 카드: 직위, 망명 경위, 동행자, 이후 행적, 동기',
    },
    [
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
  ),

  run(ctx, { options, lang }) {
    const t = strings(lang);
    const query = textValue(options, 'name') ?? '';
    const found = resolve(ctx, 'person', query);
    if (!found.found) return missReply(lang, t, t.noDefector, query, found.suggestions);
    return { ...personCard(ctx, lang, found.record), content: alsoMatching(lang, t, found.others) };
  },

  autocomplete(ctx, _option, text) {
    return ctx.search.autocomplete('person', text);
  },
};
