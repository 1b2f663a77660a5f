import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIPingInteraction,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  InteractionType,
  type Locale,
} from 'discord-api-types/v10';

/** Interactions shaped as Discord delivers them by HTTP for a slash command used in a DM. */

const APPLICATION_ID = '1100000000000000001';
let serial = 0;

function base(locale: Locale | `${Locale}`) {
  serial += 1;
  return {
    id: String(1200000000000000000n + BigInt(serial)),
    application_id: APPLICATION_ID,
    token: `token-${serial}`,
    version: 1 as const,
    app_permissions: '0',
    locale: locale as Locale,
    entitlements: [],
    authorizing_integration_owners: {},
    context: InteractionContextType.BotDM,
    attachment_size_limit: 10_485_760,
    channel_id: '1300000000000000001',
    channel: { id: '1300000000000000001', type: ChannelType.DM as const },
    user: {
      id: '1400000000000000001',
      username: 'tester',
      discriminator: '0',
      global_name: null,
      avatar: null,
    },
  };
}

export function ping(): APIPingInteraction {
  const { id, application_id, token, version, app_permissions, entitlements } = base('en-US');
  return {
    id,
    application_id,
    token,
    version,
    app_permissions,
    entitlements,
    authorizing_integration_owners: {},
    attachment_size_limit: 10_485_760,
    type: InteractionType.Ping,
  };
}

export function command(
  name: string,
  options: APIApplicationCommandInteractionDataBasicOption[] = [],
  locale: Locale | `${Locale}` = 'en-US',
): APIChatInputApplicationCommandInteraction {
  return {
    ...base(locale),
    type: InteractionType.ApplicationCommand,
    data: { id: '1500000000000000001', name, type: ApplicationCommandType.ChatInput, options },
  };
}

export function autocomplete(
  name: string,
  options: APIApplicationCommandInteractionDataBasicOption[],
  locale: Locale | `${Locale}` = 'en-US',
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(locale),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: '1500000000000000001', name, type: ApplicationCommandType.ChatInput, options },
  };
}
