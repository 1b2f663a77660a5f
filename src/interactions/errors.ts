import { type APIInteractionResponse, ApplicationCommandType, InteractionType } from 'discord-api-types/v10';
import type { Logger } from '../logger.ts';
import { type Lang, langOf, strings } from '../render/i18n.ts';
import { autocompleteResponse, messageResponse, notice } from '../render/message.ts';

/**
 * The one error path. Whatever fails while answering, in the core or in a transport, the user gets
 * the same private message in their language (autocomplete, which cannot show one, gets no
 * choices), and the operator gets one log line naming the interaction and command. The
 * interaction's token, a webhook credential, is never part of it.
 */

/** What a log line says about an interaction: safe on any input, even one that is not an object. */
export interface InteractionSummary {
  interactionId?: string;
  kind?: string;
  command?: string;
}

/** Told about an error caught while answering an interaction. */
export type ErrorReport = (error: unknown, about: InteractionSummary) => void;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The interaction id, its type's name and the command name or custom_id, each only when present. */
export function describeInteraction(interaction: unknown): InteractionSummary {
  const type = field(interaction, 'type');
  const data = field(interaction, 'data');
  const summary: InteractionSummary = {};
  const id = text(field(interaction, 'id'));
  if (id !== undefined) summary.interactionId = id;
  if (typeof type === 'number' && InteractionType[type] !== undefined) summary.kind = InteractionType[type];
  const name = text(field(data, 'name'));
  const customId = text(field(data, 'custom_id'));
  // Slash commands are logged as typed (`/defector`); message commands by their name alone.
  if (name !== undefined)
    summary.command = field(data, 'type') === ApplicationCommandType.Message ? name : `/${name}`;
  else if (customId !== undefined) summary.command = customId;
  return summary;
}

/** The reader's language from the interaction's locale, on any input. */
export function langOfInteraction(interaction: unknown): Lang {
  return langOf(text(field(interaction, 'locale')));
}

/** The private "something went wrong" reply, in the user's language. */
export function errorResponse(interaction: unknown): APIInteractionResponse {
  if (field(interaction, 'type') === InteractionType.ApplicationCommandAutocomplete) {
    return autocompleteResponse([]);
  }
  return messageResponse(notice(strings(langOfInteraction(interaction)).genericError));
}

/** The report every transport gives the core: one error line with what it was answering. */
export function logErrorsTo(logger: Logger): ErrorReport {
  return (error, about) => logger.error({ ...about, err: error }, 'interaction failed');
}
