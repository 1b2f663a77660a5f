import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIMessage } from 'discord-api-types/v10';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import type { Person } from '../src/knowledge/schema.ts';
import { mappedDefections, routeMap } from '../src/render/pictures.ts';
import type { MemoryReport } from '../src/transports/gateway/test-hooks.ts';
import {
  buttonPress,
  chatInput,
  type FakeDiscord,
  type InteractionPartial,
} from '../tests/fake-discord/index.ts';
import type { OptionValues } from '../tests/fake-discord/interactions.ts';
import { random } from '../tests/search/synthetic-corpus.ts';
import { launch, memory, shutDown, start } from './launch.ts';
import { loadAverage, medianAndP99, mib, round, tableRow } from './stats.ts';

/**
 * The bot's half of `npm run bench:images`: the built bot (`dist/main.js` with `npm start`'s node
 * flags and environment) on its own fake Discord answers 1,000 interactions whose replies carry a
 * picture, one after another: `/defector` cards with route maps, `/timeline` charts (by person and
 * by years, and Previous / Next presses on them) and `/map`s of spans of years, in English and
 * Korean. The inputs come from the shipped data, seeded, and are many more than the 64 pictures the
 * bot caches, so the cache keeps evicting as it would with many users. Every reply must arrive as a
 * multipart upload with a PNG in it. Memory is read through the `/test-memory` hook (after a GC)
 * before the first picture and after the last; peak RSS from /proc where there is one.
 */

const REPLIES = 1_000;
const TARGET_RSS_MB = 160;
/** Generous: an uncached picture takes about 100 ms, but the machine may be shared. */
const REPLY_TIMEOUT_MS = 30_000;
/**
 * How long the bot idles between two readings of its memory. resvg's native buffers are freed by
 * finalizers that run on the event loop after a GC, so a reading taken straight after the last
 * reply still counts some of what is about to go (10-25 MB of RSS in trials; a second later the
 * figure held steady for the next four). Both readings are printed; the target is judged on the
 * second.
 */
const SETTLE_MS = 1_000;

type Kind = '/defector' | '/timeline' | '/timeline page' | '/map';
const kinds: readonly Kind[] = ['/defector', '/timeline', '/timeline page', '/map'];

export interface BotPictures {
  replies: number;
  distinctPictures: number;
  seconds: number;
  latency: Record<Kind | 'all', { count: number; medianMs: number; p99Ms: number }>;
  before: MemoryReport;
  /** Straight after the last reply, finalizers still pending. */
  afterAtOnce: MemoryReport;
  /** After the last reply and `SETTLE_MS` idle: what the target is judged on. */
  after: MemoryReport;
  /** The high-water mark of the bot's RSS over the whole run (start-up included); Linux only. */
  peakRssMb: number | undefined;
  loadBefore: string;
  loadAfter: string;
  target: { check: string; pass: boolean };
}

/** The bot's peak RSS so far, as the kernel counts it (VmHWM); undefined without /proc. */
function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb === undefined ? undefined : round(Number(kb) / 1024, 1);
  } catch {
    return undefined;
  }
}

/** The message a command's reply created, which a later button press sits on. */
function messageOf(fake: FakeDiscord, interactionId: string): APIMessage {
  for (const message of fake.messages.values()) {
    if (message.interaction_metadata?.id === interactionId) return message;
  }
  throw new Error(`no message from interaction ${interactionId}`);
}

/** The PNG a reply uploaded with its callback; throws, naming the interaction, when there is none. */
function uploadedPng(fake: FakeDiscord, interactionId: string, what: string): Buffer {
  const request = fake.requests.find((r) => r.path.startsWith(`/interactions/${interactionId}/`));
  const png = request?.files.find((file) => file.contentType === 'image/png')?.data;
  if (!request || request.status >= 300 || png === undefined) {
    throw new Error(`${what}: the reply carried no PNG (callback status ${request?.status ?? 'none'})`);
  }
  return png;
}

/**
 * The bot's memory after a GC at once, and after a second GC once it has idled long enough for
 * the finalizers the first one queued to run.
 */
async function settledMemory(fake: FakeDiscord): Promise<{ atOnce: MemoryReport; settled: MemoryReport }> {
  const atOnce = await memory(fake);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { atOnce, settled: await memory(fake) };
}

interface Timeline {
  message: APIMessage;
  locale: string;
}

/**
 * The next interaction, drawn from the data: `previous` is the last timeline shown, whose
 * Previous / Next buttons may be pressed instead of asking for a new one.
 */
function asker(knowledge: Knowledge, seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const upTo = (n: number) => Math.floor(next() * (n + 1));
  const render = { knowledge, lang: 'en' as const };
  const withRoute = knowledge.people.filter((person) => routeMap(render, person, 0) !== undefined);
  const eventYears = (person?: Person) =>
    knowledge.events
      .filter((event) => person === undefined || event.people.includes(person.id))
      .map((event) => Number(event.date.value.slice(0, 4)));
  const withEvents = knowledge.people.filter((person) => eventYears(person).length > 0);
  const defectionYears = mappedDefections(render, {}).map(({ person }) =>
    Number(person.defection.date.value.slice(0, 4)),
  );
  // As a reader types a name: romanised in English, Hangul in Korean where it is known.
  const typed = (person: Person, korean: boolean) => (korean && person.hangul) || person.name;
  // A span of years around one that has something in it, so the picture is never empty.
  const span = (year: number): OptionValues => {
    const shape = next();
    if (shape < 0.15) return { from: year };
    if (shape < 0.3) return { to: year };
    return { from: year - upTo(5), to: year + upTo(15) };
  };

  return (previous: Timeline | undefined): { kind: Kind; partial: InteractionPartial; locale: string } => {
    const locale = next() < 0.5 ? 'ko' : 'en-US';
    const korean = locale === 'ko';
    const roll = next();
    if (roll < 0.35) {
      const person = pick(withRoute);
      return { kind: '/defector', locale, partial: chatInput('defector', { name: typed(person, korean) }) };
    }
    if (roll < 0.75) {
      // The bot draws its buttons in action rows; Previous and Next are the `timeline:` ones.
      const rows = (previous?.message.components ?? []) as { components?: { custom_id?: string }[] }[];
      const pages = rows
        .flatMap((row) => row.components ?? [])
        .flatMap(({ custom_id: id }) => (id?.startsWith('timeline:') ? [id] : []));
      if (previous && pages.length > 0 && next() < 0.4) {
        return {
          kind: '/timeline page',
          locale: previous.locale,
          partial: buttonPress(pick(pages), previous.message),
        };
      }
      const shape = next();
      const person = pick(withEvents);
      const options: OptionValues =
        shape < 0.45
          ? { person: typed(person, korean) }
          : shape < 0.6
            ? // A chosen autocomplete entry submits the id, which no name can make ambiguous.
              { person: person.id, ...span(pick(eventYears(person))) }
            : shape < 0.95
              ? span(pick(eventYears()))
              : {};
      return { kind: '/timeline', locale, partial: chatInput('timeline', options) };
    }
    const options = next() < 0.9 ? span(pick(defectionYears)) : {};
    return { kind: '/map', locale, partial: chatInput('map', options) };
  };
}

export async function botPictureReplies(log: (line: string) => void): Promise<BotPictures> {
  const ask = asker(await loadKnowledge(), 12);
  const loadBefore = loadAverage();
  const bot = await launch(start.entry);
  const { fake } = bot;
  try {
    const before = (await settledMemory(fake)).settled;
    const latencies = new Map<Kind, number[]>(kinds.map((kind) => [kind, []]));
    const pictures = new Set<string>();
    let previous: Timeline | undefined;
    const started = performance.now();
    for (let i = 0; i < REPLIES; i++) {
      const { kind, partial, locale } = ask(previous);
      const dispatched = performance.now();
      const interaction = fake.dispatchInteraction({ ...partial, locale });
      await fake.waitForCallback(interaction.id, REPLY_TIMEOUT_MS);
      latencies.get(kind)?.push(performance.now() - dispatched);
      const what = `reply ${i + 1}, ${kind} ${JSON.stringify(interaction.data)} (${locale})`;
      pictures.add(
        createHash('sha256')
          .update(uploadedPng(fake, interaction.id, what))
          .digest('hex'),
      );
      // The fake keeps every request it served, uploads included: 1,000 PNGs would hold about
      // 100 MB in this process for nothing.
      fake.requests.length = 0;
      if (kind === '/timeline') previous = { message: messageOf(fake, interaction.id), locale };
      else if (kind === '/timeline page' && previous) {
        previous = { ...previous, message: fake.messages.get(previous.message.id) ?? previous.message };
      }
      if ((i + 1) % 250 === 0) {
        log(`bot: ${i + 1} picture replies (${Math.round((performance.now() - started) / 1000)} s so far)`);
      }
    }
    const seconds = round((performance.now() - started) / 1000, 1);
    const { atOnce: afterAtOnce, settled: after } = await settledMemory(fake);
    const summary = (values: readonly number[]) => {
      const { median, p99 } = medianAndP99(values);
      return { count: values.length, medianMs: round(median, 1), p99Ms: round(p99, 1) };
    };
    const latency = {
      ...Object.fromEntries(kinds.map((kind) => [kind, summary(latencies.get(kind) ?? [])])),
      all: summary([...latencies.values()].flat()),
    } as BotPictures['latency'];
    const afterMb = round(mib(after.rss), 1);
    return {
      replies: REPLIES,
      distinctPictures: pictures.size,
      seconds,
      latency,
      before,
      afterAtOnce,
      after,
      peakRssMb: peakRssMb(bot.child.child.pid),
      loadBefore,
      loadAfter: loadAverage(),
      target: {
        check: `bot RSS after ${REPLIES} picture replies <= ${TARGET_RSS_MB} MB (${afterMb} MB)`,
        pass: afterMb <= TARGET_RSS_MB,
      },
    };
  } finally {
    await shutDown(bot);
  }
}

export function botPictureLines(result: BotPictures): string[] {
  const memoryLine = (label: string, m: MemoryReport) =>
    `${label.padEnd(52)} RSS ${round(mib(m.rss), 1)} MB, heap ${round(mib(m.heapUsed), 1)} MB, ` +
    `external ${round(mib(m.external), 1)} MB`;
  const widths = [16, 7, 10, 8];
  return [
    `the bot (${start.entry} as npm start runs it): ${result.replies} picture replies, one at a time, ` +
      `${result.distinctPictures} distinct pictures, in ${result.seconds} s`,
    tableRow(['reply', 'count', 'median ms', 'p99 ms'], widths, 1),
    ...[...kinds, 'all' as const].map((kind) => {
      const { count, medianMs, p99Ms } = result.latency[kind];
      return tableRow([kind, count, medianMs, p99Ms], widths, 1);
    }),
    memoryLine(`bot memory before any picture reply, ${SETTLE_MS / 1000} s idle`, result.before),
    memoryLine('bot memory straight after the last reply', result.afterAtOnce),
    memoryLine(
      `bot memory after ${result.replies} picture replies, ${SETTLE_MS / 1000} s idle`,
      result.after,
    ),
    `bot peak RSS ${result.peakRssMb === undefined ? 'not available (no /proc)' : `${result.peakRssMb} MB`}`,
    `load average ${result.loadBefore} before, ${result.loadAfter} after`,
    '',
    `${result.target.pass ? 'PASS' : 'FAIL'}  ${result.target.check}`,
  ];
}
