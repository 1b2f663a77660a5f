import { romanize } from 'es-hangul';
import { initialsOf } from '../../src/search/documents.ts';
import type { EngineDoc } from '../../src/search/engine.ts';

/**
 * Generated people for the benchmark and the scale tests: romanised and Hangul names built from
 * real syllables (so they collide the way real names do), romanisation variants as aliases,
 * posts, mission countries and summaries. Deterministic for a given seed.
 */

const surnames = [
  ...'김리박최정강조윤장임한오서신권황안송류전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국은편용',
];
const givenSyllables = [
  ...'영호성길일철수봉현우승규남혁진광명학준민석정환식국동용범순경희숙옥향미혜은주선해문창덕만상원기태윤종무훈재근세형',
];
const posts = [
  'Third secretary',
  'Second secretary',
  'First secretary',
  'Counsellor',
  'Political counsellor',
  'Trade counsellor',
  'Deputy ambassador',
  'Ambassador',
  'Consul general',
  'Military attaché',
  'Trade representative',
];
const countries: readonly { name: string; aliases: string[] }[] = [
  { name: 'Russia', aliases: ['Russian Federation'] },
  { name: 'China', aliases: ['PRC'] },
  { name: 'Germany', aliases: ['Deutschland'] },
  { name: 'Sweden', aliases: [] },
  { name: 'Denmark', aliases: [] },
  { name: 'Vietnam', aliases: ['Viet Nam'] },
  { name: 'Laos', aliases: [] },
  { name: 'Mongolia', aliases: [] },
  { name: 'Indonesia', aliases: [] },
  { name: 'Malaysia', aliases: [] },
  { name: 'Ethiopia', aliases: [] },
  { name: 'Nigeria', aliases: [] },
  { name: 'Brazil', aliases: [] },
  { name: 'Peru', aliases: [] },
  { name: 'Austria', aliases: [] },
  { name: 'Poland', aliases: [] },
  { name: 'Syria', aliases: [] },
  { name: 'Iran', aliases: [] },
  { name: 'Pakistan', aliases: [] },
  { name: 'India', aliases: [] },
  { name: 'Switzerland', aliases: ['Swiss Confederation'] },
  { name: 'Thailand', aliases: ['Siam'] },
];
const summaryWords = [
  'served',
  'posted',
  'abroad',
  'years',
  'with',
  'family',
  'later',
  'reported',
  'missing',
  'embassy',
  'mission',
  'trade',
  'office',
  'recalled',
  'Pyongyang',
  'left',
  'post',
  'wife',
  'children',
  'asylum',
  'third',
  'country',
  'intelligence',
  'service',
  'confirmed',
  'worked',
  'foreign',
  'ministry',
  'before',
  'after',
  'arrived',
  'Seoul',
  'quietly',
];

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Another common way of spelling a romanised syllable, or the syllable itself. */
function variant(next: () => number, syllable: string): string {
  const swaps: [RegExp, string][] = [
    [/eo/, 'o'],
    [/eu/, 'u'],
    [/^g/, 'k'],
    [/^j/, 'ch'],
    [/^d/, 't'],
    [/^b/, 'p'],
    [/^r/, 'l'],
    [/yeo/, 'yo'],
    [/u/, 'oo'],
  ];
  const applicable = swaps.filter(([pattern]) => pattern.test(syllable));
  if (applicable.length === 0 || next() < 0.3) return syllable;
  const [pattern, replacement] = pick(next, applicable);
  return syllable.replace(pattern, replacement);
}

export interface SyntheticPerson {
  id: string;
  name: string;
  hangul: string | null;
}

/** `n` generated people as engine documents, lesser-known (prominence 1-50) than the shipped ones. */
export function syntheticPeople(n: number, seed = 1): { docs: EngineDoc[]; people: SyntheticPerson[] } {
  const next = random(seed);
  const docs: EngineDoc[] = [];
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < n; i++) {
    const hangulParts = [pick(next, surnames), pick(next, givenSyllables), pick(next, givenSyllables)];
    const roman = hangulParts.map((syllable) => romanize(syllable));
    const name = `${capitalise(roman[0] ?? '')} ${capitalise(roman[1] ?? '')}-${roman[2] ?? ''}`;
    const alt = roman.map((syllable) => variant(next, syllable));
    const alias = `${capitalise(alt[0] ?? '')} ${capitalise(alt[1] ?? '')} ${capitalise(alt[2] ?? '')}`;
    const hangul = hangulParts.join('');
    const country = pick(next, countries);
    const post = `${pick(next, posts)} in ${country.name}`;
    const summary = Array.from({ length: 12 }, () => pick(next, summaryWords)).join(' ');
    const id = `synthetic-${i}`;
    people.push({ id, name, hangul });
    docs.push({
      id,
      prominence: 1 + Math.floor(next() * 50),
      fields: {
        name: [name],
        aliases: alias.toLowerCase() === name.replace('-', ' ').toLowerCase() ? [] : [alias],
        hangul: [hangul],
        initials: initialsOf([hangul]),
        place: [country.name, ...country.aliases],
        city: [],
        post: [post],
        summary: [`${summary}.`],
      },
    });
  }
  return { docs, people };
}
