import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIInteractionResponse,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { checkAutocomplete, checkMessage, type DiscordError } from '../fake-discord/validate.ts';

/**
 * Every rule Discord applies to a response, checked independently of the code that enforces them:
 * Discord's limits as the fake Discord states and checks them (`tests/fake-discord/limits.ts`, from
 * Discord's docs, not `src/render/limits.ts`), plus what the bot promises on top (mentions locked, a
 * message never without text, custom_ids unique). Returns the broken rules (empty when the response
 * would be accepted).
 */
export function brokenRules(response: APIInteractionResponse): string[] {
  if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    return problems(checkAutocomplete(response.data));
  }
  if (response.type === InteractionResponseType.Pong) return [];
  if (
    response.type !== InteractionResponseType.ChannelMessageWithSource &&
    response.type !== InteractionResponseType.UpdateMessage
  ) {
    return [`unexpected response type ${response.type}`];
  }
  const data = response.data;
  if (!data) return ['message without data'];
  const broken = problems(
    checkMessage(data, response.type === InteractionResponseType.ChannelMessageWithSource),
  );
  const check = (ok: boolean, rule: string) => {
    if (!ok) broken.push(rule);
  };
  check(JSON.stringify(data.allowed_mentions) === JSON.stringify({ parse: [] }), 'allowed_mentions locked');
  check((data.embeds ?? []).length > 0 || (data.content ?? '').length > 0, 'a message has content or embeds');
  const ids = buttonIds(response);
  check(new Set(ids).size === ids.length, 'custom_ids unique in a message');
  return broken;
}

/** What Discord would answer, as one rule a line: `embeds.0.title: Must be 256 or fewer in length.` */
function problems(error: DiscordError | null): string[] {
  if (!error) return [];
  const { message, errors } = error.body;
  return errors ? Object.entries(errors).map(([path, problem]) => `${path}: ${problem}`) : [message];
}

/** The custom_ids of the buttons on a message response. */
export function buttonIds(response: APIInteractionResponse): string[] {
  if (!('data' in response) || !response.data || !('components' in response.data)) return [];
  const rows = (response.data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[];
  return rows.flatMap((row) =>
    row.components.flatMap((component) => ('custom_id' in component ? [component.custom_id] : [])),
  );
}
