/**
 * Message-command benchmark: how long finding what a 4,000-character message mentions takes on the
 * shipped data (the scan alone, `search.mentions`), and the whole reply (`respond` on the message
 * command's interaction: scan, list and buttons). Messages are wire copy and chat in English,
 * Korean and both, each 4,000 characters, made of sentences naming people, motives, responses and
 * events among everyday text and the traps (Kim, Jang, Rome, state media) that must not count;
 * 200 different messages of each kind, so no run repeats the one before it. Wall-clock times and
 * CPU times are both printed: on a shared machine other processes stretch the first.
 * `npm run bench:message` prints a table; `-- --json` prints only a JSON document.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { APIInteraction } from 'discord-api-types/v10';
import { messageCommandInteraction } from '../src/cli/command-line.ts';
import { respond } from '../src/interactions/respond.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createKnowledgeSearch } from '../src/search/index.ts';
import { createMentionFinder } from '../src/search/mentions.ts';
import { version } from '../src/version.ts';
import { random } from '../tests/search/synthetic-corpus.ts';
import { medianAndP99, round } from './stats.ts';

const MESSAGE_CHARS = 4_000;
const MESSAGES = 200;
const WARM_UP = 1_000;
const RUNS = Number(process.env.RUNS ?? 10_000);
const TARGET_P99_MS = 2;

const json = process.argv.includes('--json');
const log = (line: string): void => {
  (json ? process.stderr : process.stdout).write(`${line}\n`);
};

/** `{name}` is a person's name or alias, romanised or in Hangul as the sentence's language wants. */
const english = [
  'SEOUL (Reuters) - {name}, a former North Korean diplomat, told reporters on Tuesday that the elite were increasingly disillusioned.',
  "{name}'s account of the Arduous March was read out at the hearing, officials said.",
  'Kim, a ministry spokesman, said Jang and Ri had met in Rome, but gave no details about the meeting.',
  'North Korean state media did not comment, and party officials in Pyongyang could not be reached.',
  'lol did u see {name} on tv last night?? he talked about the reign of terror and his kids',
  'The United States and China declined to comment on the report, which cited security officials at the border.',
  'Analysts said the missile talks had stalled long before the latest defection became public.',
  'Hwang Jang-yop dies, the agency reported in a one-line bulletin that evening.',
  'He said he longed for liberal democracy and feared for the future of his children.',
  'ok but who is {name} again? the one from the embassy or the trade office? no idea tbh',
  'A source said the mutual surveillance among staff abroad had become stricter after the assassination.',
  'Weather in Seoul was mild, with light rain expected in the afternoon and clear skies by Thursday.',
];
const korean = [
  '[서울=연합뉴스] {name} 전 공사는 17일 기자회견에서 "김정은 체제에 대한 환멸이 커지고 있다"고 말했다.',
  '{name}가 또 방송에 나왔다 ㅋㅋ 고난의 행군 얘기를 하는데 좀 슬펐음',
  '김 대사와 이 공사, 한 참사관이 로마에서 만났다고 정부 관계자가 전했다.',
  '북중 국경에서 감시가 강화됐다는 소식이 전해졌으며 당 간부 교육도 늘었다.',
  '태 전 공사는 자녀 교육과 미래를 이유로 망명을 결심했다고 밝혔다.',
  '{name}에게 물었더니 상호 감시가 일상이었다고 답했다.',
  '오늘 서울은 대체로 맑고 오후 한때 비가 오겠습니다.',
  '이 강은 한강으로 흘러든다. 이강인이 골을 넣었고 김강산은 학생이다.',
  '공포정치에 지쳐 떠났다는 {name}의 말에 모두 고개를 끄덕였다.',
  '정부는 {name}의 입국 사실을 확인해 줄 수 없다고 밝혔다.',
];

function names(hangul: boolean): string[] {
  return hangul
    ? knowledgeNames.filter((name) => /[\uac00-\ud7a3]/.test(name))
    : knowledgeNames.filter((name) => !/[\uac00-\ud7a3]/.test(name));
}

const knowledge = await loadKnowledge();
const knowledgeNames = knowledge.people.flatMap((person) => [
  person.name,
  ...person.aliases,
  ...(person.hangul ? [person.hangul] : []),
]);

/** A message of `MESSAGE_CHARS` characters: random sentences, cut at the last space before the limit. */
function message(rand: () => number, sentences: readonly string[][]): string {
  const parts: string[] = [];
  let length = 0;
  while (length < MESSAGE_CHARS + 200) {
    const pool = sentences[Math.floor(rand() * sentences.length)] ?? [];
    const template = pool[Math.floor(rand() * pool.length)] ?? '';
    const list = names(pool === korean);
    const sentence = template.replace('{name}', () => list[Math.floor(rand() * list.length)] ?? '');
    parts.push(sentence);
    length += sentence.length + 1;
  }
  const text = parts.join(rand() < 0.5 ? ' ' : '\n');
  return text.slice(0, text.lastIndexOf(' ', MESSAGE_CHARS));
}

/** CPU time is read over this many calls at a time (process.cpuUsage counts microseconds). */
const CPU_BATCH = 10;

/**
 * Wall-clock time per call (median, p99, max), and CPU time per call in batches of `CPU_BATCH`
 * (median, p99): on a shared machine the wall clock also counts the time other processes held
 * the CPU, the CPU time only the work done.
 */
function time(run: (i: number) => unknown) {
  for (let i = 0; i < WARM_UP; i++) run(i);
  const wall: number[] = new Array(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run(i);
    wall[i] = performance.now() - start;
  }
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += CPU_BATCH) {
    const start = process.cpuUsage();
    for (let j = i; j < i + CPU_BATCH; j++) run(j);
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000 / CPU_BATCH);
  }
  const cpuTimes = medianAndP99(cpu);
  return {
    ...medianAndP99(wall),
    max: Math.max(...wall),
    cpuMedian: cpuTimes.median,
    cpuP99: cpuTimes.p99,
  };
}

async function main(): Promise<void> {
  let start = performance.now();
  const search = createKnowledgeSearch(knowledge);
  // Indexes are built lazily; prepare() builds them all, as start-up does once the bot is ready.
  search.prepare();
  const searchBuildMs = performance.now() - start;
  start = performance.now();
  createMentionFinder(knowledge);
  const finderBuildMs = performance.now() - start;
  const ctx = { knowledge, search, version };
  const rand = random(20261130);

  const kinds: [string, string[][], string][] = [
    ['English', [english], 'en-US'],
    ['Korean', [korean], 'ko'],
    ['mixed', [english, korean], 'en-US'],
  ];
  const results = [];
  for (const [kind, sentences, locale] of kinds) {
    const messages = Array.from({ length: MESSAGES }, () => message(rand, sentences));
    const interactions: APIInteraction[] = messages.map((content) =>
      messageCommandInteraction({ content }, locale),
    );
    const found = messages.map((text) => search.mentions(text).length);
    const scan = time((i) => search.mentions(messages[i % MESSAGES] ?? ''));
    const reply = time((i) =>
      respond(interactions[i % MESSAGES] as APIInteraction, ctx, (error) => {
        throw error;
      }),
    );
    const chars = messages.reduce((sum, text) => sum + text.length, 0) / MESSAGES;
    results.push({
      kind,
      chars: Math.round(chars),
      mentions: round(found.reduce((a, b) => a + b, 0) / MESSAGES, 1),
      scanMedianMs: round(scan.median, 3),
      scanP99Ms: round(scan.p99, 3),
      scanMaxMs: round(scan.max, 3),
      scanCpuMedianMs: round(scan.cpuMedian, 3),
      scanCpuP99Ms: round(scan.cpuP99, 3),
      replyMedianMs: round(reply.median, 3),
      replyP99Ms: round(reply.p99, 3),
    });
    log(`${kind} done`);
  }

  const wallMet = results.every((result) => result.scanP99Ms <= TARGET_P99_MS);
  const cpuMet = results.every((result) => result.scanCpuP99Ms <= TARGET_P99_MS);
  const load = loadavg().map((value) => value.toFixed(1));
  if (json) {
    const summary = {
      runs: RUNS,
      loadAverage: load.map(Number),
      cpus: availableParallelism(),
      searchBuildMs: round(searchBuildMs, 1),
      finderBuildMs: round(finderBuildMs, 1),
      targetP99Ms: TARGET_P99_MS,
      wallMet,
      cpuMet,
      results,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  log('');
  log(`${RUNS} runs per row after ${WARM_UP} to warm up, over ${MESSAGES} different messages per row`);
  log(
    `load average ${load.join(' ')} on ${availableParallelism()} CPUs (a shared machine stretches the wall clock)`,
  );
  log(
    `build: search indexes ${round(searchBuildMs, 1)} ms (mention finder included), mention finder alone ${round(finderBuildMs, 1)} ms`,
  );
  log('');
  log('               ---------- scan (wall clock) ----------   -- scan (CPU) --   ---- reply ----');
  log('message  chars  mentions   median      p99      max        median     p99    median     p99   (ms)');
  const widths = [8, 5, 9, 8, 8, 8, 13, 7, 9, 7];
  for (const r of results) {
    const cells = [r.kind, r.chars, r.mentions, r.scanMedianMs, r.scanP99Ms, r.scanMaxMs];
    cells.push(r.scanCpuMedianMs, r.scanCpuP99Ms, r.replyMedianMs, r.replyP99Ms);
    log(cells.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](widths[i] ?? 0)).join(' '));
  }
  log('');
  log(
    `target: scan p99 <= ${TARGET_P99_MS} ms: ${wallMet ? 'met' : 'missed'} on the wall clock, ${cpuMet ? 'met' : 'missed'} in CPU time`,
  );
}

await main();
