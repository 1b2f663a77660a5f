import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIInteractionResponse,
  ComponentType,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { embedTextLength, limits } from '../../src/render/limits.ts';

/**
 * Every rule Discord applies to a response, checked independently of the code that enforces
 * them. Returns the broken rules (empty when the response would be accepted).
 */
export function brokenRules(response: APIInteractionResponse): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, rule: string) => {
    if (!ok) broken.push(rule);
  };
  if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    const choices = response.data.choices ?? [];
    check(choices.length <= 25, 'at most 25 choices');
    for (const choice of choices) {
      check(choice.name.length >= 1 && choice.name.length <= 100, 'choice name 1-100');
      check(String(choice.value).length <= 100, 'choice value at most 100');
    }
    return broken;
  }
  if (response.type === InteractionResponseType.Pong) return broken;
  if (
    response.type !== InteractionResponseType.ChannelMessageWithSource &&
    response.type !== InteractionResponseType.UpdateMessage
  ) {
    return [`unexpected response type ${response.type}`];
  }
  const data = response.data;
  if (!data) return ['message without data'];
  check(JSON.stringify(data.allowed_mentions) === JSON.stringify({ parse: [] }), 'allowed_mentions locked');
  check((data.content ?? '').length <= limits.content, 'content at most 2000');
  const embeds = data.embeds ?? [];
  check(embeds.length <= 10, 'at most 10 embeds');
  check(
    embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0) <= 6000,
    '6000 characters of embed text',
  );
  check(embeds.length > 0 || (data.content ?? '').length > 0, 'a message has content or embeds');
  for (const embed of embeds) {
    check((embed.title?.length ?? 0) <= 256, 'title at most 256');
    check((embed.description?.length ?? 0) <= 4096, 'description at most 4096');
    check((embed.fields?.length ?? 0) <= 25, 'at most 25 fields');
    check((embed.footer?.text.length ?? 0) <= 2048, 'footer at most 2048');
    check((embed.author?.name.length ?? 0) <= 256, 'author at most 256');
    for (const field of embed.fields ?? []) {
      check(field.name.length >= 1 && field.name.length <= 256, 'field name 1-256');
      check(field.value.length >= 1 && field.value.length <= 1024, 'field value 1-1024');
    }
  }
  const rows = (data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[];
  check(rows.length <= 5, 'at most 5 rows');
  const ids = new Set<string>();
  for (const row of rows) {
    check(row.components.length <= 5, 'at most 5 buttons a row');
    for (const component of row.components) {
      if (component.type !== ComponentType.Button || !('custom_id' in component)) continue;
      check(component.custom_id.length <= 100, 'custom_id at most 100');
      check((component.label ?? '').length <= 80, 'label at most 80');
      check(!ids.has(component.custom_id), 'custom_ids unique in a message');
      ids.add(component.custom_id);
    }
  }
  return broken;
}

/** The custom_ids of the buttons on a message response. */
export function buttonIds(response: APIInteractionResponse): string[] {
  if (!('data' in response) || !response.data || !('components' in response.data)) return [];
  const rows = (response.data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[];
  return rows.flatMap((row) =>
    row.components.flatMap((component) => ('custom_id' in component ? [component.custom_id] : [])),
  );
}
