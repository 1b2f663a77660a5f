import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Person, TimelineEvent } from '../knowledge/schema.ts';
import { type MapPointInput, type MapRouteInput, renderMap, renderTimelineChart } from '../pictures/index.ts';
import type { RenderContext } from './card.ts';
import { type Lang, local, strings } from './i18n.ts';
import type { PictureSlot } from './message.ts';
import { personShortName } from './names.ts';

/**
 * Records -> the pictures' inputs, in the reader's language. The pictures folder draws; this
 * decides what is drawn and how it is labelled. Each returns a slot whose rendering the core runs
 * (and survives the failure of) when the reply is sent.
 */

const yearOf = (date: string) => Number(date.slice(0, 4));

function span(years: readonly number[]): string {
  if (years.length === 0) return '';
  const from = Math.min(...years);
  const to = Math.max(...years);
  return from === to ? String(from) : `${from}–${to}`;
}

/** The timeline chart of the events a filter selects: one row per person, in order of first event. */
export function timelineChart(
  render: RenderContext,
  events: readonly TimelineEvent[],
  filter: { from?: number; to?: number },
  embed: number,
): PictureSlot {
  const t = strings(render.lang);
  const rows = new Map<string, { label: string; events: { date: string; kind: string }[] }>();
  for (const event of events) {
    const people = event.people.length > 0 ? event.people : [''];
    for (const id of people) {
      const person = render.knowledge.byId.people.get(id);
      const label = person ? personShortName(render.lang, person) : t.unnamedRow;
      const row = rows.get(id) ?? { label, events: [] };
      row.events.push({ date: event.date.value, kind: event.kind });
      rows.set(id, row);
    }
  }
  const years = events.map((event) => yearOf(event.date.value));
  return {
    name: 'timeline.png',
    embed,
    render: () =>
      renderTimelineChart({
        title: '',
        rows: [...rows.values()],
        from: filter.from,
        to: filter.to,
        axisLabel: t.year,
        kindLabels: t.eventKinds,
        moreRows: t.moreRows,
        alt: t.chartAlt(events.length, span(years)),
      }),
  };
}

function point(render: RenderContext, id: string): MapPointInput | undefined {
  const place = render.knowledge.byId.places.get(id);
  if (!place?.coordinates) return undefined;
  return { ...place.coordinates, label: local(render.lang, place.name) };
}

/** Post, stops and destination of a person's defection, where the places have coordinates. */
function route(render: RenderContext, person: Person): MapRouteInput | undefined {
  const { defection } = person;
  if (defection.to === undefined) return undefined;
  const ids = [person.mission?.place ?? defection.from, ...(defection.via ?? []), defection.to];
  const points = ids.map((id) => point(render, id));
  if (points.some((p) => p === undefined)) return undefined;
  return { label: personShortName(render.lang, person), points: points as MapPointInput[] };
}

/** The map of one person's route, for their card; undefined when the route cannot be drawn. */
export function routeMap(render: RenderContext, person: Person, embed: number): PictureSlot | undefined {
  const drawn = route(render, person);
  if (!drawn || drawn.points.length < 2) return undefined;
  const t = strings(render.lang);
  const name = personShortName(render.lang, person);
  return {
    name: 'route.png',
    embed,
    render: () =>
      renderMap({
        title: t.mapRouteTitle(name),
        routes: [drawn],
        legend: t.mapLegend,
        alt: t.mapRouteAlt(name, drawn.points.map((p) => p.label).join(' → ')),
      }),
  };
}

/** Defections (not denied reports) whose year falls in the span and whose route can be drawn. */
export function mappedDefections(
  render: RenderContext,
  filter: { from?: number; to?: number },
): { person: Person; route: MapRouteInput }[] {
  return render.knowledge.people.flatMap((person) => {
    const year = yearOf(person.defection.date.value);
    if (person.confidence === 'denied') return [];
    if ((filter.from !== undefined && year < filter.from) || (filter.to !== undefined && year > filter.to)) {
      return [];
    }
    const drawn = route(render, person);
    return drawn ? [{ person, route: drawn }] : [];
  });
}

/** The world map of many defections, post to destination. */
export function defectionsMap(
  render: RenderContext,
  mapped: readonly { person: Person; route: MapRouteInput }[],
  embed: number,
): PictureSlot {
  const t = strings(render.lang);
  const years = mapped.map(({ person }) => yearOf(person.defection.date.value));
  return {
    name: 'map.png',
    embed,
    render: () =>
      renderMap({
        title: t.mapTitle,
        routes: mapped.map(({ route: drawn }) => drawn),
        legend: t.mapLegend,
        alt: t.mapAlt(mapped.length, span(years)),
      }),
  };
}

/**
 * Every text the pictures above draw, in both languages, for `preparePictures`: names, places and
 * labels (the pictures add their own digits). A text missing here still draws, only slower the
 * first time; tests/pictures/prepared.test.ts checks that none is.
 */
export function pictureTexts(knowledge: Knowledge): string[] {
  const langs: readonly Lang[] = ['en', 'ko'];
  return langs.flatMap((lang) => {
    const t = strings(lang);
    const names = knowledge.people.map((person) => personShortName(lang, person));
    return [
      ...names,
      ...names.map((name) => t.mapRouteTitle(name)),
      ...[...knowledge.byId.places.values()].map((place) => local(lang, place.name)),
      ...Object.values(t.eventKinds),
      t.year,
      t.unnamedRow,
      t.moreRows,
      t.mapTitle,
      ...Object.values(t.mapLegend),
    ];
  });
}
