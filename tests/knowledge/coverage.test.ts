import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { LocalText } from '../../src/knowledge/schema.ts';

/**
 * What the KBS transcript (seed/000_1c404a581dc00697.txt) says, written down by hand from a
 * reading of it, checked against the shipped data. A fact the programme states must be findable,
 * and where other sources disagree both claims must be kept, each with its own sources.
 */

const transcriptEn = 'kbs-2020-10-29-defections-en';
const transcriptKo = 'kbs-2020-10-29-defections-ko';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

/** Every `value` string under a record: facts, their differing claims, milestones, evidence. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, child]) =>
    key === 'value' && typeof child === 'string'
      ? [child]
      : key === 'value' && typeof child === 'object' && child !== null && 'en' in child
        ? [String(child.en), String((child as LocalText).ko)]
        : texts(child),
  );
}

/** Every `sources` id under a record. */
function sourcesOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(sourcesOf);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, child]) =>
    key === 'sources' && Array.isArray(child) ? child.map(String) : sourcesOf(child),
  );
}

interface Claim {
  value: string | LocalText;
  sources: readonly string[];
  note?: LocalText;
}

/** A claim's English (dates are plain strings): what the transcript's English is checked against. */
const en = (value: string | LocalText | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : value.en;
interface Disputed extends Claim {
  differs?: readonly Claim[];
}

/** Facts that carry `differs`, wherever they sit. */
function disputes(node: unknown): Disputed[] {
  if (Array.isArray(node)) return node.flatMap(disputes);
  if (typeof node !== 'object' || node === null) return [];
  const own = 'differs' in node && Array.isArray(node.differs) ? [node as Disputed] : [];
  return [...own, ...Object.values(node).flatMap(disputes)];
}

function person(id: string) {
  const found = knowledge.byId.people.get(id);
  if (found === undefined) throw new Error(`no person ${id}`);
  return found;
}

function allClaims(fact: Disputed): Claim[] {
  return [fact, ...(fact.differs ?? [])];
}

describe('people in the transcript', () => {
  const people = [
    { id: 'jo-song-gil', hangul: '조성길', post: /acting ambassador/i, mission: 'italy', year: '2018' },
    {
      id: 'thae-yong-ho',
      hangul: '태영호',
      post: /deputy ambassador/i,
      mission: 'united-kingdom',
      year: '2016',
    },
    { id: 'ko-young-hwan', hangul: '고영환', post: /first secretary/i, mission: 'congo', year: '1991' },
    { id: 'hyon-song-il', hangul: '현성일', post: /third secretary/i, mission: 'zambia', year: '1996' },
    { id: 'choi-soo-bong', hangul: '최수봉', post: /wife/i, mission: 'zambia', year: '1996' },
    { id: 'jang-sung-gil', hangul: '장승길', post: /ambassador to egypt/i, mission: 'egypt', year: '1997' },
    { id: 'jang-sung-ho', hangul: '장승호', post: /trade/i, mission: 'france', year: '1997' },
  ];

  it.each(people)('$id: post, mission, defection year, Hangul, transcript source', (expected) => {
    const p = person(expected.id);
    expect(p.inTranscript).toBe(true);
    expect(p.hangul).toBe(expected.hangul);
    expect(allClaims(p.post).some((claim) => expected.post.test(en(claim.value)))).toBe(true);
    expect(p.mission?.place).toBe(expected.mission);
    expect(p.defection.from).toBe(expected.mission);
    expect(allClaims(p.defection.date).some((claim) => en(claim.value).startsWith(expected.year))).toBe(true);
    expect(sourcesOf(p)).toContain(transcriptEn);
  });

  it('marks exactly these seven as transcript people', () => {
    const marked = knowledge.people.filter((p) => p.inTranscript).map((p) => p.id);
    expect(marked.sort()).toEqual(people.map((p) => p.id).sort());
  });

  it.each([
    ['thae-yong-ho', ['Tae Yong-ho', 'Thae Yong Ho', 'Thae Ku-min', '태구민']],
    ['jo-song-gil', ['Cho Song-gil', 'Jo Song Gil']],
    ['ko-young-hwan', ['Ko Yong-hwan']],
    ['hyon-song-il', ['Hyun Song-il']],
    ['choi-soo-bong', ['Choi Su-bong']],
    ['jang-sung-gil', ['Chang Sung-gil', 'Jang Seung-gil']],
  ])('%s can be found under the spellings people type', (id, aliases) => {
    expect(person(id).aliases).toEqual(expect.arrayContaining(aliases));
  });

  it('the defectors who left where they were posted say where they went', () => {
    expect(person('jang-sung-gil').defection.to).toBe('united-states');
    expect(person('jang-sung-ho').defection.to).toBe('united-states');
    for (const id of ['jo-song-gil', 'thae-yong-ho', 'ko-young-hwan', 'hyon-song-il', 'choi-soo-bong']) {
      expect(person(id).defection.to).toBe('south-korea');
    }
    expect(person('thae-yong-ho').earlierPosts?.flatMap(texts).join(' ')).toMatch(/Denmark.*Sweden/);
  });

  it('keeps the relations the transcript names, both ways', () => {
    const relation = (from: string, to: string) =>
      person(from).relatives?.find((r) => r.person === to)?.relation.en;
    expect(relation('hyon-song-il', 'choi-soo-bong')).toBe('wife');
    expect(relation('choi-soo-bong', 'hyon-song-il')).toBe('husband');
    expect(relation('jang-sung-gil', 'jang-sung-ho')).toBe('older brother');
    expect(relation('jang-sung-ho', 'jang-sung-gil')).toBe('younger brother');
  });

  it('records what came after, as the transcript tells it', () => {
    const aftermath = (id: string) => texts(person(id).aftermath).join(' ');
    expect(aftermath('ko-young-hwan')).toMatch(/Institute for National Security Strategy/);
    expect(aftermath('ko-young-hwan')).toMatch(/TV/);
    expect(aftermath('thae-yong-ho')).toMatch(/58\.4%/);
    expect(aftermath('jang-sung-gil')).toMatch(/20 years/);
    expect(aftermath('jo-song-gil')).toMatch(/no official response/i);
    expect(texts(person('hyon-song-il').summary).join(' ')).toMatch(/father was a senior party official/);
    expect(texts(person('jang-sung-gil').defection.milestones).join(' ')).toMatch(
      /fake names.*travel certificates/,
    );
  });

  it('ranks the best known first and tells the two Jang brothers apart', () => {
    const byProminence = [...knowledge.people].sort((a, b) => b.prominence - a.prominence);
    expect(byProminence[0]?.id).toBe('thae-yong-ho');
    expect(person('jang-sung-gil').prominence).toBeGreaterThan(person('jang-sung-ho').prominence);
  });
});

describe('motives the transcript gives', () => {
  const motives = [
    { id: 'disillusionment-with-regime', phrases: [/disillusioned/], keywords: ['regime'] },
    { id: 'longing-for-democracy', phrases: [/liberal democratic/], keywords: ['democracy', 'freedom'] },
    {
      id: 'outside-exposure',
      phrases: [/South Korean TV/, /market economy/],
      keywords: ['tv', 'drama', 'movies'],
    },
    { id: 'reign-of-terror', phrases: [/reign of terror/], keywords: ['terror', 'oppression'] },
    {
      id: 'childrens-future',
      phrases: [/education/, /adjusting/],
      keywords: ['children', 'school', 'education'],
    },
    {
      id: 'poverty-abroad',
      phrases: [
        /no financial support/,
        /illegal/,
        /\b200\b/,
        /\b650\b/,
        /office assistants or telephone operators/,
        /free medical care/,
        /low-income/,
        /malaria/,
      ],
      keywords: ['salary', 'money', 'pay', 'health', 'malaria'],
    },
    { id: 'personal-safety', phrases: [/summoned/, /safety/], keywords: ['safety'] },
    { id: 'humiliation', phrases: [/slapped/], keywords: ['slap'] },
  ];

  it.each(motives)(
    '$id is there with its evidence and the words people type',
    ({ id, phrases, keywords }) => {
      const motive = knowledge.byId.motives.get(id);
      expect(motive).toBeDefined();
      const text = texts([motive?.summary, motive?.evidence]).join('\n');
      for (const phrase of phrases) expect(text).toMatch(phrase);
      const typed = motive?.keywords.map((k) => k.toLowerCase());
      expect(typed).toEqual(expect.arrayContaining(keywords));
      expect(sourcesOf(motive)).toContain(transcriptEn);
    },
  );

  it.each([
    [
      'thae-yong-ho',
      ['disillusionment-with-regime', 'longing-for-democracy', 'outside-exposure', 'poverty-abroad'],
    ],
    ['hyon-song-il', ['personal-safety']],
    ['choi-soo-bong', ['humiliation']],
  ])('%s is linked to the motives the transcript ties to them', (id, expected) => {
    const links = person(id).motives ?? [];
    for (const motive of expected) {
      const link = links.find((l) => l.motive === motive);
      expect(link?.sources).toContain(transcriptEn);
    }
  });

  it("does not cite the transcript for Jang Sung-gil's motive, which it gives only as context", () => {
    for (const link of person('jang-sung-gil').motives ?? [])
      expect(link.sources).not.toContain(transcriptEn);
  });
});

describe('regime responses the transcript names', () => {
  const responses = [
    {
      id: 'border-watch-after-thae',
      year: '2016',
      person: 'thae-yong-ho',
      phrases: [/border areas with China/],
      keywords: ['border', 'surveillance'],
    },
    {
      id: 'ideology-education-at-border',
      year: '2016',
      person: 'thae-yong-ho',
      phrases: [/ideology education/, /almost every day/],
      keywords: ['ideology', 'education'],
    },
    {
      id: 'traders-and-officials-watch',
      year: '2016',
      phrases: [/traders and party officials/, /where they went/, /phone records/],
      keywords: ['traders', 'phone', 'border'],
    },
    {
      id: 'mutual-surveillance-after-kim-jong-nam',
      year: '2017-02',
      event: 'kim-jong-nam-assassinated',
      phrases: [/monitor each other/, /inform/],
      keywords: ['each other', 'informants', 'surveillance'],
    },
    {
      id: 'silence-on-jo',
      year: '2020-10',
      person: 'jo-song-gil',
      phrases: [/official response/],
      keywords: ['silence'],
    },
  ];

  it.each(responses)('$id: date, trigger, what was done, keywords', (expected) => {
    const response = knowledge.byId.responses.get(expected.id);
    expect(response).toBeDefined();
    if (response === undefined) return;
    expect(response.date.value.startsWith(expected.year)).toBe(true);
    if (expected.person) expect(response.trigger.people).toContain(expected.person);
    if (expected.event) expect(response.trigger.events).toContain(expected.event);
    const text = texts([response.summary, response.measures]).join('\n');
    for (const phrase of expected.phrases) expect(text).toMatch(phrase);
    expect(response.keywords.map((k) => k.toLowerCase())).toEqual(expect.arrayContaining(expected.keywords));
    expect(sourcesOf([response.summary, response.measures])).toContain(transcriptEn);
  });

  it('marks the border watch as reported, as the transcript does ("reportedly")', () => {
    expect(knowledge.byId.responses.get('border-watch-after-thae')?.summary.confidence).toBe('reported');
  });
});

describe('dated events in the transcript', () => {
  const events = [
    { id: 'ko-reaches-seoul', date: '1991-06', people: ['ko-young-hwan'] },
    { id: 'hyon-seeks-asylum', date: '1996-01', people: ['hyon-song-il'] },
    { id: 'choi-seeks-asylum', date: '1996-01', people: ['choi-soo-bong'] },
    { id: 'jang-sung-gil-disappears', date: '1997-08', people: ['jang-sung-gil'] },
    { id: 'jang-sung-ho-disappears', date: '1997-08', people: ['jang-sung-ho'] },
    { id: 'us-grants-asylum-to-jangs', date: '1997-08', people: ['jang-sung-gil', 'jang-sung-ho'] },
    { id: 'thae-defection-confirmed', date: '2016-08', people: ['thae-yong-ho'] },
    { id: 'kim-jong-nam-assassinated', date: '2017-02', people: [] },
    { id: 'mutual-surveillance-ordered', date: '2017-02', people: [] },
    { id: 'jo-leaves-embassy', date: '2018-11', people: ['jo-song-gil'] },
    { id: 'thae-elected', date: '2020-04', people: ['thae-yong-ho'] },
    { id: 'jo-presence-confirmed', date: '2020-10', people: ['jo-song-gil'] },
    { id: 'silence-on-jo', date: '2020-10', people: ['jo-song-gil'] },
  ];

  it.each(events)('$id on $date', ({ id, date, people }) => {
    const event = knowledge.byId.events.get(id);
    expect(event).toBeDefined();
    if (event === undefined) return;
    expect(allClaims(event.date).some((claim) => en(claim.value).startsWith(date))).toBe(true);
    expect([...event.people].sort()).toEqual([...people].sort());
  });

  it('places Kim Jong-nam’s assassination in Malaysia', () => {
    expect(knowledge.byId.events.get('kim-jong-nam-assassinated')?.places).toContain('malaysia');
  });
});

describe('where the transcript and other sources disagree', () => {
  it("keeps Ko Young-hwan's month both ways", () => {
    const date = person('ko-young-hwan').defection.date;
    expect(date.differs?.find((c) => c.value === '1991-06')?.sources).toContain(transcriptEn);
    expect(date.sources).not.toContain(transcriptEn);
  });

  it('keeps "three days" and "four days" for the US announcement', () => {
    const milestone = person('jang-sung-gil').defection.milestones?.find((m) => m.date === '1997-08-26');
    expect(en(milestone?.value)).toMatch(/four days/);
    expect(milestone?.differs?.find((c) => /three days/.test(en(c.value)))?.sources).toEqual([transcriptEn]);
    const event = knowledge.byId.events.get('us-grants-asylum-to-jangs');
    expect(event?.detail.differs?.some((c) => /three days/.test(en(c.value)))).toBe(true);
  });

  it("keeps Jo Song-gil's title both ways", () => {
    const post = person('jo-song-gil').post;
    expect(en(post.value)).toMatch(/first secretary/i);
    expect(post.differs?.find((c) => /ambassador-level/.test(en(c.value)))?.sources).toContain(transcriptEn);
  });

  it('keeps the other known disputes', () => {
    const ko = person('ko-young-hwan').summary;
    expect(en(ko.value)).toMatch(/Yi Sang-jo/);
    expect(ko.differs?.some((c) => /first North Korean diplomat to defect abroad/.test(en(c.value)))).toBe(
      true,
    );
    const hyon = person('hyon-song-il').companions?.[0];
    expect(en(hyon?.value)).toMatch(/went first/);
    expect(hyon?.differs?.some((c) => /together/.test(en(c.value)))).toBe(true);
    const jang = person('jang-sung-gil').earlierPosts?.[0];
    expect(en(jang?.value)).toMatch(/vice department director/i);
    expect(jang?.differs?.some((c) => /vice-minister/i.test(en(c.value)))).toBe(true);
  });

  it('gives each side of every dispute its own, existing sources', () => {
    const all = disputes([knowledge.people, knowledge.motives, knowledge.responses, knowledge.events]);
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const fact of all) {
      expect(fact.sources.length).toBeGreaterThan(0);
      for (const other of fact.differs ?? []) {
        expect(other.sources.length).toBeGreaterThan(0);
        // A source that contradicts itself sits on both sides; the note must then say so.
        const shared = other.sources.filter((s) => fact.sources.includes(s));
        if (shared.length > 0) expect(en(other.note), JSON.stringify(other)).not.toBe('');
      }
      for (const id of sourcesOf(fact)) expect(knowledge.byId.sources.has(id)).toBe(true);
    }
  });

  it('notes that the salary figures rest on the transcript alone', () => {
    const evidence = knowledge.byId.motives.get('poverty-abroad')?.evidence ?? [];
    const average = evidence.find((e) => /\b200\b/.test(en(e.value)));
    expect(average?.sources).toEqual([transcriptEn]);
    // Other reports give other figures, each with its own source.
    expect(average?.differs?.length).toBeGreaterThan(0);
    const thae = evidence.find((e) => /\b650\b/.test(en(e.value)));
    expect(thae?.differs?.length).toBeGreaterThan(0);
  });

  it('spells Kim Jong-un correctly in our own text and notes the typo on the source', () => {
    const ours = texts([knowledge.people, knowledge.motives, knowledge.responses, knowledge.events]).join(
      '\n',
    );
    expect(ours).not.toMatch(/Kim Jon-un/);
    expect(knowledge.byId.sources.get(transcriptEn)?.note).toMatch(/Kim Jon-un/);
  });
});

describe('the transcript sources', () => {
  it('records the English broadcast with the address the fact-check found (AUDIT-2)', () => {
    const en = knowledge.byId.sources.get(transcriptEn);
    expect(en).toMatchObject({
      publisher: 'KBS World Radio',
      title: 'Defections of North Korean Elite',
      date: '2020-10-29',
      language: 'en',
    });
    expect(en?.url).toMatch(/^https:\/\/world\.kbs\.co\.kr\/.*lang=e.*board_seq=393116/);
    expect(en?.note).toMatch(/Korea, Today and Tomorrow/);
    expect(en?.note).toMatch(/Oh Hyun-jong \(오현종\)/);
  });

  it('records the Korean counterpart with its address', () => {
    const ko = knowledge.byId.sources.get(transcriptKo);
    expect(ko).toMatchObject({ title: '북한 고위층 망명', date: '2020-10-29', language: 'ko' });
    expect(ko?.url).toMatch(/^http:\/\/world\.kbs\.co\.kr\/.*board_seq=393227/);
  });
});
