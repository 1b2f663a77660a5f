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

/** `people.json: thae-yong-ho.defection.date.value: expected YYYY, YYYY-MM or YYYY-MM-DD` */
export function formatProblem(problem: DataProblem): string {
  const where = [problem.record, problem.field].filter((part) => part !== undefined && part !== '').join('.');
  return where === ''
    ? `${problem.file}: ${problem.message}`
    : `${problem.file}: ${where}: ${problem.message}`;
}

/** Thrown by the loader with every problem found in one run, so a maintainer fixes them all at once. */
export class DataError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly DataProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The data in ${dir} has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
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
