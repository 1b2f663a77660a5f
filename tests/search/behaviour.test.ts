import type { APIApplicationCommandAutocompleteResponse } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../../src/knowledge/kinds.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { recordChoices } from '../../src/render/choices.ts';
import type { Lang } from '../../src/render/i18n.ts';
import { autocompleteResponse } from '../../src/render/message.ts';
import { createKnowledgeSearch } from '../../src/search/index.ts';
import type { Hit, MatchTier } from '../../src/search/types.ts';

const knowledge = await loadKnowledge();
const search = createKnowledgeSearch(knowledge);
const kinds: readonly RecordKind[] = ['person', 'motive', 'response', 'event'];
const recordsOf = {
  person: knowledge.people,
  motive: knowledge.motives,
  response: knowledge.responses,
  event: knowledge.events,
} as const;
const tierRank: Record<MatchTier, number> = { exact: 0, prefix: 1, fuzzy: 2 };

const ids = (hits: readonly Hit[]): string[] => hits.map((hit) => hit.id);

/** The choices Discord receives for text typed into an option searching `kind`. */
function choicesFor(kind: RecordKind | 'all', text: string, lang: Lang = 'en') {
  const records = search.autocomplete(kind, text, 25);
  const response = autocompleteResponse(recordChoices(lang, records, kind === 'all'));
  return (response as APIApplicationCommandAutocompleteResponse).data.choices as {
    name: string;
    value: string;
  }[];
}

describe('search', () => {
  it.each(kinds)('ranks a %s first when its id is typed', (kind) => {
    for (const record of recordsOf[kind]) {
      const [first] = search.search(kind, record.id);
      expect(first?.id, record.id).toBe(record.id);
      expect(first?.tier).toBe('exact');
    }
  });

  it('says which field matched, with the text as written in the data', () => {
    const field = (query: string) => search.search('person', query)[0]?.matched;
    expect(field('uk')).toEqual({ field: 'place', text: 'UK' });
    expect(field('ㅌㅇㅎ')).toEqual({ field: 'initials', text: 'ㅌㅇㅎ' });
    expect(field('태영호')).toEqual({ field: 'hangul', text: '태영호' });
    expect(field('thae ku min')).toEqual({ field: 'aliases', text: 'Thae Ku-min' });
    expect(field('thae-yong-ho')).toEqual({ field: 'id', text: 'thae-yong-ho' });
    expect(field('trade counsellor')?.field).toBe('post');
    expect(search.search('motive', 'salary')[0]?.matched).toEqual({ field: 'keywords', text: 'salary' });
  });

  it('puts every exact hit before any prefix hit, and every prefix hit before any fuzzy one', () => {
    for (const query of ['jo', 'jang', 'song gil', 'zambia', 'ambassador', 'thea yong ho', 'border', 'k']) {
      for (const kind of kinds) {
        const tiers = search.search(kind, query, 25).map((hit) => tierRank[hit.tier]);
        expect(tiers, `${kind} ${query}`).toEqual([...tiers].sort((a, b) => a - b));
      }
    }
  });

  it('scores from 0 (exact) towards 1, and respects the limit', () => {
    const hits = search.search('person', 'song', 3);
    expect(hits.length).toBeLessThanOrEqual(3);
    for (const hit of search.search('person', 'ambassador', 25)) {
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(search.search('person', 'Thae Yong-ho')[0]?.score).toBe(0);
    expect(search.search('person', 'jo', 0)).toEqual([]);
  });

  it('breaks ties between equal hits by prominence', () => {
    const [first, second] = search.search('person', 'zambia');
    expect(first?.tier).toBe(second?.tier);
    expect(first?.record.prominence).toBeGreaterThan(second?.record.prominence ?? 0);
  });

  it('prefers the spelling typed among otherwise equal hits', () => {
    // `jo` also starts `Choi` once folded; events tie on their title, and come in date order.
    const titles = search.search('event', 'jo', 25).map((hit) => hit.record.title.en);
    const firstChoi = titles.findIndex((title) => title.startsWith('Choi'));
    const lastJo = titles.findLastIndex((title) => title.startsWith('Jo '));
    expect(lastJo).toBeGreaterThan(-1);
    expect(firstChoi === -1 || firstChoi > lastJo).toBe(true);
  });

  it('finds nothing for noise, and never throws on anything a user can type', () => {
    expect(search.search('person', 'qzxv')).toEqual([]);
    for (const query of [
      '',
      '   ',
      '!!!',
      '@everyone',
      '**bold** _x_ `code`',
      '🙂🙂',
      '\u0000',
      'x'.repeat(6000),
    ]) {
      for (const kind of kinds) expect(Array.isArray(search.search(kind, query))).toBe(true);
      expect(Array.isArray(search.searchAll(query))).toBe(true);
      expect(Array.isArray(search.suggest('person', query))).toBe(true);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (query) => {
        search.search('person', query, 25);
        search.autocomplete('all', query, 25);
      }),
      { numRuns: 200 },
    );
  });

  it('reads only the head of a very long query', () => {
    const long = `thae ${'x'.repeat(6000)}`;
    const start = performance.now();
    const hits = search.search('person', long);
    expect(performance.now() - start).toBeLessThan(200);
    expect(Array.isArray(hits)).toBe(true);
  });
});

describe('searchAll', () => {
  it('looks across kinds', () => {
    expect(search.searchAll('salary')[0]).toMatchObject({ kind: 'motive', id: 'poverty-abroad' });
    expect(search.searchAll('ㅌㅇㅎ')[0]).toMatchObject({ kind: 'person', id: 'thae-yong-ho' });
    expect(search.searchAll('each other')[0]).toMatchObject({ kind: 'response' });
    const kindsFound = new Set(search.searchAll('thae', 25).map((hit) => hit.kind));
    for (const kind of ['person', 'response', 'event'] as const) expect(kindsFound.has(kind)).toBe(true);
  });
});

describe('suggest', () => {
  it('offers the closest records when nothing passes', () => {
    expect(search.search('person', 'tayongh')).toEqual([]);
    expect(ids(search.suggest('person', 'tayongh'))).toContain('thae-yong-ho');
    expect(ids(search.suggest('person', 'hwangjanyop'))[0]).toBe('hwang-jang-yop');
    expect(search.suggest('person', 'jo', 2).length).toBeLessThanOrEqual(2);
  });

  it('offers nothing when nothing is even close', () => {
    expect(search.suggest('person', 'qzxv')).toEqual([]);
  });
});

describe('autocomplete', () => {
  const valid = (choices: readonly { name: string; value: string }[]) => {
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeGreaterThan(0);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  };

  it('lists the best-known people first for empty text', () => {
    const choices = choicesFor('person', '');
    valid(choices);
    const prominence = choices.map((choice) => knowledge.byId.people.get(choice.value)?.prominence ?? -1);
    expect(prominence).toEqual([...prominence].sort((a, b) => b - a));
    expect(choices[0]?.value).toBe('thae-yong-ho');
  });

  it('lists events in date order, date first, for empty text', () => {
    const choices = choicesFor('event', '');
    valid(choices);
    expect(choices).toHaveLength(25);
    const dates = choices.map((choice) => knowledge.byId.events.get(choice.value)?.date.value ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(choices[0]?.name.startsWith(dates[0] ?? '?')).toBe(true);
  });

  it('treats text with nothing searchable in it as empty', () => {
    expect(choicesFor('person', ' ?! 🙂 ')).toEqual(choicesFor('person', ''));
    expect(choicesFor('all', '**')).toEqual(choicesFor('all', ''));
  });

  it('names a person readably and uses the id as the value', () => {
    const [first] = choicesFor('person', 'thae');
    expect(first?.value).toBe('thae-yong-ho');
    expect(first?.name).toMatch(/^Thae Yong-ho \(태영호\) — /);
  });

  it('prefixes kind to values across all kinds', () => {
    const choices = choicesFor('all', 'salary');
    valid(choices);
    expect(choices[0]?.value).toBe('motive:poverty-abroad');
    for (const choice of choicesFor('all', ''))
      expect(choice.value).toMatch(/^(person|motive|response|event):/);
  });

  it('stays within Discord limits for every kind and any text', () => {
    for (const kind of [...kinds, 'all'] as const) {
      for (const text of ['', 'a', 'jo', 'border', 'x'.repeat(6000), '@everyone', 'qzxv']) {
        valid(choicesFor(kind, text));
      }
    }
  });

  it('falls back to suggestions for a typo nothing passes', () => {
    expect(choicesFor('person', 'tayongh').map((choice) => choice.value)).toContain('thae-yong-ho');
  });
});

describe('choice labels', () => {
  it('are cut to the choice limit with an ellipsis, without splitting a surrogate pair', () => {
    const long = `${'a'.repeat(98)}🙂🙂🙂`;
    const [choice] = (
      autocompleteResponse([{ name: long, value: 'x' }]) as APIApplicationCommandAutocompleteResponse
    ).data.choices as { name: string }[];
    expect(choice?.name.length).toBeLessThanOrEqual(100);
    expect(choice?.name.endsWith('…')).toBe(true);
    expect(choice?.name).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it('lead with the Hangul name and a Korean kind for Korean readers, in every list', () => {
    expect(choicesFor('person', 'thae', 'ko')[0]?.name).toMatch(/^태영호 — 주영국/);
    const [first] = choicesFor('all', 'thae', 'ko');
    expect(first?.value).toBe('person:thae-yong-ho');
    expect(first?.name).toMatch(/^인물: 태영호 — /);
  });
});
