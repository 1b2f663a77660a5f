import type { BotContext } from '../interactions/context.ts';
import type { Lang } from '../render/i18n.ts';
import type { Choice } from '../search/types.ts';

/**
 * Search writes choice names English first (`Thae Yong-ho (태영호) — …`); a Korean reader gets the
 * Hangul first (`태영호 (Thae Yong-ho) — …`). The value, the record id, is what the command reads.
 */
export function localizeChoices(ctx: BotContext, lang: Lang, choices: readonly Choice[]): Choice[] {
  if (lang === 'en') return [...choices];
  const { people, motives, responses } = ctx.knowledge.byId;
  return choices.map((choice) => {
    const id = choice.value.slice(choice.value.indexOf(':') + 1);
    const record = people.get(id) ?? motives.get(id) ?? responses.get(id);
    if (!record) return choice;
    const english = `${record.name} (${record.hangul})`;
    return choice.name.startsWith(english)
      ? { ...choice, name: `${record.hangul} (${record.name})${choice.name.slice(english.length)}` }
      : choice;
  });
}
