/**
 * `npm run bench:images`, in two parts.
 *
 * The picture renderers (src/pictures) on realistic inputs, English and Korean: the first render
 * (font and world map loaded), uncached renders (50 distinct inputs per picture, median and p99),
 * cached renders (1,000, median and p99), PNG sizes, and memory after 1,000 uncached renders that
 * keep churning the 64-entry cache. It runs itself again in a child process with `npm start`'s node
 * flags and environment, so memory is what the bot would use (plus tsx, which the baseline line
 * shows).
 *
 * Then the bot itself (bench/images-bot.ts): the built bot on a fake Discord, its RSS before and
 * after 1,000 replies that carry pictures, and their latency. `-- --json` prints only one JSON
 * document, the bot's numbers under `bot`.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MapInput, Picture, TimelineChartInput } from '../src/pictures/index.ts';
import { npmScriptCommand } from '../tests/npm-script.ts';
import { loadAverage, medianAndP99, mib, round, tableRow } from './stats.ts';

const CHILD = '--child';
const UNCACHED = 50;
const CACHED = 1_000;
const WARM_UP = 5;
const CHURN = 1_000;
const TARGET_UNCACHED_P99_MS = 250;
const TARGET_CACHED_P99_MS = 1;

const json = process.argv.includes('--json');
const log = (line: string): void => {
  (json ? process.stderr : process.stdout).write(`${line}\n`);
};

if (!process.argv.includes(CHILD)) {
  const start = npmScriptCommand('start');
  const child = spawnSync(
    process.execPath,
    [
      ...start.nodeFlags,
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      CHILD,
      ...process.argv.slice(2),
    ],
    { env: { ...process.env, ...start.env }, stdio: ['inherit', json ? 'pipe' : 'inherit', 'inherit'] },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
  // Imported only here: the child measures its own memory, which the fake Discord would add to.
  const { botPictureLines, botPictureReplies } = await import('./images-bot.ts');
  log('');
  const bot = await botPictureReplies(log);
  if (json) {
    const renderers = JSON.parse(child.stdout.toString()) as Record<string, unknown>;
    process.stdout.write(`${JSON.stringify({ ...renderers, bot }, null, 2)}\n`);
  } else {
    for (const line of botPictureLines(bot)) log(line);
  }
  process.exit(0);
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => round(mib(bytes), 1);
const ms = (value: number) => round(value, 2);

/**
 * resvg's native buffers (about 2 MB a render) are freed by finalizers that run on the event loop
 * after a GC, so a loop that never yields keeps every one of them (3.7 GB after 1,000 renders).
 * The bot answers each interaction in its own turn of the event loop; the benchmark does the same.
 */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function memory() {
  gc();
  await nextTurn();
  gc();
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

// Taken before the renderers are even imported: what the process costs without pictures.
const baseline = await memory();
const { clearPictureCache, renderMap, renderTimelineChart } = await import('../src/pictures/index.ts');

// Inputs shaped like the bot's: romanised and Hangul names, partial dates, real places.
const surnames = ['Kim', 'Ri', 'Pak', 'Choe', 'Jong', 'Kang', 'Jo', 'Yun', 'Jang', 'Han', 'Thae', 'Hyon'];
const hangulSurnames = ['김', '리', '박', '최', '정', '강', '조', '윤', '장', '한', '태', '현'];
const given = ['Yong-ho', 'Song-gil', 'Il-gyu', 'Hyun-woo', 'Sung-gil', 'Chol', 'Myong-il', 'Kwang-jin'];
const hangulGiven = ['영호', '성길', '일규', '현우', '승길', '철', '명일', '광진'];
const kinds = ['post', 'defection', 'arrival', 'response'];

function timeline(korean: boolean, variant: number): TimelineChartInput {
  const rows = Array.from({ length: 32 }, (_, i) => {
    const name = korean
      ? `${hangulSurnames[i % 12]}${hangulGiven[(i * 5 + variant) % 8]}`
      : `${surnames[i % 12]} ${given[(i * 5 + variant) % 8]}`;
    const year = 1990 + ((i * 7 + variant) % 34);
    return {
      label: name,
      events: [
        { date: String(year - 3), kind: 'post' },
        { date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}`, kind: kinds[1 + (i % 3)] ?? 'defection' },
        { date: `${Math.min(year + 1, 2024)}-0${1 + (i % 9)}-1${i % 9}`, kind: 'arrival' },
      ],
    };
  });
  return korean
    ? {
        title: `외교관 망명 연표 ${variant}`,
        rows,
        axisLabel: '연도',
        kindLabels: { post: '부임', defection: '망명', arrival: '한국 도착', response: '북한의 대응' },
        moreRows: '외 {n}명',
        alt: `외교관 ${rows.length}명의 망명 연표.`,
      }
    : {
        title: `Diplomats who defected ${variant}`,
        rows,
        axisLabel: 'Year',
        kindLabels: {
          post: 'Posted',
          defection: 'Defected',
          arrival: 'Arrived in Seoul',
          response: 'Regime response',
        },
        moreRows: '+{n} more',
        alt: `Timeline of ${rows.length} defections.`,
      };
}

const places = {
  london: { lat: 51.5074, lon: -0.1278, en: 'London', ko: '런던' },
  rome: { lat: 41.9028, lon: 12.4964, en: 'Rome', ko: '로마' },
  kuwait: { lat: 29.3759, lon: 47.9774, en: 'Kuwait City', ko: '쿠웨이트시티' },
  cairo: { lat: 30.0444, lon: 31.2357, en: 'Cairo', ko: '카이로' },
  bangkok: { lat: 13.7563, lon: 100.5018, en: 'Bangkok', ko: '방콕' },
  beijing: { lat: 39.9042, lon: 116.4074, en: 'Beijing', ko: '베이징' },
  moscow: { lat: 55.7558, lon: 37.6173, en: 'Moscow', ko: '모스크바' },
  congo: { lat: -4.2634, lon: 15.2429, en: 'Brazzaville', ko: '브라자빌' },
  seoul: { lat: 37.5665, lon: 126.978, en: 'Seoul', ko: '서울' },
  washington: { lat: 38.9072, lon: -77.0369, en: 'Washington', ko: '워싱턴' },
};
type Place = keyof typeof places;
const point = (place: Place, korean: boolean) => {
  const p = places[place];
  return { lat: p.lat, lon: p.lon, label: korean ? p.ko : p.en };
};

function oneRoute(korean: boolean, variant: number): MapInput {
  return {
    title: korean ? `조성길: 로마에서 서울로 ${variant}` : `Jo Song-gil: Rome to Seoul ${variant}`,
    routes: [
      {
        label: korean ? '조성길' : 'Jo Song-gil',
        points: [point('rome', korean), point('london', korean), point('seoul', korean)],
      },
    ],
    legend: korean
      ? { post: '근무지', destination: '도착지', route: '경로' }
      : { post: 'Post', destination: 'Destination', route: 'Route' },
    alt: korean ? '로마에서 서울까지의 경로.' : 'Route from Rome to Seoul.',
  };
}

function manyRoutes(korean: boolean, variant: number): MapInput {
  const trips: [Place, Place][] = [
    ['london', 'seoul'],
    ['rome', 'seoul'],
    ['kuwait', 'seoul'],
    ['cairo', 'washington'],
    ['bangkok', 'seoul'],
    ['beijing', 'seoul'],
    ['moscow', 'seoul'],
    ['congo', 'seoul'],
  ];
  return {
    title: korean ? `망명 경로 ${variant}` : `Defection routes ${variant}`,
    routes: trips.map(([from, to], i) => ({
      label: korean
        ? `${hangulSurnames[i]}${hangulGiven[(i + variant) % 8]}`
        : `${surnames[i]} ${given[(i + variant) % 8]}`,
      points: [point(from, korean), point(to, korean)],
    })),
    legend: korean
      ? { post: '근무지', destination: '도착지', route: '경로' }
      : { post: 'Post', destination: 'Destination', route: 'Route' },
    alt: korean ? '여덟 명의 망명 경로.' : 'Routes of eight defections.',
  };
}

interface Case {
  name: string;
  render: (variant: number) => Picture;
}

const cases: Case[] = [
  { name: 'timeline en (25 of 32 rows)', render: (v) => renderTimelineChart(timeline(false, v)) },
  { name: 'timeline ko (25 of 32 rows)', render: (v) => renderTimelineChart(timeline(true, v)) },
  { name: 'map en, one route', render: (v) => renderMap(oneRoute(false, v)) },
  { name: 'map ko, one route', render: (v) => renderMap(oneRoute(true, v)) },
  { name: 'map en, 8 routes', render: (v) => renderMap(manyRoutes(false, v)) },
  { name: 'map ko, 8 routes', render: (v) => renderMap(manyRoutes(true, v)) },
];

/** This process's CPU time in milliseconds (all its threads, so GC helpers count too). */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

interface Timing {
  median: number;
  p99: number;
  /** CPU time, which other processes on a shared machine inflate far less than wall time. */
  cpuMedian: number;
  cpuP99: number;
}

async function timed(count: number, run: (i: number) => unknown): Promise<Timing> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const cpuStarted = cpuMs();
    const started = performance.now();
    run(i);
    times.push(performance.now() - started);
    cpu.push(cpuMs() - cpuStarted);
    await nextTurn();
  }
  const wall = medianAndP99(times);
  const onCpu = medianAndP99(cpu);
  return {
    median: ms(wall.median),
    p99: ms(wall.p99),
    cpuMedian: ms(onCpu.median),
    cpuP99: ms(onCpu.p99),
  };
}

const benchStarted = performance.now();
const loadBefore = loadAverage();
log(
  `bench:images, node ${process.version}, ${UNCACHED} uncached and ${CACHED} cached renders per picture; ` +
    `${availableParallelism()} CPUs, load average ${loadBefore}`,
);

// The very first render pays for loading the font (6 MB), the world map and the libraries.
let started = performance.now();
cases[0]?.render(-1);
const firstRenderMs = ms(performance.now() - started);
const afterFirst = await memory();

interface Result {
  name: string;
  width: number;
  height: number;
  pngKb: number;
  uncachedMedianMs: number;
  uncachedP99Ms: number;
  uncachedCpuMedianMs: number;
  uncachedCpuP99Ms: number;
  cachedMedianMs: number;
  cachedP99Ms: number;
}

const results: Result[] = [];
// Variants 0..: distinct inputs (titles and names), so each render is a cache miss.
let variant = 0;
for (const c of cases) {
  for (let i = 0; i < WARM_UP; i++) c.render(variant++);
  const uncached = await timed(UNCACHED, () => c.render(variant++));
  const picture = c.render(variant);
  const cached = await timed(CACHED, () => c.render(variant));
  variant++;
  results.push({
    name: c.name,
    width: picture.width,
    height: picture.height,
    pngKb: round(picture.png.length / 1024, 1),
    uncachedMedianMs: uncached.median,
    uncachedP99Ms: uncached.p99,
    uncachedCpuMedianMs: uncached.cpuMedian,
    uncachedCpuP99Ms: uncached.cpuP99,
    cachedMedianMs: cached.median,
    cachedP99Ms: cached.p99,
  });
  log(`${c.name} done (${Math.round((performance.now() - benchStarted) / 1000)} s so far)`);
}

// Memory after many renders: every picture new, so the cache keeps evicting and filling.
clearPictureCache();
started = performance.now();
for (let i = 0; i < CHURN; i++) {
  cases[i % cases.length]?.render(10_000 + i);
  await nextTurn();
}
const churnSeconds = Math.round((performance.now() - started) / 100) / 10;
const afterChurn = await memory();
const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);

// Judged on wall time, as a user waits it; CPU time beside it tells a slow renderer from a busy machine.
const targets = results.flatMap((r) => [
  {
    check: `${r.name}: uncached p99 <= ${TARGET_UNCACHED_P99_MS} ms (${r.uncachedP99Ms} ms; CPU ${r.uncachedCpuP99Ms} ms)`,
    pass: r.uncachedP99Ms <= TARGET_UNCACHED_P99_MS,
  },
  {
    check: `${r.name}: cached p99 <= ${TARGET_CACHED_P99_MS} ms (${r.cachedP99Ms} ms)`,
    pass: r.cachedP99Ms <= TARGET_CACHED_P99_MS,
  },
]);

if (json) {
  process.stdout.write(
    `${JSON.stringify({ node: process.version, loadBefore, loadAfter: loadAverage(), firstRenderMs, baseline, afterFirst, afterChurn, churn: CHURN, churnSeconds, peakRssMb, results, targets }, null, 2)}\n`,
  );
} else {
  log('');
  log('                                                  ---- uncached (ms) ----------  -- cached (ms) --');
  log('picture                          size      PNG KB  median     p99  cpu med cpu p99  median     p99');
  for (const r of results) {
    log(
      tableRow(
        [
          r.name,
          `${r.width}x${r.height}`,
          r.pngKb,
          r.uncachedMedianMs,
          r.uncachedP99Ms,
          r.uncachedCpuMedianMs,
          r.uncachedCpuP99Ms,
          r.cachedMedianMs,
          r.cachedP99Ms,
        ],
        [32, 9, 7, 7, 7, 8, 7, 7, 7],
        2,
      ),
    );
  }
  log('');
  log(`first render (font, world map, libraries loaded): ${firstRenderMs} ms`);
  const line = (label: string, m: Awaited<ReturnType<typeof memory>>) =>
    log(`${label.padEnd(40)} RSS ${m.rssMb} MB, heap ${m.heapMb} MB, external ${m.externalMb} MB`);
  line('memory before any picture (tsx included)', baseline);
  line('memory after the first render', afterFirst);
  line(`memory after ${CHURN} more renders (${churnSeconds} s)`, afterChurn);
  log(`peak RSS ${peakRssMb} MB`);
  log(
    `load average ${loadBefore} before, ${loadAverage()} after: on a busy machine wall times grow, CPU times less`,
  );
  log('');
  for (const t of targets) log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.check}`);
}
