import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';

/**
 * The deferral Discord accepts for this kind of interaction: "thinking…" for a command, a silent
 * acknowledgement for a button (whose message is then edited). Autocomplete cannot be deferred.
 */
export function deferralFor(interaction: APIInteraction): APIInteractionResponse | undefined {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ModalSubmit:
      return { type: InteractionResponseType.DeferredChannelMessageWithSource };
    case InteractionType.MessageComponent:
      return { type: InteractionResponseType.DeferredMessageUpdate };
    default:
      return undefined;
  }
}
