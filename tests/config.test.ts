import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, gatewayConfig, httpConfig } from '../src/config.ts';
import { configErrorText, loadDotEnv } from '../src/transports/gateway-env.ts';
import { startNpmScript } from './e2e/bot-process.ts';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-token-value';

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

describe('httpConfig', () => {
  it('needs the public key instead of the token', () => {
    expect(problemsOf(() => httpConfig({})).map((problem) => problem.split(':')[0])).toEqual([
      'DISCORD_PUBLIC_KEY',
    ]);
    expect(httpConfig({ DISCORD_PUBLIC_KEY: 'ab'.repeat(32), PORT: '8080' })).toMatchObject({
      PORT: 8080,
      MODE: 'gateway',
    });
  });

  it('takes a port from 1 to 65535 in plain digits, 8787 when unset', () => {
    const key = { DISCORD_PUBLIC_KEY: 'ab'.repeat(32) };
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
