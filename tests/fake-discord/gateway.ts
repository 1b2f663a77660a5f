import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes, GatewayVersion } from 'discord-api-types/v10';
import { WebSocket, type WebSocketServer } from 'ws';
import { guildCreate, ready, type World } from './payloads.ts';
import { shardOfGuild } from './snowflake.ts';

export interface GatewaySession {
  sessionId: string;
  shard: [number, number];
  intents: number;
  identifiedAt: number;
  resumedAt: number[];
  /** Highest sequence number handed out in this session. */
  seq: number;
  /** Whether a socket is attached right now. */
  connected: boolean;
  /** Over for good: op 9 (not resumable), a newer IDENTIFY for the shard, or the client closed with 1000/1001. */
  invalidated: boolean;
}

export interface RecordedFrame {
  direction: 'in' | 'out';
  /** The shard of the session on that socket, once it has one. */
  shard: number | null;
  sessionId: string | null;
  op: number;
  t: string | null;
  s: number | null;
  /** With `token` replaced by `'[redacted]'` in IDENTIFY and RESUME. */
  d: unknown;
  at: number;
}

export interface RecordedDisconnect {
  shard: number | null;
  sessionId: string | null;
  code: number;
  /** Who started the close; a dropped TCP connection shows as the client's 1006. */
  by: 'client' | 'server';
  at: number;
}

export interface LiveConnection {
  send(op: number, d: unknown): void;
  close(code: number): void;
  /** Destroys the TCP socket without a close frame. */
  drop(): void;
  /** Until this socket is replaced. */
  stopAcks(): void;
  invalidate(): void;
}

/** Where a dispatch goes: an explicit shard, else the shard that owns the guild, else shard 0 (DMs). */
export interface Target {
  guildId?: string | null;
  shard?: number;
}

interface Buffered {
  seq: number;
  t: string;
  d: unknown;
  target: Target;
  sent: boolean;
}

interface Session {
  info: GatewaySession;
  buffer: Buffered[];
  connection: Connection | null;
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
  acking: boolean;
  closedByServer: boolean;
}

export interface GatewayOptions {
  world: World;
  heartbeatIntervalMs: number;
  defaultShardCount: number;
  resumeUrl: () => string;
  onChange: () => void;
}

/** The opcodes a client may send (Discord's table marks them "Send"). */
const CLIENT_OPS = new Set<number>([
  GatewayOpcodes.Heartbeat,
  GatewayOpcodes.Identify,
  GatewayOpcodes.PresenceUpdate,
  GatewayOpcodes.VoiceStateUpdate,
  GatewayOpcodes.Resume,
  GatewayOpcodes.RequestGuildMembers,
  GatewayOpcodes.RequestSoundboardSounds,
  GatewayOpcodes.RequestChannelInfo,
]);

export class Gateway {
  readonly sessions: GatewaySession[] = [];
  readonly frames: RecordedFrame[] = [];
  readonly disconnects: RecordedDisconnect[] = [];
  #readyCount = 0;
  readonly #sessions = new Map<string, Session>();
  readonly #connections = new Set<Connection>();
  readonly #pending: { t: string; d: unknown; target: Target }[] = [];
  readonly #options: GatewayOptions;

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  get readyCount(): number {
    return this.#readyCount;
  }

  attach(server: WebSocketServer): void {
    server.on('connection', (socket, request) => this.#accept(socket, request));
  }

  /** The shard count clients are using now: the newest session's, else the configured one. */
  shardCount(): number {
    return this.sessions.at(-1)?.shard[1] ?? this.#options.defaultShardCount;
  }

  shardFor(target: Target, shardCount = this.shardCount()): number {
    if (target.shard !== undefined) return target.shard;
    return target.guildId ? shardOfGuild(target.guildId, shardCount) : 0;
  }

  /**
   * Sends a dispatch to the live session of the target shard. With the socket gone it waits in the
   * session's buffer for a RESUME; with no session at all, for the shard's next READY.
   */
  dispatch(t: string, d: unknown, target: Target): void {
    const session = this.#current(this.shardFor(target));
    if (session) this.#push(session, t, d, target);
    else this.#pending.push({ t, d, target });
  }

  /** The open socket of the live session on `shard`, for injecting faults. */
  liveConnection(shard: number): LiveConnection {
    const connection = this.#current(shard)?.connection;
    if (!connection || connection.socket.readyState !== WebSocket.OPEN) {
      throw new Error(`fake-discord: shard ${shard} has no open gateway connection`);
    }
    return {
      send: (op, d) => this.#send(connection, { op, d }),
      close: (code) => this.#closeByServer(connection, code),
      drop: () => connection.socket.terminate(),
      stopAcks: () => {
        connection.acking = false;
      },
      invalidate: () => {
        if (connection.session) this.#invalidate(connection.session);
      },
    };
  }

  terminateAll(): void {
    for (const connection of this.#connections) connection.socket.terminate();
  }

  #closeByServer(connection: Connection, code: number): void {
    connection.closedByServer = true;
    connection.socket.close(code);
  }

  #current(shard: number): Session | undefined {
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const info = this.sessions[i];
      if (info && !info.invalidated && info.shard[0] === shard) return this.#sessions.get(info.sessionId);
    }
    return undefined;
  }

  #accept(socket: WebSocket, request: IncomingMessage): void {
    const connection: Connection = { socket, session: null, acking: true, closedByServer: false };
    this.#connections.add(connection);
    socket.on('message', (data, isBinary) => this.#receive(connection, isBinary ? null : data.toString()));
    socket.on('close', (code) => this.#closed(connection, code));
    socket.on('error', () => socket.terminate());
    const query = new URL(request.url ?? '/', 'ws://fake').searchParams;
    if ((query.get('encoding') ?? 'json') !== 'json' || query.has('compress')) {
      this.#closeByServer(connection, GatewayCloseCodes.DecodeError);
      return;
    }
    if ((query.get('v') ?? GatewayVersion) !== GatewayVersion) {
      this.#closeByServer(connection, GatewayCloseCodes.InvalidAPIVersion);
      return;
    }
    this.#send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.#options.heartbeatIntervalMs },
    });
  }

  #receive(connection: Connection, text: string | null): void {
    let frame: { op?: unknown; d?: unknown } | null = null;
    try {
      frame = text === null ? null : (JSON.parse(text) as { op?: unknown; d?: unknown });
    } catch {}
    if (!frame || typeof frame.op !== 'number') {
      this.#closeByServer(connection, GatewayCloseCodes.DecodeError);
      return;
    }
    const { op, d } = frame;
    this.#record(connection, 'in', { op, d: redact(d), s: null, t: null });
    if (op === GatewayOpcodes.Heartbeat) {
      if (connection.acking) this.#send(connection, { op: GatewayOpcodes.HeartbeatAck, d: null });
    } else if (op === GatewayOpcodes.Identify) {
      this.#identify(connection, d as IdentifyData);
    } else if (op === GatewayOpcodes.Resume) {
      this.#resume(connection, d as ResumeData);
    } else if (!CLIENT_OPS.has(op)) {
      this.#closeByServer(connection, GatewayCloseCodes.UnknownOpcode);
    } else if (!connection.session) {
      this.#closeByServer(connection, GatewayCloseCodes.NotAuthenticated);
    }
    this.#options.onChange();
  }

  #identify(connection: Connection, d: IdentifyData): void {
    const [id, count] = Array.isArray(d?.shard) ? d.shard : [0, 1];
    const refusal = connection.session
      ? GatewayCloseCodes.AlreadyAuthenticated
      : typeof d?.token !== 'string' || d.token === ''
        ? GatewayCloseCodes.AuthenticationFailed
        : Number.isInteger(id) && Number.isInteger(count) && id >= 0 && count >= 1 && id < count
          ? null
          : GatewayCloseCodes.InvalidShard;
    if (refusal !== null) {
      this.#closeByServer(connection, refusal);
      return;
    }
    for (const info of this.sessions)
      if (info.shard[0] === id && !info.invalidated) this.#invalidateId(info.sessionId);

    const info: GatewaySession = {
      sessionId: randomBytes(16).toString('hex'),
      shard: [id, count],
      intents: typeof d.intents === 'number' ? d.intents : 0,
      identifiedAt: Date.now(),
      resumedAt: [],
      seq: 0,
      connected: true,
      invalidated: false,
    };
    const session: Session = { info, buffer: [], connection };
    connection.session = session;
    this.sessions.push(info);
    this.#sessions.set(info.sessionId, session);

    const { world } = this.#options;
    const owned = world.guilds.filter((guildId) => shardOfGuild(guildId, count) === id);
    this.#push(
      session,
      'READY',
      ready(world, info.sessionId, this.#options.resumeUrl(), [id, count], owned),
      {
        shard: id,
      },
    );
    // discord.js holds `clientReady` until every guild in READY arrives (or `waitGuildTimeout` passes).
    if (info.intents & GatewayIntentBits.Guilds) {
      for (const guildId of owned)
        this.#push(session, 'GUILD_CREATE', guildCreate(world, guildId), { guildId });
    }
    this.#readyCount++;
    const waiting = this.#pending.filter((p) => this.shardFor(p.target, count) === id);
    for (const item of waiting) {
      this.#pending.splice(this.#pending.indexOf(item), 1);
      this.#push(session, item.t, item.d, item.target);
    }
  }

  #resume(connection: Connection, d: ResumeData): void {
    const session = typeof d?.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    if (!session || session.info.invalidated || (connection.session && connection.session !== session)) {
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      previous.session = null;
      previous.socket.terminate();
    }
    session.connection = connection;
    connection.session = session;
    session.info.connected = true;
    const lastSeen = typeof d.seq === 'number' ? d.seq : 0;
    for (const entry of session.buffer) {
      if (entry.seq > lastSeen) this.#sendDispatch(connection, entry);
    }
    session.info.resumedAt.push(Date.now());
    this.#push(session, 'RESUMED', {}, { shard: session.info.shard[0] });
    this.#readyCount++;
  }

  #push(session: Session, t: string, d: unknown, target: Target): void {
    session.info.seq++;
    const entry: Buffered = { seq: session.info.seq, t, d, target, sent: false };
    session.buffer.push(entry);
    const { connection } = session;
    if (connection && connection.socket.readyState === WebSocket.OPEN) this.#sendDispatch(connection, entry);
    this.#options.onChange();
  }

  #sendDispatch(connection: Connection, entry: Buffered): void {
    entry.sent = true;
    this.#send(connection, { op: GatewayOpcodes.Dispatch, d: entry.d, s: entry.seq, t: entry.t });
  }

  #send(
    connection: Connection,
    payload: { op: number; d: unknown; s?: number | null; t?: string | null },
  ): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    const frame = { op: payload.op, d: payload.d, s: payload.s ?? null, t: payload.t ?? null };
    connection.socket.send(JSON.stringify(frame));
    this.#record(connection, 'out', frame);
  }

  #record(
    connection: Connection,
    direction: 'in' | 'out',
    frame: { op: number; d: unknown; s: number | null; t: string | null },
  ): void {
    const info = connection.session?.info;
    this.frames.push({
      direction,
      shard: info?.shard[0] ?? null,
      sessionId: info?.sessionId ?? null,
      ...frame,
      at: Date.now(),
    });
  }

  #closed(connection: Connection, code: number): void {
    this.#connections.delete(connection);
    const session = connection.session;
    this.disconnects.push({
      shard: session?.info.shard[0] ?? null,
      sessionId: session?.info.sessionId ?? null,
      code,
      by: connection.closedByServer ? 'server' : 'client',
      at: Date.now(),
    });
    if (session && session.connection === connection) {
      session.connection = null;
      session.info.connected = false;
      // A client that closes with 1000/1001 ends its session; Discord would not let it resume.
      if (!connection.closedByServer && (code === 1000 || code === 1001)) this.#invalidate(session);
    }
    this.#options.onChange();
  }

  #invalidateId(sessionId: string): void {
    const session = this.#sessions.get(sessionId);
    if (session) this.#invalidate(session);
  }

  /** Dispatches never written to a socket go to the shard's next session instead of being lost. */
  #invalidate(session: Session): void {
    if (session.info.invalidated) return;
    session.info.invalidated = true;
    for (const entry of session.buffer) {
      if (!entry.sent && entry.t !== 'READY' && entry.t !== 'GUILD_CREATE' && entry.t !== 'RESUMED') {
        this.#pending.push({ t: entry.t, d: entry.d, target: entry.target });
      }
    }
  }
}

interface IdentifyData {
  token?: unknown;
  intents?: unknown;
  shard?: [number, number];
}

interface ResumeData {
  session_id?: unknown;
  seq?: unknown;
}

function redact(d: unknown): unknown {
  if (d && typeof d === 'object' && 'token' in d) return { ...d, token: '[redacted]' };
  return d;
}
