/**
 * A timeline chart: one row per person, time across, a marker per event coloured by its kind.
 * 900 pixels wide (Discord shows attachments up to about that width); the height grows with the
 * rows, which are capped at 25 so the picture stays readable and small.
 */
import { scaleLinear } from 'd3-scale';
import { cachedPicture } from './cache.ts';
import { n, svgDocument } from './svg.ts';
import { fitText, measure, TextLayer } from './text.ts';
import type { Picture, TimelineChartInput } from './types.ts';

export const TIMELINE_WIDTH = 900;
export const MAX_TIMELINE_ROWS = 25;

const PAD = 16;
const TITLE_SIZE = 18;
const LABEL_SIZE = 13;
const SMALL_SIZE = 12;
const ROW_HEIGHT = 24;
const MARKER_RADIUS = 5;
/** Room for tick labels under the axis line. */
const AXIS_HEIGHT = 26;
const INK = '#222222';
const MUTED = '#666666';
const GRID = '#e3e3e3';
const STRIPE = '#f6f6f6';

/**
 * Okabe and Ito's colour-blind-safe palette, yellow last (it is faint on white), then grey for
 * kinds beyond it or missing from kindLabels.
 */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const OTHER = '#999999';

interface Span {
  /** Fractional years: 2016.5 is the middle of 2016. */
  start: number;
  end: number;
  yearOnly: boolean;
}

function yearFraction(year: number, month: number, day: number): number {
  const start = Date.UTC(year, 0, 1);
  return year + (Date.UTC(year, month - 1, day) - start) / (Date.UTC(year + 1, 0, 1) - start);
}

/** A partial ISO date as the span of time it names; throws on anything else. */
export function dateSpan(date: string): Span {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const year = Number(match?.[1]);
  const month = match?.[2] === undefined ? undefined : Number(match[2]);
  const day = match?.[3] === undefined ? undefined : Number(match[3]);
  const valid =
    match !== null &&
    (month === undefined || (month >= 1 && month <= 12)) &&
    (day === undefined || (day >= 1 && new Date(Date.UTC(year, (month ?? 1) - 1, day)).getUTCDate() === day));
  if (!valid) throw new RangeError(`timeline chart: "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  if (month === undefined) return { start: year, end: year + 1, yearOnly: true };
  if (day === undefined) {
    const start = yearFraction(year, month, 1);
    const end = month === 12 ? year + 1 : yearFraction(year, month + 1, 1);
    return { start, end, yearOnly: false };
  }
  const start = yearFraction(year, month, day);
  const end = yearFraction(year, month, day + 1);
  return { start, end, yearOnly: false };
}

/** Kinds in legend order: kindLabels' key order, then unknown kinds alphabetically. */
function kindColours(input: TimelineChartInput, used: Set<string>): Map<string, string> {
  const colours = new Map<string, string>();
  Object.keys(input.kindLabels).forEach((kind, i) => {
    if (used.has(kind)) colours.set(kind, PALETTE[i] ?? OTHER);
  });
  for (const kind of [...used].sort()) if (!colours.has(kind)) colours.set(kind, OTHER);
  return colours;
}

export function renderTimelineChart(input: TimelineChartInput): Picture {
  return cachedPicture('timeline', input, input.alt, () => draw(input));
}

function draw(input: TimelineChartInput): string {
  const text = new TextLayer();
  const width = TIMELINE_WIDTH;
  const shown = input.rows.slice(0, MAX_TIMELINE_ROWS);
  const hidden = input.rows.length - shown.length;

  // Every date is checked, hidden rows' too: a bad date is a data error wherever it is.
  const spans = input.rows.map((row) =>
    row.events.map((event) => ({ kind: event.kind, ...dateSpan(event.date) })),
  );
  const all = spans.flat();
  const from = input.from ?? (all.length > 0 ? Math.floor(Math.min(...all.map((s) => s.start))) : input.to);
  const to = input.to ?? (all.length > 0 ? Math.ceil(Math.max(...all.map((s) => s.end))) - 1 : input.from);
  if (from === undefined || to === undefined) {
    throw new RangeError('timeline chart: no dated events, and no from/to to draw an empty range');
  }
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new RangeError(`timeline chart: from ${from} and to ${to} must be whole years, from <= to`);
  }
  // Whole years: the axis runs from the start of `from` to the end of `to`.
  const domain: [number, number] = [from, to + 1];
  const visible = spans
    .slice(0, shown.length)
    .map((row) => row.filter((s) => s.end > domain[0] && s.start < domain[1]));

  const usedKinds = new Set(visible.flat().map((s) => s.kind));
  const colours = kindColours(input, usedKinds);

  let body = '';
  // Title.
  body += text.run(fitText(input.title, TITLE_SIZE, width - 2 * PAD), PAD, PAD + TITLE_SIZE, {
    size: TITLE_SIZE,
    fill: INK,
  });
  let y = PAD + TITLE_SIZE + 12;

  // Legend: a dot and a label per kind, wrapping onto more lines when they do not fit.
  const legendLine = 20;
  let lx = PAD;
  let ly = y + legendLine / 2;
  let legendLines = colours.size > 0 ? 1 : 0;
  for (const [kind, colour] of colours) {
    const label = fitText(input.kindLabels[kind] ?? kind, SMALL_SIZE, width / 3);
    const itemWidth = 2 * MARKER_RADIUS + 6 + measure(label, SMALL_SIZE) + 18;
    if (lx > PAD && lx + itemWidth > width - PAD) {
      lx = PAD;
      ly += legendLine;
      legendLines += 1;
    }
    body += `<circle cx="${n(lx + MARKER_RADIUS)}" cy="${n(ly)}" r="${MARKER_RADIUS}" fill="${colour}"/>`;
    body += text.run(label, lx + 2 * MARKER_RADIUS + 6, ly + SMALL_SIZE * 0.36, {
      size: SMALL_SIZE,
      fill: INK,
    });
    lx += itemWidth;
  }
  y += legendLines * legendLine + 8;

  // Label column as wide as the longest label, within limits that leave the time axis most room.
  const longest = Math.max(0, ...shown.map((row) => measure(row.label, LABEL_SIZE)));
  const labelWidth = Math.min(220, Math.max(60, Math.ceil(longest)));
  const x0 = PAD + labelWidth + 14;
  const x1 = width - PAD - 10;
  const x = scaleLinear().domain(domain).range([x0, x1]);
  const rowsTop = y;
  const lineCount = shown.length + (hidden > 0 ? 1 : 0);
  const rowsBottom = rowsTop + Math.max(1, lineCount) * ROW_HEIGHT;

  // Stripes first, so grid lines and markers draw over them.
  shown.forEach((_, i) => {
    if (i % 2 === 1) {
      body += `<rect x="${PAD}" y="${n(rowsTop + i * ROW_HEIGHT)}" width="${width - 2 * PAD}" height="${ROW_HEIGHT}" fill="${STRIPE}"/>`;
    }
  });

  // Year ticks from d3; only whole years, since a date axis labelled 2016.5 helps nobody.
  const ticks = x.ticks(Math.max(2, Math.floor((x1 - x0) / 70))).filter(Number.isInteger);
  for (const tick of ticks) {
    body += `<line x1="${n(x(tick))}" y1="${n(rowsTop)}" x2="${n(x(tick))}" y2="${n(rowsBottom + 4)}" stroke="${GRID}"/>`;
    body += text.run(String(tick), x(tick), rowsBottom + 4 + SMALL_SIZE + 2, {
      size: SMALL_SIZE,
      fill: MUTED,
      anchor: 'middle',
    });
  }
  body += `<line x1="${n(x0)}" y1="${n(rowsBottom)}" x2="${n(x1)}" y2="${n(rowsBottom)}" stroke="${MUTED}"/>`;

  shown.forEach((row, i) => {
    const cy = rowsTop + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    body += text.run(fitText(row.label, LABEL_SIZE, labelWidth), PAD + 4, cy + LABEL_SIZE * 0.36, {
      size: LABEL_SIZE,
      fill: INK,
    });
    // Year-only dates first, as faint bars under the precise markers: "some time that year".
    const events = [...(visible[i] ?? [])].sort((a, b) => Number(b.yearOnly) - Number(a.yearOnly));
    for (const span of events) {
      const colour = colours.get(span.kind) ?? OTHER;
      if (span.yearOnly) {
        const left = x(Math.max(span.start, domain[0]));
        const right = x(Math.min(span.end, domain[1]));
        const barWidth = Math.max(right - left, 2 * MARKER_RADIUS);
        const barLeft = (left + right - barWidth) / 2;
        body += `<rect x="${n(barLeft)}" y="${n(cy - 4)}" width="${n(barWidth)}" height="8" rx="4" fill="${colour}" fill-opacity="0.55"/>`;
      } else {
        const cx = x((span.start + span.end) / 2);
        body += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${MARKER_RADIUS}" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`;
      }
    }
  });

  if (hidden > 0) {
    const cy = rowsTop + shown.length * ROW_HEIGHT + ROW_HEIGHT / 2;
    const more = input.moreRows.replaceAll('{n}', String(hidden));
    body += text.run(fitText(more, SMALL_SIZE, width - 2 * PAD), PAD + 4, cy + SMALL_SIZE * 0.36, {
      size: SMALL_SIZE,
      fill: MUTED,
    });
  }

  let bottom = rowsBottom + AXIS_HEIGHT;
  if (input.axisLabel !== undefined && input.axisLabel !== '') {
    body += text.run(fitText(input.axisLabel, SMALL_SIZE, x1 - x0), (x0 + x1) / 2, bottom + SMALL_SIZE, {
      size: SMALL_SIZE,
      fill: MUTED,
      anchor: 'middle',
    });
    bottom += SMALL_SIZE + 8;
  }
  const height = Math.ceil(bottom + PAD / 2);

  return svgDocument({ width, height, title: input.title, alt: input.alt, defs: text.defs(), body });
}
