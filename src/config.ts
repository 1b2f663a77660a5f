import { z } from 'zod';
import { ed25519PublicKey } from './transports/http-signature.ts';

/**
 * Environment -> typed configuration. Every problem is reported at once, each naming its
 * variable; values are never echoed back, because some of them are secrets.
 */

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17-20 digits)');

const portMessage = 'expected a port number from 1 to 65535, in plain digits';

const shardsMessage = 'expected "auto" or a whole number from 1 to 1000';

const baseSchema = z.object({
  /** `gateway` (default) connects to Discord; `http` serves the interactions endpoint instead. */
  MODE: z.enum(['gateway', 'http']).default('gateway'),
  DISCORD_APPLICATION_ID: snowflake.optional(),
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

const gatewaySchema = baseSchema.extend({
  DISCORD_TOKEN: z.string({ error: 'is required to connect to Discord' }).superRefine((token, ctx) => {
    const problem = tokenProblem(token);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

/*
 * Ed25519 public key checks (RFC 8032). node:crypto imports any 32 bytes as a key and verifies
 * against it, including degenerate points: with the identity (01 00 .. 00) as the key, the signature
 * (R = identity, S = 0) verifies for every message, so anyone could forge interactions. A key is
 * taken only if it is a canonical encoding of a curve point of prime order L, as every real key is.
 * node:crypto has no point arithmetic to ask, so this is the textbook BigInt version: decode the
 * point (RFC 8032 5.1.3), then multiply by 8 (small order: the identity) and by L (prime order: the
 * identity). It runs once, at start-up, in a few milliseconds.
 */
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const mod = (a: bigint) => ((a % P) + P) % P;
function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}
const D = mod(-121665n * power(121666n, P - 2n));
const SQRT_M1 = power(2n, (P - 1n) / 4n);

/** A point in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, xy = T/Z. */
type Point = readonly [bigint, bigint, bigint, bigint];
const identity: Point = [0n, 1n, 1n, 0n];

/** Addition on the twisted Edwards curve -x² + y² = 1 + d·x²·y² (RFC 8032 5.1.4); complete, so it also doubles. */
function add([x1, y1, z1, t1]: Point, [x2, y2, z2, t2]: Point): Point {
  const a = mod((y1 - x1) * (y2 - x2));
  const b = mod((y1 + x1) * (y2 + x2));
  const c = mod(2n * D * t1 * t2);
  const d = mod(2n * z1 * z2);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

function multiply(point: Point, scalar: bigint): Point {
  let result = identity;
  let addend = point;
  for (let k = scalar; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}

const isIdentity = ([x, y, z]: Point) => x === 0n && mod(y - z) === 0n;

/** What is wrong with a 64-hex-character Ed25519 public key, if anything; never the key itself. */
function publicKeyProblem(hex: string): string | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return 'expected 64 hex characters';
  const bytes = Buffer.from(hex, 'hex');
  try {
    ed25519PublicKey(hex); // what the server will verify with; it must at least take the bytes
  } catch {
    return 'is not an Ed25519 public key node:crypto accepts';
  }
  const encoded = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
  const y = encoded & ((1n << 255n) - 1n);
  const sign = encoded >> 255n;
  const nonCanonical = 'is not a canonical Ed25519 public key encoding';
  if (y >= P) return nonCanonical;
  // x² = (y² - 1) / (d·y² + 1); the square root as RFC 8032 5.1.3 takes it.
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (P - 5n) / 8n));
  if (mod(v * x * x) === mod(-u)) x = mod(x * SQRT_M1);
  else if (mod(v * x * x) !== u) return 'is not a point on the Ed25519 curve';
  if (x === 0n && sign === 1n) return nonCanonical;
  if ((x & 1n) !== sign) x = P - x;
  const point: Point = [x, y, 1n, mod(x * y)];
  if (isIdentity(multiply(point, 8n))) {
    return "is a degenerate key (a point of small order), not an application's public key";
  }
  if (!isIdentity(multiply(point, L))) {
    return 'is not a point of prime order (a small-order point was added to it)';
  }
  return undefined;
}

const httpSchema = baseSchema.extend({
  /** Hex Ed25519 public key from the Developer Portal's General Information page. */
  DISCORD_PUBLIC_KEY: z
    .string({ error: 'is required to verify interaction signatures' })
    .superRefine((hex, ctx) => {
      const problem = publicKeyProblem(hex);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /**
   * Plain digits only: `z.coerce.number()` took a blank (`Number(' ')` is 0, a random port), `0x1F90`
   * and `8e3`, and 0 itself, none of which an operator means.
   */
  PORT: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, portMessage)
    .transform(Number)
    .refine((port) => port <= 65535, portMessage)
    .default(8787),
  /** Interface to listen on; unset listens on all, as a container behind a load balancer needs. */
  HOST: z.string().min(1).optional(),
});

export type GatewayConfig = z.infer<typeof gatewaySchema>;
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

export function httpConfig(env: Env = process.env): HttpConfig {
  return parse(httpSchema, env);
}
