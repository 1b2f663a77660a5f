import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, gatewayConfig, httpConfig } from '../src/config.ts';
import { configErrorText, loadDotEnv } from '../src/startup/env.ts';
import { startNpmScript } from './e2e/bot-process.ts';
import { generateTestKeys } from './http/client.ts';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-token-value';
const publicKey = generateTestKeys().publicKeyHex;

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('gatewayConfig', () => {
  it('reads a minimal environment with defaults', () => {
    expect(gatewayConfig({ DISCORD_TOKEN: token })).toEqual({
      DISCORD_TOKEN: token,
      MODE: 'gateway',
      LOG_LEVEL: 'info',
    });
  });

  it('reads every optional variable', () => {
    const config = gatewayConfig({
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: '1300000000000000001',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      LOG_LEVEL: 'debug',
      DATA_DIR: '/srv/data',
      DISCORD_SHARDS: '4',
    });
    expect(config).toMatchObject({ DISCORD_SHARDS: 4, LOG_LEVEL: 'debug', DATA_DIR: '/srv/data' });
    expect(gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARDS: 'auto' }).DISCORD_SHARDS).toBe('auto');
  });

  it('treats empty values as unset, as a `.env` with `FOO=` means', () => {
    expect(gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARDS: '', LOG_LEVEL: '' })).toEqual({
      DISCORD_TOKEN: token,
      MODE: 'gateway',
      LOG_LEVEL: 'info',
    });
    expect(problemsOf(() => gatewayConfig({ DISCORD_TOKEN: '' }))).toEqual([
      'DISCORD_TOKEN: is required to connect to Discord',
    ]);
  });

  it('names every problem at once, and never the values', () => {
    const problems = problemsOf(() =>
      gatewayConfig({
        DISCORD_TOKEN: token,
        DISCORD_APPLICATION_ID: 'my-app',
        DISCORD_API_URL: 'ftp://proxy.example',
        LOG_LEVEL: 'loud',
        DISCORD_SHARDS: 'many',
        MODE: 'carrier-pigeon',
      }),
    );
    const variables = problems.map((problem) => problem.split(':')[0]).sort();
    expect(variables).toEqual([
      'DISCORD_API_URL',
      'DISCORD_APPLICATION_ID',
      'DISCORD_SHARDS',
      'LOG_LEVEL',
      'MODE',
    ]);
    const text = problems.join('\n');
    for (const value of [token, 'my-app', 'ftp://proxy.example', 'carrier-pigeon'])
      expect(text).not.toContain(value);
  });

  it('refuses a malformed token, saying what is wrong and never echoing it', () => {
    const cases: [string, string][] = [
      ['   ', 'DISCORD_TOKEN: is blank'],
      ['\t\n', 'DISCORD_TOKEN: is blank'],
      [` ${token}`, 'DISCORD_TOKEN: has spaces or line breaks around it (check the quotes in .env)'],
      [`${token}\n`, 'DISCORD_TOKEN: has spaces or line breaks around it (check the quotes in .env)'],
      [`${token}\r`, 'DISCORD_TOKEN: has spaces or line breaks around it (check the quotes in .env)'],
      [`Bot ${token}`, 'DISCORD_TOKEN: contains whitespace (give the token alone, without "Bot ")'],
      [
        `${token.slice(0, 10)}\n${token.slice(10)}`,
        'DISCORD_TOKEN: contains whitespace (give the token alone, without "Bot ")',
      ],
      [
        `${token.slice(0, 10)}\u00a0${token.slice(10)}`,
        'DISCORD_TOKEN: contains whitespace (give the token alone, without "Bot ")',
      ],
      [`${token}\u0000`, 'DISCORD_TOKEN: contains control characters'],
      [`${token.slice(0, 10)}\u001b${token.slice(10)}`, 'DISCORD_TOKEN: contains control characters'],
      [`${token}\u007f`, 'DISCORD_TOKEN: contains control characters'],
      [`${token}\u200b`, 'DISCORD_TOKEN: contains characters other than printable ASCII'],
      [`${token}é`, 'DISCORD_TOKEN: contains characters other than printable ASCII'],
    ];
    for (const [value, problem] of cases) {
      const problems = problemsOf(() => gatewayConfig({ DISCORD_TOKEN: value }));
      expect(problems, JSON.stringify(value)).toEqual([problem]);
      expect(problems.join('\n')).not.toContain(token.slice(0, 10));
    }
    expect(gatewayConfig({ DISCORD_TOKEN: token }).DISCORD_TOKEN).toBe(token);
  });

  it('says what DISCORD_SHARDS takes, whatever is wrong with it', () => {
    for (const shards of ['0', '2000', '1.5', 'many']) {
      expect(problemsOf(() => gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARDS: shards }))).toEqual([
        'DISCORD_SHARDS: expected "auto" or a whole number from 1 to 1000',
      ]);
    }
  });
});

describe('DISCORD_SHARD_IDS and DISCORD_SHARD_COUNT', () => {
  const shards = (env: Record<string, string>) => {
    const config = gatewayConfig({ DISCORD_TOKEN: token, ...env });
    return { ids: config.DISCORD_SHARD_IDS, count: config.DISCORD_SHARD_COUNT };
  };

  it('read a list, a range or both, as orchestrators hand each process its shards', () => {
    expect(shards({ DISCORD_SHARD_IDS: '1-2', DISCORD_SHARD_COUNT: '4' })).toEqual({ ids: [1, 2], count: 4 });
    expect(shards({ DISCORD_SHARD_IDS: '0,1,2', DISCORD_SHARD_COUNT: '3' })).toEqual({
      ids: [0, 1, 2],
      count: 3,
    });
    expect(shards({ DISCORD_SHARD_IDS: '8,0-3,2', DISCORD_SHARD_COUNT: '16' })).toEqual({
      ids: [0, 1, 2, 3, 8],
      count: 16,
    });
    expect(shards({ DISCORD_SHARD_IDS: '5', DISCORD_SHARD_COUNT: '6' })).toEqual({ ids: [5], count: 6 });
    // The count alone: every shard, in this one process.
    expect(shards({ DISCORD_SHARD_COUNT: '2' })).toEqual({ ids: undefined, count: 2 });
    expect(shards({})).toEqual({ ids: undefined, count: undefined });
  });

  it('refuse what is not a list of ids, naming the variable', () => {
    const message =
      'DISCORD_SHARD_IDS: expected shard ids such as "0,1,2", a range such as "0-3", or both ("0-3,8")';
    for (const ids of [
      ' ',
      '1 - 2',
      '0, 1',
      '3-1',
      '-1',
      '1-',
      'a',
      '0x1',
      '1.5',
      '1,,2',
      '0-2-4',
      '123456',
    ]) {
      expect(
        problemsOf(() =>
          gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARD_IDS: ids, DISCORD_SHARD_COUNT: '4' }),
        ),
        ids,
      ).toEqual([message]);
    }
    for (const count of ['0', '-1', '2.5', '1e3', '100001', 'auto']) {
      expect(
        problemsOf(() => gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARD_COUNT: count })),
        count,
      ).toEqual([
        'DISCORD_SHARD_COUNT: expected the total number of shards, a whole number from 1 to 100000',
      ]);
    }
  });

  it('need the count, ids below it, and no ShardingManager besides', () => {
    expect(problemsOf(() => gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARD_IDS: '0-1' }))).toEqual([
      'DISCORD_SHARD_COUNT: is required with DISCORD_SHARD_IDS: the total number of shards across every process',
    ]);
    expect(
      problemsOf(() =>
        gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARD_IDS: '2-4', DISCORD_SHARD_COUNT: '4' }),
      ),
    ).toEqual(['DISCORD_SHARD_IDS: names a shard beyond DISCORD_SHARD_COUNT (shard ids run from 0 to 3)']);
    for (const env of [{ DISCORD_SHARD_IDS: '0', DISCORD_SHARD_COUNT: '2' }, { DISCORD_SHARD_COUNT: '2' }]) {
      expect(
        problemsOf(() => gatewayConfig({ DISCORD_TOKEN: token, DISCORD_SHARDS: 'auto', ...env })),
      ).toEqual([
        expect.stringMatching(
          /^DISCORD_SHARDS: cannot be combined with DISCORD_SHARD_IDS or DISCORD_SHARD_COUNT/,
        ),
      ]);
    }
  });
});

describe('httpConfig', () => {
  it('needs the public key instead of the token', () => {
    expect(problemsOf(() => httpConfig({})).map((problem) => problem.split(':')[0])).toEqual([
      'DISCORD_PUBLIC_KEY',
    ]);
    expect(httpConfig({ DISCORD_PUBLIC_KEY: publicKey, PORT: '8080' })).toMatchObject({
      PORT: 8080,
      MODE: 'gateway',
    });
  });

  it('takes a port from 1 to 65535 in plain digits, 8787 when unset', () => {
    const key = { DISCORD_PUBLIC_KEY: publicKey };
    expect(httpConfig(key).PORT).toBe(8787);
    expect(httpConfig({ ...key, PORT: '' }).PORT).toBe(8787);
    for (const port of ['1', '80', '8787', '65535'])
      expect(httpConfig({ ...key, PORT: port }).PORT).toBe(Number(port));
    // A blank or 0 would listen on a random port; the others are numbers only to JavaScript.
    for (const port of [
      ' ',
      '0',
      '00',
      '65536',
      '99999',
      '-1',
      '+80',
      '0x1F90',
      '8e3',
      '1e3',
      '80.0',
      ' 80',
      '80 ',
      '080',
      'http',
    ]) {
      expect(
        problemsOf(() => httpConfig({ ...key, PORT: port })),
        JSON.stringify(port),
      ).toEqual(['PORT: expected a port number from 1 to 65535, in plain digits']);
    }
  });
});

describe('HTTP_MAX_CONNECTIONS', () => {
  const key = { DISCORD_PUBLIC_KEY: publicKey };
  const message = 'HTTP_MAX_CONNECTIONS: expected a number of connections from 1 to 100000, in plain digits';

  it('caps each replica at 1000 connections unless told otherwise', () => {
    expect(httpConfig(key).HTTP_MAX_CONNECTIONS).toBe(1000);
    expect(httpConfig({ ...key, HTTP_MAX_CONNECTIONS: '' }).HTTP_MAX_CONNECTIONS).toBe(1000);
    for (const value of ['1', '250', '100000']) {
      expect(httpConfig({ ...key, HTTP_MAX_CONNECTIONS: value }).HTTP_MAX_CONNECTIONS).toBe(Number(value));
    }
  });

  it('refuses anything but a plain number in range, naming the variable', () => {
    for (const value of [' ', '0', '-5', '100001', '1e3', '0x10', '2.5', '010', 'unlimited', 'Infinity']) {
      expect(
        problemsOf(() => httpConfig({ ...key, HTTP_MAX_CONNECTIONS: value })),
        value,
      ).toEqual([message]);
    }
  });
});

describe('DISCORD_PUBLIC_KEY', () => {
  const p = 2n ** 255n - 19n;
  /** The 32-byte little-endian encoding of y, with x's sign in the top bit, as hex. */
  const encode = (y: bigint, sign: 0 | 1 = 0) => {
    const value = y | (BigInt(sign) << 255n);
    return Buffer.from(value.toString(16).padStart(64, '0'), 'hex').reverse().toString('hex');
  };
  const keyOf = (hex: string) => httpConfig({ DISCORD_PUBLIC_KEY: hex }).DISCORD_PUBLIC_KEY;
  const problemOf = (hex: string) => problemsOf(() => httpConfig({ DISCORD_PUBLIC_KEY: hex }));

  /** The eight points of small order (libsodium's blocklist, canonical encodings). */
  const smallOrder: [string, string][] = [
    ['the identity (order 1)', '0100000000000000000000000000000000000000000000000000000000000000'],
    ['order 2', 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
    ['all zeros (order 4)', '0000000000000000000000000000000000000000000000000000000000000000'],
    ['order 4, x negative', '0000000000000000000000000000000000000000000000000000000000000080'],
    ['order 8', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'],
    ['order 8, x negative', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85'],
    ['order 8, y negated', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'],
    ['order 8, y negated, x negative', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa'],
  ];
  const degenerate =
    "DISCORD_PUBLIC_KEY: is a degenerate key (a point of small order), not an application's public key";

  it('accepts real keys: fresh node:crypto key pairs, and RFC 8032 test vectors', () => {
    for (let i = 0; i < 50; i++) {
      const hex = generateTestKeys().publicKeyHex;
      expect(keyOf(hex)).toBe(hex);
      expect(keyOf(hex.toUpperCase())).toBe(hex.toUpperCase());
    }
    for (const hex of [
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
      'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    ]) {
      expect(keyOf(hex)).toBe(hex);
    }
  });

  it('refuses the eight small-order points, which node:crypto takes and which verify forgeries', () => {
    // Why it matters: with the identity as the key, (R = identity, S = 0) verifies for any message.
    const spki = Buffer.from('302a300506032b6570032100', 'hex');
    const identity = smallOrder[0]?.[1] ?? '';
    const key = createPublicKey({
      key: Buffer.concat([spki, Buffer.from(identity, 'hex')]),
      format: 'der',
      type: 'spki',
    });
    const forged = Buffer.concat([Buffer.from(identity, 'hex'), Buffer.alloc(32)]);
    expect(verify(null, Buffer.from('{"type":2,"data":{"name":"anything"}}'), key, forged)).toBe(true);

    for (const [what, hex] of smallOrder) expect(problemOf(hex), what).toEqual([degenerate]);
  });

  it('refuses non-canonical encodings: y of p or more, and x = 0 with its sign bit set', () => {
    const nonCanonical = 'DISCORD_PUBLIC_KEY: is not a canonical Ed25519 public key encoding';
    for (const y of [p, p + 1n, p + 2n, p + 3n, p + 18n]) {
      for (const sign of [0, 1] as const)
        expect(problemOf(encode(y, sign)), `y = p + ${y - p}`).toEqual([nonCanonical]);
    }
    expect(problemOf(encode(1n, 1))).toEqual([nonCanonical]);
    expect(problemOf(encode(p - 1n, 1))).toEqual([nonCanonical]);
    expect(problemOf('ff'.repeat(32))).toEqual([nonCanonical]);
  });

  it('refuses a y for which the curve has no point', () => {
    expect(problemOf(encode(2n))).toEqual(['DISCORD_PUBLIC_KEY: is not a point on the Ed25519 curve']);
  });

  it('refuses a real key moved off the prime-order subgroup (plus the point of order 2)', () => {
    for (let i = 0; i < 20; i++) {
      const hex = generateTestKeys().publicKeyHex;
      const value = BigInt(`0x${Buffer.from(hex, 'hex').reverse().toString('hex')}`);
      const y = value & ((1n << 255n) - 1n);
      const sign = Number(value >> 255n) as 0 | 1;
      // (x, y) + (0, -1) = (-x, -y): on the curve, of order 2L.
      const mixed = encode(p - y, sign === 0 ? 1 : 0);
      expect(problemOf(mixed)).toEqual([
        'DISCORD_PUBLIC_KEY: is not a point of prime order (a small-order point was added to it)',
      ]);
    }
  });

  it('names the variable and never the value, for any 64 hex characters', () => {
    for (const hex of ['ab'.repeat(32), encode(2n), smallOrder[4]?.[1] ?? '']) {
      const problems = problemOf(hex);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^DISCORD_PUBLIC_KEY: /);
      expect(problems[0]).not.toContain(hex.slice(0, 8));
    }
    expect(problemOf('zz'.repeat(32))).toEqual(['DISCORD_PUBLIC_KEY: expected 64 hex characters']);
  });
});

describe('configuration errors as printed', () => {
  it('points to the offline preview when the token is missing, and only then', () => {
    const missing = new ConfigError(['DISCORD_TOKEN: is required to connect to Discord']);
    expect(configErrorText(missing)).toContain('npm run preview');
    const other = new ConfigError(['LOG_LEVEL: Invalid option']);
    expect(configErrorText(other)).not.toContain('npm run preview');
  });
});

describe('loadDotEnv', () => {
  const dir = mkdtemp(join(tmpdir(), 'defectors-env-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it('loads a .env file without overriding variables already set', async () => {
    const path = join(await dir, '.env');
    await writeFile(path, 'DEFECTORS_TEST_FROM_FILE=file\nDEFECTORS_TEST_ALREADY_SET=file\n');
    process.env.DEFECTORS_TEST_ALREADY_SET = 'shell';
    try {
      loadDotEnv(path);
      expect(process.env.DEFECTORS_TEST_FROM_FILE).toBe('file');
      expect(process.env.DEFECTORS_TEST_ALREADY_SET).toBe('shell');
    } finally {
      delete process.env.DEFECTORS_TEST_FROM_FILE;
      delete process.env.DEFECTORS_TEST_ALREADY_SET;
    }
  });

  it('does nothing when there is no .env', async () => {
    const missing = join(await dir, 'missing.env');
    expect(() => loadDotEnv(missing)).not.toThrow();
  });
});

describe('npm start with a bad environment', () => {
  it('exits 1 without a token, naming it and the preview CLI', async () => {
    const bot = startNpmScript('start', {});
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.stderr()).toContain('DISCORD_TOKEN');
    expect(bot.stderr()).toContain('npm run preview');
  });

  it('exits 1 naming each invalid variable, and prints no secret', async () => {
    const bot = startNpmScript('start', {
      DISCORD_TOKEN: token,
      DISCORD_API_URL: 'not a url',
      DISCORD_SHARDS: '0',
    });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.stderr()).toMatch(/DISCORD_API_URL:.*\n.*DISCORD_SHARDS:/s);
    expect(bot.stderr()).not.toContain('preview');
    expect(`${bot.stderr()}${JSON.stringify(bot.logs)}`).not.toContain(token);
  });
});
