/**
 * What the picture renderers take and give. The inputs carry text already in the reader's
 * language: this folder knows nothing of the knowledge base or of locales, so the caller maps its
 * records to these shapes (and other folders can change without touching this one).
 */

/** A rendered picture. The same object (and Buffer) comes back from the cache: do not mutate it. */
export interface Picture {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Alt text, as given, for the attachment's description. */
  readonly alt: string;
  /** The SVG the PNG was rendered from, for tests and for debugging a layout; drawn again on each read. */
  readonly svg: string;
}

export interface TimelineEventInput {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a year-only date is drawn as a bar over that year. */
  date: string;
  /** A key of `kindLabels`; it picks the marker's colour. */
  kind: string;
}

export interface TimelineRowInput {
  /** Usually a person's name. */
  label: string;
  events: readonly TimelineEventInput[];
}

export interface TimelineChartInput {
  title: string;
  /** One row per person, drawn in this order; rows past the 25th are summed up by `moreRows`. */
  rows: readonly TimelineRowInput[];
  /** First year shown; default: the earliest event's year. Events outside from..to are left out. */
  from?: number;
  /** Last year shown (inclusive); default: the latest event's year. */
  to?: number;
  /** Text under the time axis, e.g. "Year" / "연도". */
  axisLabel?: string;
  /**
   * Legend text per kind. The key order fixes each kind's colour, so a kind keeps its colour from
   * chart to chart when the caller always passes the same keys in the same order.
   */
  kindLabels: Readonly<Record<string, string>>;
  /** The line that replaces hidden rows; `{n}` becomes their number, e.g. "+{n} more" / "외 {n}명". */
  moreRows: string;
  alt: string;
}

export interface MapPointInput {
  lat: number;
  lon: number;
  label: string;
}

export interface MapRouteInput {
  /** Usually a person's name; drawn beside the route where there is room. */
  label: string;
  /** The post first, then any stops, then the destination. */
  points: readonly MapPointInput[];
}

export interface MapInput {
  title: string;
  /** One route: the map zooms to it. Several (or none): the whole world. */
  routes: readonly MapRouteInput[];
  legend: { post: string; destination: string; route: string };
  alt: string;
}
