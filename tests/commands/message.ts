import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import { brokenRules } from '../interactions/discord-rules.ts';

/** The message of a type 4 (or, with `update`, type 7) response, after checking Discord's rules. */
export function messageOf(
  response: APIInteractionResponse,
  update = false,
): APIInteractionResponseCallbackData {
  expect(response.type).toBe(
    update ? InteractionResponseType.UpdateMessage : InteractionResponseType.ChannelMessageWithSource,
  );
  expect(brokenRules(response)).toEqual([]);
  return (response as { data: APIInteractionResponseCallbackData }).data;
}
