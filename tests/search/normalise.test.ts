import { getChoseong } from 'es-hangul';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldedWords,
  joinedTails,
  joinWords,
  MAX_QUERY_CHARS,
  normaliseWords,
  queryWords,
} from '../../src/search/normalise.ts';

const joined = (text: string): string => joinWords(foldedWords(text));

describe('normalisation', () => {
  it('folds hyphens, spaces and run-together names into one form', () => {
    expect(joined('song-gil')).toBe(joined('song gil'));
    expect(joined('songgil')).toBe(joined('Song Gil'));
    expect(joined('Thae Yong-ho')).toBe(joined('taeyongho'));
  });

  it.each([
    ['Thae', 'Tae'],
    ['Jo', 'Cho'],
    ['Sung', 'Song'],
    ['Seong', 'Song'],
    ['Seung', 'Sung'],
    ['Young', 'Yong'],
    ['Yeong', 'Yong'],
    ['Hyun', 'Hyon'],
    ['Hyeon', 'Hyon'],
    ['Soo', 'Su'],
    ['Choi', 'Choe'],
    ['Ko', 'Go'],
    ['Kyu', 'Gyu'],
    ['Lee', 'Ri'],
    ['Yop', 'Yeop'],
    ['Chang', 'Jang'],
  ])('treats %s and %s as one spelling', (a, b) => {
    expect(foldedWords(a)).toEqual(foldedWords(b));
  });

  it('keeps different names apart', () => {
    expect(joined('Jang')).not.toBe(joined('Jo'));
    expect(joined('Thae Yong-ho')).not.toBe(joined('Ko Young-hwan'));
  });

  it('applies NFKC and lower case', () => {
    expect(normaliseWords('ＴＨＡＥ Ｙｏｎｇ')).toEqual(['thae', 'yong']);
  });

  it('turns typed initial consonants back into the compatibility jamo es-hangul returns', () => {
    expect(queryWords('ㅌㅇㅎ')).toEqual([getChoseong('태영호')]);
    expect('ㅌㅇㅎ'.normalize('NFKC')).not.toBe(getChoseong('태영호'));
  });

  it('drops diacritics and apostrophes, and splits on other punctuation', () => {
    expect(foldedWords('Hyŏn Sŏng-il')).toEqual(foldedWords('hyon song il'));
    expect(foldedWords("Workers' Party")).toEqual(foldedWords('workers party'));
    expect(normaliseWords('**@everyone** <#123>!')).toEqual(['everyone', '123']);
    expect(normaliseWords('?!… 🙂')).toEqual([]);
  });

  it('leaves Hangul as it is and splits it into syllable tails', () => {
    expect(foldedWords('태영호')).toEqual(['태영호']);
    expect(joinedTails(['태영호'])).toEqual(['태영호', '영호', '호']);
    expect(joinedTails(foldedWords('Jo Song-gil'))).toEqual(['josonggir', 'songgir', 'gir']);
  });

  it('reads at most the first characters of a query', () => {
    const words = queryWords(`${'a'.repeat(MAX_QUERY_CHARS - 1)} tail`);
    expect(words).toEqual(['a']);
    expect(queryWords('b'.repeat(6000))[0]?.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });

  it('folds to a fixed point when one rule makes the input of another', () => {
    // `ue` -> `oe` (u/o) -> `oi` (oe/oi): a single pass stopped at `oe`, which then folded again.
    expect(foldedWords('ue')).toEqual(['oi']);
    expect(foldedWords('hue')).toEqual(foldedWords('hoi'));
  });

  it('never throws, and folding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const words = foldedWords(text);
        expect(foldedWords(words.join(' '))).toEqual(words);
      }),
      { numRuns: 500 },
    );
  });
});
