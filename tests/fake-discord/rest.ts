import {
  type APIInteraction,
  type APIMessage,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  RESTJSONErrorCodes,
  WebhookType,
} from 'discord-api-types/v10';
import { commandIdFor } from './interactions.ts';
import { editMessage, type MessageBody, message, type World } from './payloads.ts';
import { snowflake } from './snowflake.ts';
import { checkAutocomplete, checkCommands, checkMessage, type DiscordError } from './validate.ts';

export interface RecordedRequest {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The path as sent, e.g. with `%40original`. */
  rawPath: string;
  query: Record<string, string>;
  /** Lower-cased names; `authorization` is left out. */
  headers: Record<string, string>;
  /** Parsed JSON (or `payload_json` of a multipart body); `null` without a body. */
  body: unknown;
  /** The file parts of a multipart body (pictures), in the order sent. */
  files: UploadedFile[];
  at: number;
  /** The status answered, or 0 when the fake dropped the connection instead of answering. */
  status: number;
  /** Set when a `restDrop` fault cut the connection: whether the call took effect first. */
  dropped?: 'unprocessed' | 'processed';
}

export interface UploadedFile {
  /** The form field, `files[0]` and so on. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface InteractionRecord {
  payload: APIInteraction;
  callback: { type: number; data?: unknown } | null;
  /** The message `@original` refers to: the reply, or for a component the message it sits on. */
  originalId: string | null;
  messageIds: Set<string>;
}

/**
 * An injected REST failure for the next `remaining` calls whose path starts with `pathPrefix`: a status
 * (the call is not processed), or a dropped connection, either before the call takes effect (the
 * request never reached Discord) or after (Discord acted on it, but the answer was lost on the way).
 */
export type RestFault = { remaining: number; pathPrefix: string } & (
  | { kind: 'status'; status: 429 | 500; retryAfterSec: number }
  | { kind: 'drop'; processed: boolean }
);

export interface RestState {
  world: World;
  gatewayUrl: () => string;
  recommendedShards: number;
  maxConcurrency: number;
  interactions: Map<string, InteractionRecord>;
  messages: Map<string, APIMessage>;
  commands: Map<string, unknown[]>;
  faults: RestFault[];
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const json = (status: number, body: unknown): Reply => ({ status, body });
const noContent: Reply = { status: 204 };
const error = (status: number, message: string, code: number): Reply => ({ status, body: { message, code } });
const fromDiscordError = (problem: DiscordError): Reply => ({ status: problem.status, body: problem.body });

const notFound = () => error(404, '404: Not Found', RESTJSONErrorCodes.GeneralError);
const notAllowed = () => error(405, '405: Method Not Allowed', RESTJSONErrorCodes.GeneralError);
const unknownInteraction = () => error(404, 'Unknown interaction', RESTJSONErrorCodes.UnknownInteraction);
const unknownWebhook = () => error(404, 'Unknown Webhook', RESTJSONErrorCodes.UnknownWebhook);
const unknownMessage = () => error(404, 'Unknown Message', RESTJSONErrorCodes.UnknownMessage);

/**
 * Makes the fake answer this interaction's callback and webhook. A component's `@original` is the message
 * the component sits on, which the fake learns here if it did not create it.
 */
export function registerInteraction(
  state: RestState,
  payload: APIInteraction,
  componentMessage?: APIMessage,
): void {
  const record: InteractionRecord = { payload, callback: null, originalId: null, messageIds: new Set() };
  if (payload.type === InteractionType.MessageComponent && componentMessage) {
    record.originalId = componentMessage.id;
    record.messageIds.add(componentMessage.id);
    if (!state.messages.has(componentMessage.id)) state.messages.set(componentMessage.id, componentMessage);
  }
  state.interactions.set(payload.id, record);
}

/** Takes one use of the first fault that matches `path`, in the order they were injected. */
export function takeFault(state: RestState, path: string): RestFault | null {
  const fault = state.faults.find((f) => f.remaining > 0 && path.startsWith(f.pathPrefix));
  if (!fault) return null;
  fault.remaining--;
  return fault;
}

export function faultReply(fault: RestFault & { kind: 'status' }): Reply {
  if (fault.status === 500) return error(500, '500: Internal Server Error', RESTJSONErrorCodes.GeneralError);
  return {
    status: 429,
    headers: { 'retry-after': String(fault.retryAfterSec), 'x-ratelimit-scope': 'user' },
    body: { message: 'You are being rate limited.', retry_after: fault.retryAfterSec, global: false },
  };
}

/** Routes one REST call (already stripped of `/api/v10`) against the fake's state. */
export function route(
  state: RestState,
  method: string,
  segments: string[],
  query: URLSearchParams,
  body: unknown,
  authorized: boolean,
): Reply {
  const [head, ...rest] = segments;
  if (head === 'interactions' && rest.length === 3 && rest[2] === 'callback' && method === 'POST') {
    return callback(state, rest[0] ?? '', rest[1] ?? '', query, body);
  }
  if (head === 'webhooks' && rest.length >= 2) return webhook(state, method, rest, query, body);
  if (!authorized) return error(401, '401: Unauthorized', RESTJSONErrorCodes.GeneralError);
  const path = segments.join('/');
  if (method === 'GET' && path === 'gateway/bot') {
    return json(200, {
      url: state.gatewayUrl(),
      shards: state.recommendedShards,
      session_start_limit: {
        total: 1000,
        remaining: 999,
        reset_after: 14_400_000,
        max_concurrency: state.maxConcurrency,
      },
    });
  }
  if (method === 'GET' && path === 'gateway') return json(200, { url: state.gatewayUrl() });
  if (method === 'GET' && path === 'users/@me') return json(200, state.world.bot);
  if (method === 'GET' && path === 'applications/@me') return json(200, application(state.world));
  if (head === 'applications' && rest[0] === state.world.applicationId)
    return commands(state, method, rest.slice(1), body);
  return notFound();
}

function application(world: World) {
  return {
    id: world.applicationId,
    name: world.bot.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: world.bot,
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: world.tester,
    team: null,
    summary: '',
    install_params: { scopes: ['applications.commands', 'bot'], permissions: '0' },
  };
}

/** `/commands` and `/guilds/:guild/commands`: bulk overwrite echoes the commands back with ids. */
function commands(state: RestState, method: string, segments: string[], body: unknown): Reply {
  let guildId: string | null = null;
  let tail = segments;
  if (segments[0] === 'guilds' && segments[1]) {
    guildId = segments[1];
    tail = segments.slice(2);
  }
  if (tail[0] !== 'commands') return notFound();
  const key = guildId ?? 'global';
  const stored = state.commands.get(key) ?? [];
  if (tail.length === 1 && method === 'GET') return json(200, stored);
  if (tail.length === 1 && method === 'PUT') {
    const problem = checkCommands(body);
    if (problem) return fromDiscordError(problem);
    const saved = (body as Record<string, unknown>[]).map((command) =>
      savedCommand(state.world, command, guildId),
    );
    state.commands.set(key, saved);
    return json(200, saved);
  }
  if (tail.length === 1 && method === 'POST') {
    const problem = checkCommands([body]);
    if (problem) return fromDiscordError(problem);
    const saved = savedCommand(state.world, body as Record<string, unknown>, guildId);
    state.commands.set(key, [...stored.filter((c) => (c as { name: string }).name !== saved.name), saved]);
    return json(201, saved);
  }
  if (tail.length === 2 && method === 'DELETE') {
    state.commands.set(
      key,
      stored.filter((c) => (c as { id: string }).id !== tail[1]),
    );
    return noContent;
  }
  return notFound();
}

function savedCommand(world: World, command: Record<string, unknown>, guildId: string | null) {
  const name = String(command.name);
  return {
    id: commandIdFor(name),
    application_id: world.applicationId,
    version: snowflake(),
    type: ApplicationCommandType.ChatInput,
    description: '',
    options: [],
    default_member_permissions: null,
    nsfw: false,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: null,
    name_localizations: null,
    description_localizations: null,
    ...command,
    ...(guildId ? { guild_id: guildId } : {}),
    name,
  };
}

function callback(state: RestState, id: string, token: string, query: URLSearchParams, body: unknown): Reply {
  const record = state.interactions.get(id);
  if (!record || record.payload.token !== token) return unknownInteraction();
  if (record.callback) {
    return error(
      400,
      'Interaction has already been acknowledged.',
      RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    );
  }
  const { type, data } = (body ?? {}) as { type?: number; data?: MessageBody & Record<string, unknown> };
  if (typeof type !== 'number') {
    return error(400, 'Invalid Form Body', RESTJSONErrorCodes.InvalidFormBodyOrContentType);
  }
  const problem =
    type === InteractionResponseType.ChannelMessageWithSource ||
    type === InteractionResponseType.UpdateMessage
      ? checkMessage(data ?? {}, type === InteractionResponseType.ChannelMessageWithSource)
      : type === InteractionResponseType.ApplicationCommandAutocompleteResult
        ? checkAutocomplete(data)
        : null;
  if (problem) return fromDiscordError(problem);
  const payload = record.payload as APIInteraction & { message?: APIMessage };
  if (
    type === InteractionResponseType.ApplicationCommandAutocompleteResult &&
    payload.type !== InteractionType.ApplicationCommandAutocomplete
  ) {
    return error(
      400,
      'Interaction is not an autocomplete interaction',
      RESTJSONErrorCodes.InvalidFormBodyOrContentType,
    );
  }
  record.callback = { type, ...(data === undefined ? {} : { data }) };

  let produced: APIMessage | null = null;
  if (
    type === InteractionResponseType.ChannelMessageWithSource ||
    type === InteractionResponseType.DeferredChannelMessageWithSource
  ) {
    const flags =
      (data?.flags ?? 0) |
      (type === InteractionResponseType.DeferredChannelMessageWithSource ? MessageFlags.Loading : 0);
    produced = createMessage(
      state,
      record,
      type === InteractionResponseType.ChannelMessageWithSource ? (data ?? {}) : {},
      flags,
    );
    record.originalId = produced.id;
  } else if (
    (type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate) &&
    payload.message
  ) {
    const existing = state.messages.get(payload.message.id) ?? payload.message;
    produced = type === InteractionResponseType.UpdateMessage ? editMessage(existing, data ?? {}) : existing;
    state.messages.set(produced.id, produced);
    record.originalId = produced.id;
    record.messageIds.add(produced.id);
  }
  if (query.get('with_response') !== 'true') return noContent;
  return json(200, {
    interaction: {
      id,
      type: payload.type,
      response_message_id: produced?.id,
      response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
      response_message_ephemeral: ((produced?.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    },
    resource: { type, ...(produced ? { message: produced } : {}) },
  });
}

function createMessage(
  state: RestState,
  record: InteractionRecord,
  body: MessageBody,
  flags: number,
): APIMessage {
  const { payload } = record;
  const isCommand = payload.type === InteractionType.ApplicationCommand;
  const created = message(state.world, {
    id: snowflake(),
    channelId: payload.channel?.id ?? state.world.dmChannelId,
    type: isCommand ? MessageType.ChatInputCommand : MessageType.Reply,
    body,
    flags,
    interaction: {
      id: payload.id,
      type: payload.type,
      user:
        ('member' in payload && payload.member ? payload.member.user : payload.user) ?? state.world.tester,
    },
  });
  state.messages.set(created.id, created);
  record.messageIds.add(created.id);
  return created;
}

/** `/webhooks/:app/:token[/messages/:id|@original]` for an interaction token. */
function webhook(
  state: RestState,
  method: string,
  segments: string[],
  query: URLSearchParams,
  body: unknown,
): Reply {
  const [appId, token, messages, messageId, ...extra] = segments;
  const record = [...state.interactions.values()].find((r) => r.payload.token === token);
  if (appId !== state.world.applicationId || !record || extra.length > 0) return unknownWebhook();
  if (messages === undefined) {
    if (method === 'POST') return followUp(state, record, query, body);
    if (method === 'GET' || method === 'PATCH') {
      return json(200, {
        id: appId,
        type: WebhookType.Application,
        application_id: appId,
        name: state.world.bot.username,
        token,
      });
    }
    if (method === 'DELETE') return noContent;
    return notAllowed();
  }
  if (messages !== 'messages' || messageId === undefined) return notFound();
  const id = messageId === '@original' ? record.originalId : messageId;
  const existing = id && record.messageIds.has(id) ? state.messages.get(id) : undefined;
  if (!existing) return unknownMessage();
  if (method === 'GET') return json(200, existing);
  if (method === 'DELETE') {
    state.messages.delete(existing.id);
    record.messageIds.delete(existing.id);
    return noContent;
  }
  if (method === 'PATCH') {
    const problem = checkMessage(body ?? {}, false);
    if (problem) return fromDiscordError(problem);
    const edited = editMessage(existing, (body ?? {}) as MessageBody);
    state.messages.set(edited.id, edited);
    return json(200, edited);
  }
  return notAllowed();
}

function followUp(state: RestState, record: InteractionRecord, query: URLSearchParams, body: unknown): Reply {
  if (!record.callback) return unknownWebhook();
  const problem = checkMessage(body ?? {}, true);
  if (problem) return fromDiscordError(problem);
  const fields = (body ?? {}) as MessageBody;
  const created = createMessage(state, record, fields, fields.flags ?? 0);
  return query.get('wait') === 'true' ? json(200, created) : noContent;
}
