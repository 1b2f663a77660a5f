import { loadavg } from 'node:os';

/**
 * What the benchmarks share: summarising timings, rounding for print, and laying out table rows,
 * so every bench reads a median or a megabyte the same way.
 */

/** The value at quantile `p` of a sample already sorted in ascending order; NaN for an empty one. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** Median and 99th percentile of a sample in any order (it is not modified). */
export function medianAndP99(values: readonly number[]): { median: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** `value` rounded to `places` decimals, as a number (so JSON output stays numeric). */
export function round(value: number, places: number): number {
  return Number(value.toFixed(places));
}

/** Bytes in MiB, which is what the benches and `process.memoryUsage()` readers call MB. */
export function mib(bytes: number): number {
  return bytes / 1024 / 1024;
}

/** The 1, 5 and 15 minute load averages: wall times on a shared machine mean little without them. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

/**
 * One line of a table: the first `textColumns` cells (names) padded on the right, the rest
 * (numbers) on the left, each to its width, one space apart.
 */
export function tableRow(
  cells: readonly (string | number)[],
  widths: readonly number[],
  textColumns: number,
): string {
  return cells
    .map((cell, i) => {
      const width = widths[i] ?? 0;
      return i < textColumns ? String(cell).padEnd(width) : String(cell).padStart(width);
    })
    .join(' ');
}
