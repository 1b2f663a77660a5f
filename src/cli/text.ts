import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function message(data: APIInteractionResponseCallbackData | undefined): string[] {
  const out: string[] = [];
  if (!data) return out;
  if (data.flags !== undefined && (Number(data.flags) & MessageFlags.Ephemeral) !== 0) {
    out.push('(only you can see this)');
  }
  if (data.content) out.push(data.content);
  for (const embed of data.embeds ?? []) {
    if (embed.title) out.push(`== ${embed.title} ==`);
    if (embed.description) out.push(embed.description);
    for (const field of embed.fields ?? []) out.push(`-- ${field.name}`, indent(field.value));
    if (embed.footer) out.push(`(${embed.footer.text})`);
    if (embed.image) out.push(`[picture: ${embed.image.url}]`);
  }
  for (const row of data.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    const buttons = row.components.flatMap((component) =>
      component.type === ComponentType.Button && 'custom_id' in component
        ? [`[${component.label ?? ''}] ${component.custom_id}`]
        : [],
    );
    if (buttons.length) out.push(`buttons: ${buttons.join('   ')}`);
  }
  return out;
}

/** A response as a person reads it in a terminal: text, embeds, fields, footer, buttons and their ids. */
export function responseAsText(response: APIInteractionResponse): string {
  switch (response.type) {
    case InteractionResponseType.ApplicationCommandAutocompleteResult: {
      const choices = response.data.choices ?? [];
      if (choices.length === 0) return '(no choices)';
      return choices.map((choice) => `${choice.name}  ->  ${String(choice.value)}`).join('\n');
    }
    case InteractionResponseType.ChannelMessageWithSource:
      return message(response.data).join('\n');
    case InteractionResponseType.UpdateMessage:
      return ['(message updated)', ...message(response.data)].join('\n');
    default:
      return `(response type ${response.type})`;
  }
}
