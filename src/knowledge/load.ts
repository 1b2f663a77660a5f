import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { locateJsonError } from './json-error.ts';
import type { Knowledge } from './knowledge.ts';
import { DataError, type DataProblem, dataLimits, formatPath } from './problems.ts';
import { type DataKind, dataFiles, type Person, type RegimeResponse, type TimelineEvent } from './schema.ts';

export const defaultDataDir = fileURLToPath(new URL('../../data/', import.meta.url));

type RecordOf<K extends DataKind> = z.infer<(typeof dataFiles)[K]['schema']>;
type Parsed = { [K in DataKind]: RecordOf<K>[] };

/** A file's valid records, and the id of every element in it, valid or not, by position. */
interface FileContents<K extends DataKind> {
  records: RecordOf<K>[];
  ids: (string | undefined)[];
}

const kinds = Object.keys(dataFiles) as DataKind[];

/**
 * Reads, validates and cross-checks every data file in `dir`, and returns the knowledge frozen.
 * Throws a `DataError` listing every problem found, each naming file, record and field.
 */
export async function loadKnowledge(dataDir: string = defaultDataDir): Promise<Knowledge> {
  // Absolute, so that start-up (DATA_DIR as given) and check-data name the folder alike.
  const dir = path.resolve(dataDir);
  const problems: DataProblem[] = [];
  const parsed = {} as Parsed;
  const ids = new Map<DataKind, (string | undefined)[]>();
  for (const kind of kinds) {
    const contents = await readRecords(dir, kind, problems);
    (parsed as Record<DataKind, unknown[]>)[kind] = contents?.records ?? [];
    if (contents) ids.set(kind, contents.ids);
  }
  crossCheck(parsed, ids, problems);
  if (problems.length > 0) throw new DataError(dir, problems);
  return deepFreeze(build(parsed));
}

/** The file's contents, or `undefined` when the file itself cannot be read as an array. */
async function readRecords<K extends DataKind>(
  dir: string,
  kind: K,
  problems: DataProblem[],
): Promise<FileContents<K> | undefined> {
  const { file, schema } = dataFiles[kind];
  let bytes: Buffer;
  try {
    const read = await readCapped(path.join(dir, file));
    if (typeof read === 'string') {
      problems.push({ file, message: read });
      return undefined;
    }
    bytes = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? `file not found in ${dir}` : `cannot read the file (${code ?? error})`;
    problems.push({ file, message });
    return undefined;
  }
  const encoding = describeEncoding(bytes);
  if (encoding !== undefined) {
    problems.push({ file, message: encoding });
    return undefined;
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    problems.push({ file, message: describeUtf8Error(bytes) });
    return undefined;
  }
  if (text.trim() === '') {
    problems.push({ file, message: 'file is empty; expected a JSON array of records ([] for none)' });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push({ file, message: describeJsonError(text) });
    return undefined;
  }
  if (!Array.isArray(json)) {
    problems.push({ file, message: 'expected a JSON array of records at the top level' });
    return undefined;
  }

  const records: RecordOf<K>[] = [];
  const ids = json.map(usableId);
  json.forEach((element: unknown, index) => {
    const record = ids[index] ?? `#${index}`;
    const result = schema.safeParse(element, { error: missingFieldMessage });
    if (result.success) {
      records.push(result.data as RecordOf<K>);
      return;
    }
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            file,
            record,
            field: formatPath([...issue.path, key]),
            message: 'unknown field (check its spelling against src/knowledge/schema.ts)',
          });
        }
      } else {
        problems.push({ file, record, field: formatPath(issue.path), message: issue.message });
      }
    }
  });
  return { records, ids };
}

const thousands = new Intl.NumberFormat('en-US');

/**
 * Throws on bytes that are not UTF-8, where a lenient decoder (`readFile(..., 'utf8')`) would turn them
 * into U+FFFD and a Latin-1 file would load with its accents silently replaced. `ignoreBOM` keeps a
 * byte order mark in the text, so that it is reported rather than silently dropped.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The file's bytes, or why it is refused. The size is checked before a byte is read, and the read
 * stops one byte past the cap, so even a file that grows in between never reaches memory whole.
 */
async function readCapped(file: string): Promise<Buffer | string> {
  const cap = dataLimits.fileBytes;
  const tooLarge = (size: number) =>
    `file is ${thousands.format(size)} bytes; a data file may be at most ${cap / 1024 / 1024} MiB (${thousands.format(cap)} bytes)`;
  const handle = await open(file, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return 'not a regular file';
    if (stat.size > cap) return tooLarge(stat.size);
    const buffer = Buffer.allocUnsafe(cap + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > cap) return tooLarge(Math.max((await handle.stat()).size, length));
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function missingFieldMessage(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'required field is missing' : undefined;
}

/** A record's id even when the record fails its schema, so that references to it are not reported too. */
function usableId(element: unknown): string | undefined {
  if (typeof element === 'object' && element !== null && 'id' in element) {
    const id = (element as { id: unknown }).id;
    if (typeof id === 'string' && id.trim() !== '') return id;
  }
  return undefined;
}

/**
 * Line, column and cause of the first syntax error, which is what a maintainer needs to find it.
 * `JSON.parse`'s own message is not used: it quotes the text around the error raw.
 */
function describeJsonError(text: string): string {
  const { offset, reason } = locateJsonError(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

/** Byte order marks, longest first: UTF-32 LE's begins with UTF-16 LE's. */
const byteOrderMarks: [string, number[]][] = [
  ['UTF-32 LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 LE', [0xff, 0xfe]],
  ['UTF-16 BE', [0xfe, 0xff]],
];

/**
 * Why the file is not plain UTF-8 JSON, when its first bytes show it: a byte order mark, or UTF-16
 * without one (JSON begins with an ASCII character, so UTF-16 puts a NUL beside it). Without this,
 * the error would be a JSON syntax error about an invisible character.
 */
function describeEncoding(bytes: Uint8Array): string | undefined {
  const startsWith = (mark: number[]) => mark.every((byte, i) => bytes[i] === byte);
  if (startsWith([0xef, 0xbb, 0xbf])) {
    return 'file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without one';
  }
  for (const [encoding, mark] of byteOrderMarks) {
    if (startsWith(mark)) return `file is ${encoding} (it starts with a byte order mark); save it as UTF-8`;
  }
  const [a, b] = bytes;
  if (a === undefined || b === undefined || (a === 0) === (b === 0)) return undefined;
  const encoding = a === 0 ? 'UTF-16 BE' : 'UTF-16 LE';
  return `file looks like ${encoding} (NUL bytes between its characters); save it as UTF-8`;
}

/** Line, column and value of the first byte that is not UTF-8; called only after strict decoding failed. */
function describeUtf8Error(bytes: Uint8Array): string {
  const offset = utf8ErrorOffset(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length + 1;
  // Columns count UTF-16 code units, as the JSON error's columns do; the bytes before are valid.
  const column = strictUtf8.decode(bytes.subarray(lineStart, offset)).length + 1;
  const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  return `invalid UTF-8 at line ${line}, column ${column}: byte ${byte} (save the file as UTF-8)`;
}

/**
 * Offset of the first byte that starts no valid UTF-8 sequence (RFC 3629, as TextDecoder decodes it:
 * no overlong forms, no surrogates, nothing past U+10FFFF), or of the lead byte of a sequence cut short.
 */
export function utf8ErrorOffset(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    let length: number;
    let low = 0x80; // the range the second byte must fall in
    let high = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // past U+10FFFF
    } else return at;
    for (let i = 1; i < length; i++) {
      const next = bytes[at + i];
      const min = i === 1 ? low : 0x80;
      const max = i === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return at;
    }
    at += length;
  }
  return at;
}

interface Reference {
  field: string;
  target: DataKind;
  id: string;
}

/** Every id a record points at, with where it sits. Sources are found by walking, so no field is missed. */
function references(kind: DataKind, record: RecordOf<DataKind>): Reference[] {
  const refs: Reference[] = [];
  const many = (field: string, target: DataKind, ids: readonly string[] | undefined) => {
    ids?.forEach((id, i) => {
      refs.push({ field: `${field}[${i}]`, target, id });
    });
  };
  if (kind === 'people') {
    const person = record as Person;
    if (person.mission) refs.push({ field: 'mission.place', target: 'places', id: person.mission.place });
    refs.push({ field: 'defection.from', target: 'places', id: person.defection.from });
    if (person.defection.to !== undefined) {
      refs.push({ field: 'defection.to', target: 'places', id: person.defection.to });
    }
    many('defection.via', 'places', person.defection.via);
    person.relatives?.forEach((r, i) => {
      refs.push({ field: `relatives[${i}].person`, target: 'people', id: r.person });
    });
    person.motives?.forEach((m, i) => {
      refs.push({ field: `motives[${i}].motive`, target: 'motives', id: m.motive });
    });
  } else if (kind === 'responses') {
    const response = record as RegimeResponse;
    many('trigger.people', 'people', response.trigger.people);
    many('trigger.events', 'events', response.trigger.events);
  } else if (kind === 'events') {
    const event = record as TimelineEvent;
    many('people', 'people', event.people);
    many('places', 'places', event.places);
  }
  collectSources(record, [], refs);
  return refs;
}

function collectSources(value: unknown, at: PropertyKey[], refs: Reference[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      collectSources(item, [...at, i], refs);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(child)) {
        child.forEach((id, i) => {
          refs.push({ field: formatPath([...at, key, i]), target: 'sources', id: String(id) });
        });
      } else {
        collectSources(child, [...at, key], refs);
      }
    }
  }
}

function crossCheck(
  parsed: Parsed,
  fileIds: ReadonlyMap<DataKind, (string | undefined)[]>,
  problems: DataProblem[],
): void {
  const known = new Map<DataKind, Set<string>>();
  for (const [kind, ids] of fileIds) {
    const { file } = dataFiles[kind];
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else problems.push({ file, record: id, field: 'id', message: `duplicate id (also record #${first})` });
    });
    known.set(kind, new Set(seen.keys()));
  }

  for (const kind of kinds) {
    const { file } = dataFiles[kind];
    for (const record of parsed[kind]) {
      for (const ref of references(kind, record)) {
        // A file that could not be read is reported once; every reference into it would only be noise.
        const targets = known.get(ref.target);
        if (targets === undefined || targets.has(ref.id)) continue;
        problems.push({
          file,
          record: record.id,
          field: ref.field,
          message: `unknown id "${ref.id}" (no such record in ${dataFiles[ref.target].file})`,
        });
      }
    }
  }

  const people = new Map(parsed.people.map((p) => [p.id, p]));
  for (const person of parsed.people) {
    person.relatives?.forEach((relation, i) => {
      const other = people.get(relation.person);
      if (other === undefined) return;
      const field = `relatives[${i}].person`;
      if (other.id === person.id) {
        problems.push({
          file: 'people.json',
          record: person.id,
          field,
          message: 'a person cannot be their own relative',
        });
      } else if (!other.relatives?.some((r) => r.person === person.id)) {
        problems.push({
          file: 'people.json',
          record: person.id,
          field,
          message: `"${other.id}" does not list "${person.id}" among its relatives; relations go both ways`,
        });
      }
    });
  }
}

function build(parsed: Parsed): Knowledge {
  const events = [...parsed.events].sort(
    (a, b) => a.date.value.localeCompare(b.date.value) || a.id.localeCompare(b.id),
  );
  const index = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id, r]));
  return {
    sources: parsed.sources,
    places: parsed.places,
    people: parsed.people,
    motives: parsed.motives,
    responses: parsed.responses,
    events,
    byId: {
      sources: index(parsed.sources),
      places: index(parsed.places),
      people: index(parsed.people),
      motives: index(parsed.motives),
      responses: index(parsed.responses),
      events: index(events),
    },
  };
}

/** Freezes records and arrays all the way down. Maps stay as they are: they are typed read-only. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Map) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
