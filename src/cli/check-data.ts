import path from 'node:path';
import { defaultDataDir, loadKnowledge } from '../knowledge/load.ts';
import { DataError, formatDataReport } from '../knowledge/problems.ts';

/**
 * `npm run check-data [-- <dir>]`: validates a data directory the way start-up does.
 * Prints every problem and exits 1, or prints the record counts and exits 0.
 */
const dir = path.resolve(process.argv[2] ?? defaultDataDir);

try {
  const knowledge = await loadKnowledge(dir);
  const counts = (['sources', 'places', 'people', 'motives', 'responses', 'events'] as const)
    .map((kind) => `${knowledge[kind].length} ${kind}`)
    .join(', ');
  console.log(`${dir}: ok (${counts})`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(formatDataReport(dir, error.problems));
  process.exitCode = 1;
}
