import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/knowledge/json-error.ts';
import { defaultDataDir, loadKnowledge, utf8ErrorOffset } from '../../src/knowledge/load.ts';
import { DataError, formatProblem } from '../../src/knowledge/problems.ts';
import { startNpmScript } from '../e2e/bot-process.ts';
import { generateTestKeys } from '../http/client.ts';

const run = promisify(execFile);

type Json = Record<string, unknown> & { id: string };

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'defectors-data-'));
  await cp(defaultDataDir, dir, { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(file: string, change: (records: Json[]) => void): Promise<void> {
  const target = path.join(dir, file);
  const records = JSON.parse(await readFile(target, 'utf8')) as Json[];
  change(records);
  await writeFile(target, JSON.stringify(records, null, 2));
}

/** Loads the damaged copy and returns every problem, formatted as users see them. */
async function problems(): Promise<string[]> {
  const error = await loadKnowledge(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).problems.map(formatProblem);
}

function first(records: Json[]): Json {
  const record = records[0];
  if (record === undefined) throw new Error('the shipped file has no records');
  return record;
}

describe('the shipped data', () => {
  it('loads clean, with every kind present', async () => {
    const knowledge = await loadKnowledge();
    for (const kind of ['sources', 'places', 'people', 'motives', 'responses', 'events'] as const) {
      expect(knowledge[kind].length, kind).toBeGreaterThan(0);
      expect(knowledge.byId[kind].size, kind).toBe(knowledge[kind].length);
    }
  });

  it('keeps events in date order and is frozen', async () => {
    const knowledge = await loadKnowledge();
    const dates = knowledge.events.map((e) => e.date.value);
    expect(dates).toEqual([...dates].sort());
    expect(Object.isFrozen(knowledge.people)).toBe(true);
    expect(Object.isFrozen(knowledge.people[0]?.defection.date)).toBe(true);
  });
});

describe('broken data names the file, the record and the field', () => {
  it('a missing field', async () => {
    let id = '';
    await edit('people.json', (people) => {
      const person = first(people);
      id = person.id;
      delete person.hangul;
    });
    expect(await problems()).toEqual([`people.json: ${id}.hangul: required field is missing`]);
  });

  it('a text missing one of its two languages, naming the language', async () => {
    let id = '';
    await edit('people.json', (people) => {
      const person = first(people);
      id = person.id;
      delete (person.summary as { value: { ko?: string } }).value.ko;
      (person.post as { value: { en: string } }).value.en = ' ';
    });
    expect(await problems()).toEqual([
      `people.json: ${id}.summary.value.ko: the Korean (ko) text is missing`,
      `people.json: ${id}.post.value.en: the English (en) text is empty`,
    ]);
  });

  it('an id too long to travel in a button', async () => {
    await edit('motives.json', (motives) => {
      first(motives).id = `a${'-b'.repeat(30)}`;
    });
    expect(await problems()).toContainEqual(
      `motives.json: a${'-b'.repeat(30)}.id: expected an id of at most 60 characters (ids go into button ids)`,
    );
  });

  it('a malformed partial date', async () => {
    let id = '';
    await edit('people.json', (people) => {
      const person = first(people);
      id = person.id;
      (person.defection as { date: { value: string } }).date.value = '2016-13-01';
    });
    expect(await problems()).toEqual([
      `people.json: ${id}.defection.date.value: expected YYYY, YYYY-MM or YYYY-MM-DD`,
    ]);
  });

  it('an unknown reference, to a place and to a source', async () => {
    let id = '';
    await edit('events.json', (events) => {
      const event = first(events);
      id = event.id;
      event.places = ['atlantis'];
      (event.detail as { sources: string[] }).sources = ['no-such-source'];
    });
    expect(await problems()).toEqual([
      `events.json: ${id}.places[0]: unknown id "atlantis" (no such record in places.json)`,
      `events.json: ${id}.detail.sources[0]: unknown id "no-such-source" (no such record in sources.json)`,
    ]);
  });

  it('a duplicate id', async () => {
    let id = '';
    await edit('motives.json', (motives) => {
      const motive = first(motives);
      id = motive.id;
      motives.push(structuredClone(motive));
    });
    expect(await problems()).toEqual([`motives.json: ${id}.id: duplicate id (also record #0)`]);
  });

  it('an unknown key', async () => {
    let id = '';
    await edit('responses.json', (responses) => {
      const response = first(responses);
      id = response.id;
      response.measure = 'misspelt';
    });
    expect(await problems()).toEqual([
      `responses.json: ${id}.measure: unknown field (check its spelling against src/knowledge/schema.ts)`,
    ]);
  });

  it('a fact without sources, and empty required text', async () => {
    let id = '';
    await edit('people.json', (people) => {
      const person = first(people);
      id = person.id;
      (person.summary as { sources: string[] }).sources = [];
      person.name = '   ';
    });
    expect(await problems()).toEqual([
      `people.json: ${id}.name: expected non-empty text`,
      `people.json: ${id}.summary.sources: expected at least one source id`,
    ]);
  });

  it('a relation listed on one side only', async () => {
    const knowledge = await loadKnowledge(dir);
    const person = knowledge.people.find((p) => (p.relatives?.length ?? 0) > 0);
    if (person?.relatives?.[0] === undefined) throw new Error('the shipped data has no relatives to break');
    const other = person.relatives[0].person;
    await edit('people.json', (people) => {
      const record = people.find((p) => p.id === other);
      if (record) record.relatives = undefined;
    });
    const found = await problems();
    expect(found).toContain(
      `people.json: ${person.id}.relatives[0].person: "${other}" does not list "${person.id}" among its relatives; relations go both ways`,
    );
  });

  it('a record without an id is named by its position', async () => {
    await edit('sources.json', (sources) => {
      Reflect.deleteProperty(first(sources), 'id');
    });
    const found = await problems();
    expect(found[0]).toBe('sources.json: #0.id: required field is missing');
  });

  it('invalid JSON, with its line', async () => {
    const text = await readFile(path.join(dir, 'places.json'), 'utf8');
    const lines = text.split('\n');
    lines.splice(3, 0, '  "broken": ,');
    await writeFile(path.join(dir, 'places.json'), lines.join('\n'));
    const found = await problems();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^places\.json: invalid JSON at line 4, column \d+: /);
  });

  it('bytes that are not UTF-8, inside a string: file, line, column and the byte', async () => {
    const target = path.join(dir, 'places.json');
    const text = await readFile(target, 'utf8');
    const name = /"en": "([^"]+)"/.exec(text);
    if (name?.index === undefined) throw new Error('places.json has no name');
    const at = name.index + '"en": "'.length;
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    const withByte = (bytes: number[]) =>
      Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]);
    const cases: [string, number[], string][] = [
      ['Latin-1 e-grave before ASCII', [0xe8, 0x76], '0xE8'],
      ['a stray 0xFF', [0xff], '0xFF'],
      ['a lone continuation byte', [0x80], '0x80'],
      ['an overlong slash', [0xc0, 0xaf], '0xC0'],
      ['an encoded surrogate', [0xed, 0xa0, 0x80], '0xED'],
      ['a sequence cut short', [0xe2, 0x82, 0x41], '0xE2'],
    ];
    for (const [what, bytes, shown] of cases) {
      await writeFile(target, withByte(bytes));
      expect(await problems(), what).toEqual([
        `places.json: invalid UTF-8 at line ${line}, column ${column}: byte ${shown} (save the file as UTF-8)`,
      ]);
    }
    // Valid multi-byte text in the same place is fine.
    await writeFile(target, withByte([...Buffer.from('Genève 평양 😀')]));
    await expect(loadKnowledge(dir)).resolves.toBeDefined();
  });

  it('a file saved as Latin-1 is refused at its first non-ASCII byte, on its line', async () => {
    await edit('places.json', (places) => {
      first(places).aliases = ['Genève', 'Zürich'];
    });
    const target = path.join(dir, 'places.json');
    const text = await readFile(target, 'utf8');
    await writeFile(target, Buffer.from(text.replace(/[\u0100-\uffff]/g, '?'), 'latin1'));
    const line = text.slice(0, text.indexOf('Genève')).split('\n').length;
    const found = await problems();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      new RegExp(`^places\\.json: invalid UTF-8 at line ${line}, column \\d+: byte 0xE8 `),
    );
  });

  it('a BOM or UTF-16 is named as the cause', async () => {
    const target = path.join(dir, 'places.json');
    const text = await readFile(target, 'utf8');
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    const cases: [string, Buffer, string][] = [
      [
        'UTF-8 BOM',
        Buffer.from(`\ufeff${text}`),
        'file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without one',
      ],
      [
        'UTF-16 LE',
        Buffer.from(`\ufeff${text}`, 'utf16le'),
        'file is UTF-16 LE (it starts with a byte order mark); save it as UTF-8',
      ],
      [
        'UTF-16 BE',
        Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
        'file is UTF-16 BE (it starts with a byte order mark); save it as UTF-8',
      ],
      [
        'UTF-16 LE, no BOM',
        Buffer.from(text, 'utf16le'),
        'file looks like UTF-16 LE (NUL bytes between its characters); save it as UTF-8',
      ],
      [
        'UTF-16 BE, no BOM',
        utf16be,
        'file looks like UTF-16 BE (NUL bytes between its characters); save it as UTF-8',
      ],
      [
        'UTF-32 LE',
        Buffer.from([0xff, 0xfe, 0, 0, 0x5b, 0, 0, 0, 0x5d, 0, 0, 0]),
        'file is UTF-32 LE (it starts with a byte order mark); save it as UTF-8',
      ],
    ];
    for (const [what, bytes, message] of cases) {
      await writeFile(target, bytes);
      expect(await problems(), what).toEqual([`places.json: ${message}`]);
    }
  });

  it('a stray invisible character is named, escaped, never printed raw', async () => {
    const target = path.join(dir, 'places.json');
    const text = await readFile(target, 'utf8');
    const at = text.indexOf('\n  {') + 1;
    const line = text.slice(0, at).split('\n').length;
    const cases: [string, string][] = [
      ['\u0000', 'unexpected NUL byte (U+0000)'],
      ['\u001b', 'unexpected control character (U+001B)'],
      ['\ufeff', 'unexpected byte order mark (U+FEFF) inside the text'],
      ['\u200b', 'unexpected invisible character (U+200B)'],
      ['\u00a0', 'unexpected no-break space (U+00A0)'],
      ['\t\u0085', 'unexpected control character (U+0085)'],
      ['#', "unexpected character '#'"],
    ];
    for (const [stray, reason] of cases) {
      await writeFile(target, `${text.slice(0, at)}${stray}${text.slice(at)}`);
      const column = stray.length;
      expect(await problems(), reason).toEqual([
        `places.json: invalid JSON at line ${line}, column ${column}: ${reason}`,
      ]);
    }
    await writeFile(target, text.slice(0, -10));
    expect((await problems())[0]).toMatch(/: unexpected end of file$/);
    await writeFile(target, text.replace('"en": "', '"en": "tab\there'));
    expect((await problems())[0]).toMatch(/: unexpected tab \(U\+0009\) inside a string; write it as \\t$/);
  });

  it('control characters from the data are escaped, so each problem stays one line', async () => {
    await edit('sources.json', (sources) => {
      first(sources).id = 'bad\nid\u001b[31m\u2028';
    });
    const found = await problems();
    expect(found).toContain(
      'sources.json: bad\\nid\\u001b[31m\\u2028.id: expected a lower-case slug such as thae-yong-ho',
    );
    for (const line of found) expect(line).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    // check-data prints the same, one line per problem.
    const report = await checkDataFails();
    expect(report).toContain('  sources.json: bad\\nid\\u001b[31m\\u2028.id: ');
    expect(report.split('\n')).toHaveLength(found.length + 2);
  });

  it('200,000 unclosed brackets, and 200,000 nested ones: located or refused, never a stack overflow', async () => {
    const depth = 200_000;
    await writeFile(path.join(dir, 'events.json'), '['.repeat(depth));
    await writeFile(path.join(dir, 'motives.json'), `[${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]`);
    await writeFile(path.join(dir, 'places.json'), `[\n${'['.repeat(depth)}x${']'.repeat(depth)}]`);
    await writeFile(path.join(dir, 'sources.json'), `${'['.repeat(depth)}${']'.repeat(depth)}`);
    const found = await problems();
    expect(found).toContainEqual(
      expect.stringMatching(/^events\.json: invalid JSON at line 1, column 200001: /),
    );
    expect(found).toContain(
      'motives.json: #0.a: unknown field (check its spelling against src/knowledge/schema.ts)',
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^places\.json: invalid JSON at line 2, column 200001: /),
    );
    expect(found).toContainEqual(expect.stringMatching(/^sources\.json: #0: /));
    // check-data, the command a maintainer runs, says the same and exits 1 instead of crashing.
    const report = await checkDataFails();
    expect(report).toContain('events.json: invalid JSON at line 1, column 200001: ');
    expect(report).not.toMatch(/RangeError|\n\s+at /);
  });

  it('an empty file and a missing file', async () => {
    await writeFile(path.join(dir, 'motives.json'), '\n');
    await rm(path.join(dir, 'events.json'));
    const found = await problems();
    expect(found).toContain('motives.json: file is empty; expected a JSON array of records ([] for none)');
    expect(found).toContain(`events.json: file not found in ${dir}`);
    // References into unreadable files are not reported one by one.
    expect(found.filter((p) => p.includes('no such record in'))).toEqual([]);
  });

  it('reports every problem in one run', async () => {
    await edit('people.json', (people) => {
      first(people).prominence = 0;
    });
    await edit('sources.json', (sources) => {
      first(sources).language = 'fr';
    });
    const found = await problems();
    expect(found.some((p) => p.startsWith('people.json: ') && p.includes('.prominence: '))).toBe(true);
    expect(found.some((p) => p.startsWith('sources.json: ') && p.includes('.language: '))).toBe(true);
  });
});

const jsonErrorOffset = (text: string) => locateJsonError(text).offset;

describe('the JSON error locator', () => {
  it('finds nothing wrong in valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorOffset(text)).toBe(text.length);
      }),
    );
  });

  it('points at a control character put anywhere into valid JSON (it is invalid everywhere)', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (text, n) => {
        const at = n % (text.length + 1);
        const broken = `${text.slice(0, at)}\u0001${text.slice(at)}`;
        expect(() => JSON.parse(broken)).toThrow(SyntaxError);
        // Inside a \uXXXX escape, the escape itself is what goes wrong first.
        const inEscape = /\\u[0-9a-fA-F]{0,3}$/.test(text.slice(0, at));
        if (!inEscape) expect(jsonErrorOffset(broken)).toBe(at);
      }),
    );
  });

  it('locates errors deep down without recursing', () => {
    const depth = 1_000_000;
    expect(jsonErrorOffset('['.repeat(depth))).toBe(depth);
    expect(jsonErrorOffset(`${'{"k":['.repeat(depth)}1,]`)).toBe(depth * 6 + 2);
  });
});

describe('the UTF-8 error locator', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const decodes = (bytes: Uint8Array) => {
    try {
      strict.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  const text = fc.string({ unit: 'binary' }).map((s) => new Uint8Array(Buffer.from(s)));
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc
      .tuple(text, fc.uint8Array({ minLength: 1, maxLength: 4 }), text)
      .map(([a, b, c]) => new Uint8Array([...a, ...b, ...c])),
  );

  it('agrees with TextDecoder: valid up to the offset, and no valid sequence starts there', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const offset = utf8ErrorOffset(input);
        expect(decodes(input.subarray(0, offset))).toBe(true);
        expect(offset === input.length).toBe(decodes(input));
        if (offset < input.length) expect(decodes(input.subarray(offset, offset + 4))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('npm run check-data', () => {
  const script = path.resolve('src/cli/check-data.ts');
  const node = (args: string[]) => run(process.execPath, ['--import', 'tsx', script, ...args]);

  it('prints counts and exits 0 on the shipped data', async () => {
    const { stdout } = await node([]);
    expect(stdout).toMatch(
      /: ok \(\d+ sources, \d+ places, \d+ people, \d+ motives, \d+ responses, \d+ events\)/,
    );
  });

  it('exits 1 on a damaged copy and names file, record and field', async () => {
    let id = '';
    await edit('people.json', (people) => {
      const person = first(people);
      id = person.id;
      (person.defection as { to: string }).to = 'nowhere';
    });
    const failure = await node([dir]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      `people.json: ${id}.defection.to: unknown id "nowhere" (no such record in places.json)`,
    );
  });
});

/** check-data's stderr for the copy in `dir`; it must exit 1. */
async function checkDataFails(): Promise<string> {
  const script = path.resolve('src/cli/check-data.ts');
  const failure = await run(process.execPath, ['--import', 'tsx', script, dir]).then(
    () => undefined,
    (e: { code: number; stderr: string }) => e,
  );
  expect(failure?.code).toBe(1);
  return failure?.stderr ?? '';
}

const unreachable = 'http://127.0.0.1:9/api';
const gatewayEnv = { DISCORD_TOKEN: 'test-token', DISCORD_API_URL: unreachable };

/**
 * Starts an npm script as npm runs it (built `dist/`, the 128 MB heap cap) on the copy in `dir`:
 * it must print exactly check-data's `report` on stderr and exit 1, with no stack trace and no fatal log.
 */
async function startUpFails(report: string, script = 'start', env: Record<string, string> = gatewayEnv) {
  const bot = startNpmScript(script, { ...env, DATA_DIR: dir, HOST: '127.0.0.1' });
  const { code } = await bot.exited;
  expect(bot.stderr()).toBe(report);
  expect(code).toBe(1);
  expect(bot.logs.filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
  expect(`${bot.stderr()}${JSON.stringify(bot.logs)}`).not.toMatch(/\n\s+at |"stack"/);
}

describe('start-up with bad data', () => {
  async function damage(): Promise<void> {
    await edit('people.json', (people) => {
      (first(people).defection as { to: string }).to = 'nowhere';
    });
    await edit('events.json', (events) => {
      first(events).places = ['atlantis'];
    });
  }

  const publicKey = generateTestKeys().publicKeyHex;
  it.each([
    ['npm start', 'start', gatewayEnv],
    ['npm start, sharded', 'start', { ...gatewayEnv, DISCORD_SHARDS: '2' }],
    ['npm start, MODE=http', 'start', { MODE: 'http', DISCORD_PUBLIC_KEY: publicKey, PORT: '8787' }],
    ['npm run serve', 'serve', { DISCORD_PUBLIC_KEY: publicKey, PORT: '8787' }],
  ])('%s prints check-data report to stderr and exits 1, without a stack trace', async (_, script, env) => {
    await damage();
    const report = await checkDataFails();
    expect(report.split('\n').filter(Boolean)).toHaveLength(3);
    await startUpFails(report, script, env);
  });

  it('npm start with a relative DATA_DIR names the folder as check-data does', async () => {
    await edit('people.json', (people) => {
      (first(people).defection as { to: string }).to = 'nowhere';
    });
    const report = await checkDataFails();
    // The bot's working directory in tests is tests/e2e (see bot-process.ts).
    const relative = path.relative(path.resolve('tests/e2e'), dir);
    expect(path.isAbsolute(relative)).toBe(false);
    const bot = startNpmScript('start', { ...gatewayEnv, DATA_DIR: relative });
    expect((await bot.exited).code).toBe(1);
    expect(bot.stderr()).toBe(report);
  });
});

describe('size limits, applied alike by check-data and start-up', () => {
  const cap = 2 * 1024 * 1024;

  it('a 50 MB file is refused before it is read, by check-data and by npm start under its heap cap', async () => {
    const target = path.join(dir, 'sources.json');
    const sources = JSON.parse(await readFile(target, 'utf8')) as Json[];
    const source = first(sources);
    // Valid records only, so nothing but the size is wrong: before the cap, check-data passed and
    // npm start died of V8's out-of-memory abort while building the search index.
    const lines = sources.map((record) => JSON.stringify(record));
    for (let size = 0, i = 0; size < 50_000_000; i++) {
      const line = JSON.stringify({
        ...source,
        id: `padding-${i}`,
        title: `Padding ${i} ${'x'.repeat(300)}`,
      });
      lines.push(line);
      size += line.length + 2;
    }
    await writeFile(target, `[\n${lines.join(',\n')}\n]\n`);
    const report = await checkDataFails();
    expect(report).toMatch(
      /\n {2}sources\.json: file is 50,\d{3},\d{3} bytes; a data file may be at most 2 MiB \(2,097,152 bytes\)\n$/,
    );
    await startUpFails(report);
  }, 40_000);

  it('a file of exactly 2 MiB loads; one byte more is refused', async () => {
    const target = path.join(dir, 'motives.json');
    const text = await readFile(target, 'utf8');
    const padded = Buffer.alloc(cap, ' ');
    padded.write(text);
    await writeFile(target, padded);
    await expect(loadKnowledge(dir)).resolves.toBeDefined();
    await writeFile(target, Buffer.concat([padded, Buffer.from(' ')]));
    expect(await problems()).toEqual([
      'motives.json: file is 2,097,153 bytes; a data file may be at most 2 MiB (2,097,152 bytes)',
    ]);
  });

  it('a folder where a file should be is refused as such', async () => {
    await rm(path.join(dir, 'places.json'));
    await mkdir(path.join(dir, 'places.json'));
    expect(await problems()).toContain('places.json: not a regular file');
  });

  it('a text of 4,000 characters loads; one of 4,001 is refused, wherever it is', async () => {
    let id = '';
    await edit('people.json', (people) => {
      const person = first(people);
      id = person.id;
      person.name = 'n'.repeat(4000);
      (person.summary as { value: { en: string } }).value.en = `  ${'s'.repeat(4000)}  `;
    });
    await expect(loadKnowledge(dir)).resolves.toBeDefined();
    await edit('people.json', (people) => {
      const person = first(people);
      person.name = 'n'.repeat(4001);
      (person.post as { note?: { en: string; ko: string } }).note = { en: 'p'.repeat(10_000), ko: '짧은 글' };
    });
    expect(await problems()).toEqual([
      `people.json: ${id}.name: expected at most 4000 characters`,
      `people.json: ${id}.post.note.en: expected at most 4000 characters`,
    ]);
  });
});
