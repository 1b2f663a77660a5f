/**
 * A route map: where a person was posted, where they stopped and where they ended up, on a world
 * map (Natural Earth 1:110m countries from world-atlas, drawn with d3-geo). One route zooms to that
 * route, so a card's map is readable; several routes show the whole world.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type GeoPermissibleObjects, geoDistance, geoInterpolate, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { cachedPicture } from './cache.ts';
import { n, svgDocument } from './svg.ts';
import { cleanText, fitText, measure, TextLayer } from './text.ts';
import type { MapInput, MapPointInput, Picture } from './types.ts';

export const MAP_WIDTH = 900;
export const MAP_HEIGHT = 460;

/** The band above the map that holds the title. */
const TOP = 40;
const TITLE_SIZE = 18;
const LABEL_SIZE = 12;
const LEGEND_SIZE = 12;
const INK = '#222222';
const OCEAN = '#dce9f2';
const LAND = '#e6e1d6';
const BORDER = '#ffffff';
const ROUTE = '#c0392b';
const ROUTE_TEXT = '#8e2a1f';
const MARK = '#1f3b73';
/** Smallest area one route's map shows, in degrees, so a short hop still shows its region. */
const MIN_LON_SPAN = 30;
const MIN_LAT_SPAN = 16;

interface World {
  land: FeatureCollection;
  borders: MultiLineString;
}

let world: World | undefined;

/** Read and converted on first use or by `preparePictures`, not at import. */
export function theWorld(): World {
  if (world === undefined) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
      countries: GeometryCollection;
      land: GeometryCollection;
    }>;
    world = {
      land: feature(topology, topology.objects.land),
      // Only borders between two countries: coasts are the land's own edge.
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  }
  return world;
}

function checkPoint(point: MapPointInput, where: string): void {
  const ok =
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lon) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lon) <= 180;
  if (!ok)
    throw new RangeError(`map: ${where} has lat ${point.lat}, lon ${point.lon}; expected -90..90, -180..180`);
}

/** Longitude -180..180 relative to `centre`, so a route across the date line stays in one piece. */
function relativeLon(lon: number, centre: number): number {
  return ((((lon - centre + 180) % 360) + 360) % 360) - 180;
}

/**
 * The mean direction of the points' longitudes: the map's centre meridian, so routes sit in the
 * middle and are cut by the map's edge as rarely as possible.
 */
function centreLon(points: readonly MapPointInput[]): number {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += Math.cos((p.lon * Math.PI) / 180);
    y += Math.sin((p.lon * Math.PI) / 180);
  }
  if (Math.hypot(x, y) < 1e-9) return 0;
  return Math.round((Math.atan2(y, x) * 180) / Math.PI);
}

function projectionFor(input: MapInput) {
  const points = input.routes.flatMap((r) => r.points);
  const centre = centreLon(points);
  const projection = geoNaturalEarth1().rotate([-centre, 0]);
  const route = input.routes.length === 1 ? input.routes[0] : undefined;
  if (route !== undefined && route.points.length > 0) {
    // The route itself (its great circles can bow far from the end points) and a box around the
    // points at least MIN_*_SPAN degrees wide, for context.
    const lons = route.points.map((p) => relativeLon(p.lon, centre));
    const lats = route.points.map((p) => p.lat);
    const [west, east] = widen(Math.min(...lons), Math.max(...lons), MIN_LON_SPAN);
    const [south, north] = widen(Math.min(...lats), Math.max(...lats), MIN_LAT_SPAN);
    const clampLat = (lat: number) => Math.max(-80, Math.min(80, lat));
    const corners: Position[] = [
      [centre + west, clampLat(south)],
      [centre + east, clampLat(south)],
      [centre + west, clampLat(north)],
      [centre + east, clampLat(north)],
    ];
    const line: Position[] = route.points.map((p) => [p.lon, p.lat]);
    const object: GeoPermissibleObjects = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'MultiPoint', coordinates: corners },
        line.length > 1
          ? { type: 'LineString', coordinates: line }
          : { type: 'MultiPoint', coordinates: line },
      ],
    };
    projection.fitExtent(
      [
        [70, TOP + 30],
        [MAP_WIDTH - 70, MAP_HEIGHT - 40],
      ],
      object,
    );
  } else {
    projection.fitExtent(
      [
        [8, TOP + 2],
        [MAP_WIDTH - 8, MAP_HEIGHT - 4],
      ],
      { type: 'Sphere' },
    );
  }
  // Cut everything to the picture: a zoomed map would otherwise carry the whole world's outlines.
  projection.clipExtent([
    [0, TOP],
    [MAP_WIDTH, MAP_HEIGHT],
  ]);
  return { projection, centre, zoomed: route !== undefined && route.points.length > 0 };
}

type PathFn = ReturnType<typeof geoPath>;

/**
 * Sea, land and borders as drawn by this projection. d3-geo builds path data with `+=`, which V8
 * keeps as a tree of thousands of small pieces: 1.1 MB of heap for the world's 90 KB of text. A
 * join copies them into one flat string, which matters for the outlines `worldBasemaps` keeps.
 */
function basemap(path: PathFn): string {
  const { land, borders } = theWorld();
  return [
    `<path d="${path({ type: 'Sphere' }) ?? ''}" fill="${OCEAN}"/>`,
    `<path d="${path(land) ?? ''}" fill="${LAND}"/>`,
    `<path d="${path(borders) ?? ''}" fill="none" stroke="${BORDER}" stroke-width="0.8"/>`,
  ].join('');
}

/**
 * The whole world depends only on the centre meridian, a whole degree, so its outlines (the
 * slowest part of a many-route map's JavaScript) are kept for the last few meridians used.
 */
const worldBasemaps = new Map<number, string>();

function worldBasemap(centre: number, path: PathFn): string {
  let drawn = worldBasemaps.get(centre);
  if (drawn === undefined) {
    drawn = basemap(path);
    worldBasemaps.set(centre, drawn);
    if (worldBasemaps.size > 8) worldBasemaps.delete(worldBasemaps.keys().next().value as number);
  }
  return drawn;
}

function widen(low: number, high: number, min: number): [number, number] {
  const extra = Math.max(0, min - (high - low)) / 2;
  return [low - extra, high + extra];
}

/** Where along the route half its length lies, for the route's own label. */
function midpoint(points: readonly MapPointInput[]): [number, number] | undefined {
  if (points.length < 2) return undefined;
  const legs = points.slice(1).map((p, i) => {
    const a = points[i] as MapPointInput;
    return { a: [a.lon, a.lat] as [number, number], b: [p.lon, p.lat] as [number, number] };
  });
  const lengths = legs.map((leg) => geoDistance(leg.a, leg.b));
  let half = lengths.reduce((sum, l) => sum + l, 0) / 2;
  for (const [i, leg] of legs.entries()) {
    const length = lengths[i] ?? 0;
    if (half <= length && length > 0) return geoInterpolate(leg.a, leg.b)(half / length);
    half -= length;
  }
  return legs[0]?.a;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

type Role = 'destination' | 'post' | 'stop' | 'route';

interface Label {
  text: string;
  x: number;
  y: number;
  /** Radius of the marker the label sits beside. */
  r: number;
  role: Role;
}

export function renderMap(input: MapInput): Picture {
  return cachedPicture('map', input, input.alt, () => draw(input));
}

function draw(input: MapInput): string {
  input.routes.forEach((route, i) => {
    route.points.forEach((point, j) => {
      checkPoint(point, `route ${i + 1} ("${route.label}") point ${j + 1}`);
    });
  });
  const width = MAP_WIDTH;
  const height = MAP_HEIGHT;
  const text = new TextLayer();
  const { projection, centre, zoomed } = projectionFor(input);
  // One decimal in path data: a tenth of a pixel, and a third of the SVG of d3's default three.
  const path = geoPath(projection).digits(1);
  const single = input.routes.length === 1;

  let body = '';
  // Zoomed in on a northern route, the projection's edge (the pole) can fall inside the picture:
  // sea beyond it reads better than a white gap.
  if (zoomed) body += `<rect y="${TOP}" width="${width}" height="${height - TOP}" fill="${OCEAN}"/>`;
  body += zoomed ? basemap(path) : worldBasemap(centre, path);

  // Routes: d3-geo draws a LineString's segments as great circles, the way flights look on a globe.
  const routeWidth = single ? 2.5 : 1.8;
  for (const route of input.routes) {
    if (route.points.length < 2) continue;
    const d = path({ type: 'LineString', coordinates: route.points.map((p) => [p.lon, p.lat]) });
    if (d) {
      body += `<path d="${d}" fill="none" stroke="${ROUTE}" stroke-width="${routeWidth}" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.85"/>`;
    }
  }

  // Markers, each drawn once per place and role (many routes end in Seoul); destinations last, on top.
  const markers = new Map<string, { role: Role; x: number; y: number }>();
  const labels: Label[] = [];
  const seenLabels = new Set<string>();
  const radius: Record<Role, number> = { destination: 5.5, post: 5, stop: 3.5, route: 2 };
  for (const route of input.routes) {
    route.points.forEach((point, i) => {
      const role: Role = i === 0 ? 'post' : i === route.points.length - 1 ? 'destination' : 'stop';
      const at = projection([point.lon, point.lat]);
      if (at === null) return;
      const [x, y] = at;
      if (x < 0 || x > width || y < TOP || y > height) return;
      markers.set(`${role}:${n(x)},${n(y)}`, { role, x, y });
      const clean = cleanText(point.label).trim();
      const key = `${n(x)},${n(y)}:${clean}`;
      if (clean !== '' && !seenLabels.has(key)) {
        seenLabels.add(key);
        labels.push({ text: clean, x, y, r: radius[role], role });
      }
    });
    const mid = midpoint(route.points);
    const at = mid && projection(mid);
    const clean = cleanText(route.label).trim();
    if (at && clean !== '') labels.push({ text: clean, x: at[0], y: at[1], r: radius.route, role: 'route' });
  }
  const order: Role[] = ['stop', 'post', 'destination'];
  const drawn = [...markers.values()].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  for (const m of drawn) {
    if (m.role === 'post') {
      body += `<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${radius.post}" fill="#ffffff" stroke="${MARK}" stroke-width="2.2"/>`;
    } else if (m.role === 'destination') {
      body += `<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${radius.destination}" fill="${MARK}" stroke="#ffffff" stroke-width="1.5"/>`;
    } else {
      body += `<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${radius.stop}" fill="#555555" stroke="#ffffff" stroke-width="1"/>`;
    }
  }

  // Legend, bottom left: the three symbols and the caller's words for them.
  const legendItems = [
    { text: fitText(input.legend.post, LEGEND_SIZE, 200), swatch: 'post' },
    { text: fitText(input.legend.destination, LEGEND_SIZE, 200), swatch: 'destination' },
    { text: fitText(input.legend.route, LEGEND_SIZE, 200), swatch: 'route' },
  ] as const;
  const legendHeight = 26;
  const legendTop = height - 10 - legendHeight;
  let lx = 20;
  let legend = '';
  for (const item of legendItems) {
    const cy = legendTop + legendHeight / 2;
    if (item.swatch === 'route') {
      legend += `<line x1="${lx}" y1="${n(cy)}" x2="${lx + 22}" y2="${n(cy)}" stroke="${ROUTE}" stroke-width="2.5" stroke-linecap="round"/>`;
      lx += 28;
    } else if (item.swatch === 'post') {
      legend += `<circle cx="${lx + 5}" cy="${n(cy)}" r="${radius.post}" fill="#ffffff" stroke="${MARK}" stroke-width="2.2"/>`;
      lx += 16;
    } else {
      legend += `<circle cx="${lx + 5}" cy="${n(cy)}" r="${radius.destination}" fill="${MARK}"/>`;
      lx += 16;
    }
    legend += text.run(item.text, lx, cy + LEGEND_SIZE * 0.36, { size: LEGEND_SIZE, fill: INK });
    lx += measure(item.text, LEGEND_SIZE) + 18;
  }
  const legendBox: Box = { left: 10, top: legendTop, right: lx - 8, bottom: legendTop + legendHeight };
  body += `<rect x="10" y="${legendTop}" width="${n(lx - 18)}" height="${legendHeight}" rx="4" fill="#ffffff" fill-opacity="0.88" stroke="#cccccc"/>`;
  body += legend;

  body += placeLabels(
    labels,
    text,
    [legendBox, ...drawn.map((m) => markerBox(m.x, m.y, radius[m.role]))],
    single,
  );

  // Title band last, over anything a zoomed map drew under it.
  body += `<rect width="${width}" height="${TOP}" fill="#ffffff"/>`;
  body += text.run(fitText(input.title, TITLE_SIZE, width - 32), 16, 27, { size: TITLE_SIZE, fill: INK });

  return svgDocument({ width, height, title: input.title, alt: input.alt, defs: text.defs(), body });
}

function markerBox(x: number, y: number, r: number): Box {
  return { left: x - r, top: y - r, right: x + r, bottom: y + r };
}

/**
 * Greedy placement: each label tries right, left, above and below its marker and takes the first
 * spot that is inside the map and clear of markers, the legend and labels placed before it.
 * Destinations go first (they are shared), route names last. With no clear spot, a one-route map
 * still draws the label (every stop of a person's route matters); a many-route map leaves it out.
 */
function placeLabels(labels: Label[], text: TextLayer, obstacles: Box[], single: boolean): string {
  const priority: Role[] = ['destination', 'post', 'stop', 'route'];
  const sorted = [...labels].sort((a, b) => priority.indexOf(a.role) - priority.indexOf(b.role));
  const taken = [...obstacles];
  const bounds: Box = { left: 4, top: TOP + 2, right: MAP_WIDTH - 4, bottom: MAP_HEIGHT - 4 };
  let out = '';
  for (const label of sorted) {
    const size = label.role === 'route' ? LABEL_SIZE - 1 : LABEL_SIZE;
    const shown = fitText(label.text, size, 200);
    const w = measure(shown, size);
    const gap = label.r + 4;
    const candidates = [
      { x: label.x + gap, y: label.y + size * 0.36, left: label.x + gap },
      { x: label.x - gap, y: label.y + size * 0.36, left: label.x - gap - w },
      { x: label.x, y: label.y - gap, left: label.x - w / 2 },
      { x: label.x, y: label.y + gap + size * 0.8, left: label.x - w / 2 },
    ].map((c, i) => ({
      ...c,
      anchor: (['start', 'end', 'middle', 'middle'] as const)[i] ?? 'start',
      box: { left: c.left - 1, right: c.left + w + 1, top: c.y - size * 0.82, bottom: c.y + size * 0.25 },
    }));
    const inside = candidates.filter(
      (c) =>
        c.box.left >= bounds.left &&
        c.box.right <= bounds.right &&
        c.box.top >= bounds.top &&
        c.box.bottom <= bounds.bottom,
    );
    const clear = inside.find((c) => !taken.some((t) => overlaps(c.box, t)));
    const chosen = clear ?? (single && label.role !== 'route' ? (inside[0] ?? candidates[0]) : undefined);
    if (chosen === undefined) continue;
    taken.push(chosen.box);
    out += text.run(shown, chosen.x, chosen.y, {
      size,
      fill: label.role === 'route' ? ROUTE_TEXT : INK,
      anchor: chosen.anchor,
      halo: 3,
    });
  }
  return out;
}
