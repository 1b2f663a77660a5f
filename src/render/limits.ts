import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';

/**
 * Every size limit Discord enforces on what the bot sends, applied here and nowhere else, so a
 * long record or a long user query is cut with an ellipsis instead of being rejected by Discord.
 * Lengths are counted in UTF-16 code units, which is never less than Discord's own count.
 */
export const limits = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ellipsis = '…';
/** Discord rejects empty field names and values; a zero-width space renders as nothing. */
export const blank = '\u200b';

/** `text` cut to at most `max` code units, ending in an ellipsis when cut, never splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ellipsis.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, Math.max(end, 0)) + ellipsis;
}

function nonEmpty(text: string, max: number): string {
  const trimmed = cut(text, max);
  return trimmed.trim() === '' ? blank : trimmed;
}

/** The characters Discord counts towards the 6000 shared by all embeds of one message. */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = cut(embed.title, limits.embedTitle);
  if (embed.description !== undefined) fitted.description = cut(embed.description, limits.embedDescription);
  if (embed.footer) fitted.footer = { ...embed.footer, text: cut(embed.footer.text, limits.footerText) };
  if (embed.author) fitted.author = { ...embed.author, name: cut(embed.author.name, limits.authorName) };
  if (embed.fields) {
    fitted.fields = embed.fields.slice(0, limits.embedFields).map(
      (field): APIEmbedField => ({
        ...field,
        name: nonEmpty(field.name, limits.fieldName),
        value: nonEmpty(field.value, limits.fieldValue),
      }),
    );
  }
  return fitted;
}

/**
 * Shortens one embed by at least `excess` characters. The body (the description and the values of
 * fields not kept) is cut in proportion, so a card keeps a little of each field rather than
 * losing whole fields; headings (title, field names, footer) and the kept fields (a card's
 * sources) stay whole. Only if that cannot save enough do trailing body fields go, and last of
 * all the kept fields are cut too, so the limit always holds.
 */
export function shrinkEmbed(
  embed: APIEmbed,
  excess: number,
  keep: (field: APIEmbedField) => boolean = () => false,
): APIEmbed {
  let current = embed;
  let left = excess;
  const scaleBody = (everything: boolean) => {
    for (let pass = 0; pass < 4 && left > 0; pass += 1) {
      const body =
        (current.description?.length ?? 0) +
        (current.fields ?? [])
          .filter((field) => everything || !keep(field))
          .reduce((sum, field) => sum + field.value.length, 0);
      if (body === 0) return;
      const ratio = Math.max(0, (body - left) / body);
      const scale = (text: string) => cut(text, Math.max(1, Math.floor(text.length * ratio)));
      const next: APIEmbed = { ...current };
      if (current.description !== undefined) next.description = scale(current.description);
      if (current.fields) {
        next.fields = current.fields.map((field) =>
          everything || !keep(field)
            ? { ...field, value: nonEmpty(scale(field.value), limits.fieldValue) }
            : field,
        );
      }
      left -= embedTextLength(current) - embedTextLength(next);
      current = next;
    }
  };
  scaleBody(false);
  const fields = [...(current.fields ?? [])];
  for (let i = fields.length - 1; i >= 0 && left > 0; i -= 1) {
    const field = fields[i] as APIEmbedField;
    if (keep(field)) continue;
    fields.splice(i, 1);
    left -= field.name.length + field.value.length;
  }
  if (current.fields) current = { ...current, fields };
  scaleBody(true);
  // Headings alone over the limit (only absurd input gets here): cut them in proportion too.
  for (let pass = 0; pass < 4 && left > 0; pass += 1) {
    const total = embedTextLength(current);
    const ratio = Math.max(0, (total - left) / total);
    const scale = (text: string) => cut(text, Math.max(1, Math.floor(text.length * ratio)));
    const next: APIEmbed = { ...current };
    if (current.title !== undefined) next.title = scale(current.title);
    if (current.footer) next.footer = { ...current.footer, text: scale(current.footer.text) };
    if (current.author) next.author = { ...current.author, name: scale(current.author.name) };
    if (current.fields) {
      next.fields = current.fields.map((field) => ({
        ...field,
        name: nonEmpty(scale(field.name), limits.fieldName),
        value: nonEmpty(scale(field.value), limits.fieldValue),
      }));
    }
    left -= total - embedTextLength(next);
    current = next;
  }
  // Still over: fields go, last first, whatever they hold.
  const rest = [...(current.fields ?? [])];
  while (left > 0 && rest.length > 0) {
    const field = rest.pop() as APIEmbedField;
    left -= field.name.length + field.value.length;
  }
  if (current.fields) current = { ...current, fields: rest };
  return current;
}

/** The embeds of one message within every per-embed limit, at most 10, and 6000 characters in all. */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, limits.embedsPerMessage).map(fitEmbed);
  let total = fitted.reduce((sum, embed) => sum + embedTextLength(embed), 0);
  // The last embeds give way first: the first one is the answer, the rest are extras.
  for (let i = fitted.length - 1; i >= 0 && total > limits.embedTotal; i -= 1) {
    const embed = fitted[i] as APIEmbed;
    const before = embedTextLength(embed);
    fitted[i] = shrinkEmbed(embed, total - limits.embedTotal);
    total -= before - embedTextLength(fitted[i] as APIEmbed);
  }
  return fitted;
}
