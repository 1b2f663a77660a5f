/**
 * How big the data may get, in one place: the loader checks the file size before reading a byte, and
 * the schema (src/knowledge/schema.ts) checks every text, so check-data and start-up refuse the same.
 * A file far past these (50 MB) would otherwise exhaust the bot's 128 MB heap while it builds the
 * search index, after check-data had passed it. The shipped files are under 30 KB; the longest text,
 * a few hundred characters.
 */
export const dataLimits = {
  /** Bytes per data file. */
  fileBytes: 2 * 1024 * 1024,
  /** Characters (UTF-16 code units) per text field, after trimming. */
  textChars: 4000,
} as const;

/** One thing wrong with the data, located as precisely as the data allows. */
export interface DataProblem {
  /** The data file, e.g. `people.json`. */
  file: string;
  /** The record's id, or `#3` (its position) when it has no usable id; absent for file-level problems. */
  record?: string;
  /** Field path inside the record, e.g. `defection.date.value` or `aliases[2]`. */
  field?: string;
  message: string;
}

/**
 * `people.json: thae-yong-ho.defection.date.value: expected YYYY, YYYY-MM or YYYY-MM-DD`. Always one
 * line: a record id read from a broken file can hold anything, and is shown escaped.
 */
export function formatProblem(problem: DataProblem): string {
  const where = [problem.record, problem.field].filter((part) => part !== undefined && part !== '').join('.');
  return escapeInvisible(
    where === '' ? `${problem.file}: ${problem.message}` : `${problem.file}: ${where}: ${problem.message}`,
  );
}

const shortEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Control characters, line and paragraph separators, invisible format characters (BOM, zero-width
 * and bidirectional marks) and lone surrogates as escapes (`\n`, `\u001b`): printed raw they would
 * break the report's one line per problem, vanish, or drive the terminal.
 */
export function escapeInvisible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, (c) => {
    const code = c.codePointAt(0) ?? 0;
    const hex = code.toString(16);
    return shortEscapes[c] ?? (code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`);
  });
}

/**
 * The report `npm run check-data` and start-up both print (on stderr) for bad data: a line naming
 * the folder and the count, then one line per problem. One function, so the two cannot drift apart.
 */
export function formatDataReport(dir: string, problems: readonly DataProblem[]): string {
  const lines = problems.map((problem) => `  ${formatProblem(problem)}`);
  return [`${escapeInvisible(dir)}: ${problems.length} problem(s)`, ...lines].join('\n');
}

/** Thrown by the loader with every problem found in one run, so a maintainer fixes them all at once. */
export class DataError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly DataProblem[],
  ) {
    super(formatDataReport(dir, problems));
    this.name = 'DataError';
  }
}

/** `['defection', 'date', 'value']` -> `defection.date.value`; `['aliases', 2]` -> `aliases[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
