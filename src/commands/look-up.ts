import type { AnyRecord } from '../knowledge/kinds.ts';
import { strings } from '../render/i18n.ts';
import { limits } from '../render/limits.ts';
import { mentionLabel, mentionsEmbed } from '../render/mentions.ts';
import { type Button, notice } from '../render/message.ts';
import { eventCardButton, motiveCardButton, responseCardButton } from './card-buttons.ts';
import { defineMessageCommand } from './command.ts';
import { cardButton } from './person-buttons.ts';

/** One button per line, so no more lines than a message has buttons: 5 rows of 5. */
export const maxMentionsShown = limits.buttonsPerRow * limits.rowsPerMessage;

/** The button that opens a record's card; each is answered by the command that shows that card. */
function openButton(mention: AnyRecord): string {
  switch (mention.kind) {
    case 'person':
      return cardButton.encode(mention.record.id);
    case 'motive':
      return motiveCardButton.encode(mention.record.id);
    case 'response':
      return responseCardButton.encode(mention.record.id);
    case 'event':
      return eventCardButton.encode(mention.record.id);
  }
}

/**
 * "Look up defectors" on any message: who and what the message mentions, privately, each with a
 * button that opens its card. Only the message's text is read (content, embed titles and
 * descriptions), and it is never echoed back.
 */
export const lookUp = defineMessageCommand({
  texts: { name: 'Look up defectors', ko: '망명자 찾기' },

  run(ctx, { text, lang }) {
    const t = strings(lang);
    if (text.trim() === '') return notice(t.noMessageText);
    const found = ctx.search.mentions(text);
    if (found.length === 0) return notice(t.nothingMentioned);
    const shown = found.slice(0, maxMentionsShown);
    const buttons: Button[] = shown.map((mention) => ({
      label: mentionLabel(lang, mention),
      customId: openButton(mention),
    }));
    return { embeds: [mentionsEmbed(lang, shown, found.length)], buttons, ephemeral: true };
  },
});
