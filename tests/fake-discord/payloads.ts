import {
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APITextChannel,
  type APIUser,
  type ApplicationFlags,
  type ChannelFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  GatewayVersion,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  MessageFlags,
  type UserFlags,
} from 'discord-api-types/v10';

/** The fixed cast of a fake Discord: one bot, its application, some guilds, one human tester. */
export interface World {
  applicationId: string;
  bot: APIUser;
  tester: APIUser;
  guilds: string[];
  /** One text channel per guild, where interactions happen and replies land. */
  channelOf: (guildId: string) => string;
  dmChannelId: string;
}

// Administrator, so discord.js permission checks in the bot never depend on the fake.
const ALL_PERMISSIONS = '2251799813685247';
const JOINED_AT = '2024-01-01T00:00:00.000Z';

export function user(id: string, username: string, bot: boolean): APIUser {
  return {
    id,
    username,
    global_name: bot ? null : username,
    discriminator: bot ? '0001' : '0',
    avatar: null,
    bot,
    system: false,
    mfa_enabled: false,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
  };
}

export function member(of: APIUser): APIGuildMember {
  return {
    user: of,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function textChannel(id: string, guildId: string): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

/** The partial channel Discord puts in an interaction: the full channel plus the caller's permissions. */
export function interactionChannel(
  world: World,
  guildId: string | null,
): APIChannel & { permissions: string } {
  if (guildId === null) {
    return {
      id: world.dmChannelId,
      type: ChannelType.DM,
      last_message_id: null,
      recipients: [world.tester],
      flags: 0,
      permissions: ALL_PERMISSIONS,
    } as unknown as APIChannel & { permissions: string };
  }
  return { ...textChannel(world.channelOf(guildId), guildId), permissions: ALL_PERMISSIONS };
}

export function interactionMember(world: World): APIGuildMember & { permissions: string } {
  return { ...member(world.tester), permissions: ALL_PERMISSIONS };
}

export const appPermissions = ALL_PERMISSIONS;

export function ready(
  world: World,
  sessionId: string,
  resumeUrl: string,
  shard: [number, number],
  guildIds: string[],
): GatewayReadyDispatchData {
  return {
    v: Number(GatewayVersion),
    user: { ...world.bot, verified: true, email: null } as GatewayReadyDispatchData['user'],
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: {
      id: world.applicationId,
      flags: 0 as ApplicationFlags,
    } as GatewayReadyDispatchData['application'],
  };
}

export function guildCreate(world: World, guildId: string): GatewayGuildCreateDispatchData {
  const guild: APIGuild = {
    id: guildId,
    name: `Fake guild ${guildId}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.tester.id,
    region: 'us-west',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.AllMessages,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      {
        id: guildId,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: '1071698660929',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  } as unknown as APIGuild;
  return {
    ...guild,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [member(world.bot), member(world.tester)],
    channels: [textChannel(world.channelOf(guildId), guildId)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } as GatewayGuildCreateDispatchData;
}

/** The message fields a webhook or callback body may set. */
export interface MessageBody {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  attachments?: unknown[];
}

/** What every fresh message has: no attachments or mentions, not pinned, sent now, never edited. */
export function plainMessage() {
  return {
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

export function message(
  world: World,
  fields: {
    id: string;
    channelId: string;
    type: number;
    body: MessageBody;
    flags: number;
    interaction?: { id: string; type: number; user: APIUser };
  },
): APIMessage {
  const { body } = fields;
  return {
    id: fields.id,
    type: fields.type,
    channel_id: fields.channelId,
    author: world.bot,
    content: body.content ?? '',
    embeds: (body.embeds ?? []) as APIMessage['embeds'],
    components: (body.components ?? []) as APIMessage['components'],
    ...plainMessage(),
    flags: fields.flags,
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    ...(fields.interaction
      ? {
          interaction_metadata: {
            id: fields.interaction.id,
            type: fields.interaction.type,
            user: fields.interaction.user,
            authorizing_integration_owners: {},
          },
        }
      : {}),
  } as APIMessage;
}

/** Applies an edit the way Discord does: only the fields present change. */
export function editMessage(existing: APIMessage, body: MessageBody): APIMessage {
  return {
    ...existing,
    ...(body.content !== undefined ? { content: body.content ?? '' } : {}),
    ...(body.embeds !== undefined ? { embeds: (body.embeds ?? []) as APIMessage['embeds'] } : {}),
    ...(body.components !== undefined
      ? { components: (body.components ?? []) as APIMessage['components'] }
      : {}),
    flags: ((existing.flags ?? 0) & ~MessageFlags.Loading) | (body.flags ?? 0),
    edited_timestamp: new Date().toISOString(),
  };
}
