import { z } from 'zod';
import { publicKeyProblem } from './ed25519.ts';

/**
 * Environment -> typed configuration. Every problem is reported at once, each naming its
 * variable; values are never echoed back, because some of them are secrets.
 */

/** The one rule for Discord ids (snowflakes) in the environment and on command lines. */
export const discordIdSchema = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17-20 digits)');

/**
 * A whole number from `min` to `max` in plain digits, no leading zero. `z.coerce.number()` took a blank
 * (`Number(' ')` is 0), `0x1F90` and `8e3`, none of which an operator means.
 */
function plainNumber(min: number, max: number, message: string) {
  return z
    .string()
    .regex(/^[1-9]\d{0,14}$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

const portMessage = 'expected a port number from 1 to 65535, in plain digits';

/** Measured with `npm run bench:connections`; see the README's "More than one machine". */
export const defaultMaxConnections = 1000;
const maxConnectionsMessage = 'expected a number of connections from 1 to 100000, in plain digits';

const shardsMessage = 'expected "auto" or a whole number from 1 to 1000';

const baseSchema = z.object({
  /** `gateway` (default) connects to Discord; `http` serves the interactions endpoint instead. */
  MODE: z.enum(['gateway', 'http']).default('gateway'),
  DISCORD_APPLICATION_ID: discordIdSchema.optional(),
  /** REST base as discord.js takes it in `rest.api`, e.g. `http://127.0.0.1:8080/api` (no `/v10`). */
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).optional(),
  /** `auto` or a shard count; unset runs one process without a shard manager. */
  DISCORD_SHARDS: z
    .union(
      [
        z.literal('auto'),
        z.coerce.number().int(shardsMessage).min(1, shardsMessage).max(1000, shardsMessage),
      ],
      {
        error: shardsMessage,
      },
    )
    .optional(),
});

/**
 * What is wrong with a bot token's form, if anything. Discord's tokens are printable ASCII with no
 * spaces; a pasted `Bot ` prefix, a stray space or line break from `.env`, or an invisible
 * character would otherwise reach Discord and come back as a 401 that never says why.
 */
function tokenProblem(token: string): string | undefined {
  if (token.trim() === '') return 'is blank';
  if (token !== token.trim()) return 'has spaces or line breaks around it (check the quotes in .env)';
  if (/\s/.test(token)) return 'contains whitespace (give the token alone, without "Bot ")';
  if (/\p{Cc}/u.test(token)) return 'contains control characters';
  if (/[^\x21-\x7e]/.test(token)) return 'contains characters other than printable ASCII';
  return undefined;
}

const shardIdsMessage = 'expected shard ids such as "0,1,2", a range such as "0-3", or both ("0-3,8")';
const shardCountMessage = 'expected the total number of shards, a whole number from 1 to 100000';

/** `0,1,2`, `0-3` or `0-3,8`: the ids in order, once each; undefined when the text is not of that form. */
function shardIds(text: string): number[] | undefined {
  if (!/^\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*$/.test(text)) return undefined;
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const [first, last = first] = part.split('-').map(Number) as [number, number?];
    if (last < first) return undefined;
    for (let id = first; id <= last; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

const gatewaySchema = baseSchema
  .extend({
    DISCORD_TOKEN: z.string({ error: 'is required to connect to Discord' }).superRefine((token, ctx) => {
      const problem = tokenProblem(token);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /**
     * The shards this process runs, of DISCORD_SHARD_COUNT, as an orchestrator hands each machine its
     * range; discord.js's Client `shards` option. Unset with DISCORD_SHARD_COUNT: all of them.
     */
    DISCORD_SHARD_IDS: z
      .string()
      .transform((text, ctx) => {
        const ids = shardIds(text);
        if (ids === undefined) ctx.addIssue({ code: 'custom', message: shardIdsMessage });
        return ids ?? [];
      })
      .optional(),
    /** The total shard count across every process; discord.js's Client `shardCount` option. */
    DISCORD_SHARD_COUNT: plainNumber(1, 100_000, shardCountMessage).optional(),
  })
  .superRefine((env, ctx) => {
    const { DISCORD_SHARD_IDS: ids, DISCORD_SHARD_COUNT: count, DISCORD_SHARDS: managed } = env;
    if (ids !== undefined && count === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARD_COUNT'],
        message: 'is required with DISCORD_SHARD_IDS: the total number of shards across every process',
      });
    }
    if (ids !== undefined && count !== undefined && ids.some((id) => id >= count)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARD_IDS'],
        message: `names a shard beyond DISCORD_SHARD_COUNT (shard ids run from 0 to ${count - 1})`,
      });
    }
    if (managed !== undefined && (ids !== undefined || count !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARDS'],
        message:
          'cannot be combined with DISCORD_SHARD_IDS or DISCORD_SHARD_COUNT: either one machine spawns every shard (DISCORD_SHARDS) or each process is given its own (the other two)',
      });
    }
  });

const httpSchema = baseSchema.extend({
  /** Hex Ed25519 public key from the Developer Portal's General Information page. */
  DISCORD_PUBLIC_KEY: z
    .string({ error: 'is required to verify interaction signatures' })
    .superRefine((hex, ctx) => {
      const problem = publicKeyProblem(hex);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Plain digits only; 0 (a random port) is not one an operator means either. */
  PORT: plainNumber(1, 65535, portMessage).default(8787),
  /** Interface to listen on; unset listens on all, as a container behind a load balancer needs. */
  HOST: z.string().min(1).optional(),
  /**
   * Open connections one replica keeps (idle keep-alive ones included); beyond it a new connection is
   * closed as soon as it is accepted, before a byte of it is read, so nothing is half done.
   */
  HTTP_MAX_CONNECTIONS: plainNumber(1, 100_000, maxConnectionsMessage).default(defaultMaxConnections),
});

/** `npm run invite` needs the application id, or a token to look it up. */
const inviteSchema = baseSchema
  .extend({ DISCORD_TOKEN: gatewaySchema.shape.DISCORD_TOKEN.optional() })
  .refine((env) => env.DISCORD_APPLICATION_ID !== undefined || env.DISCORD_TOKEN !== undefined, {
    path: ['DISCORD_APPLICATION_ID'],
    error: 'is required (or DISCORD_TOKEN, to look the application up)',
  });

export type GatewayConfig = z.infer<typeof gatewaySchema>;
export type InviteConfig = z.infer<typeof inviteSchema>;
export type HttpConfig = z.infer<typeof httpSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Treats empty strings as unset, as `.env` files often leave `FOO=` for optional values. */
function present(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function parse<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  const result = schema.safeParse(present(env));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(problems);
}

export function gatewayConfig(env: Env = process.env): GatewayConfig {
  return parse(gatewaySchema, env);
}

export function inviteConfig(env: Env = process.env): InviteConfig {
  return parse(inviteSchema, env);
}

export function httpConfig(env: Env = process.env): HttpConfig {
  return parse(httpSchema, env);
}
