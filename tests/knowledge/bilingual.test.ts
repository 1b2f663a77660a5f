import { describe, expect, it } from 'vitest';
import type { LocalText } from '../../src/knowledge/schema.ts';
import { ctx } from '../context.ts';

/**
 * The English and the Korean of one text state the same facts: every figure and year in one is in
 * the other. Numbers are compared as values (`08` is `8`, `1,200` is `1200`); a capitalised English
 * month name counts as that month's number (`17 August 2016` carries 8, as `2016년 8월 17일` does;
 * "May" only beside a number or "in", since "may" is also a verb), "first/second/third secretary" as 1/2/3 (Korean writes 1등서기관) and "a third country"
 * as 3 (제3국).
 */

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function figures(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const plain = match[0].replace(/,/g, '').replace(/\.$/, '');
    found.add(/^\d+$/.test(plain) ? String(Number(plain)) : plain);
  }
  return found;
}

function englishFigures(text: string): Set<string> {
  const found = figures(text);
  months.forEach((month, index) => {
    const name = `${month.charAt(0).toUpperCase()}${month.slice(1)}`;
    // Capitalised, as a month is; "May" also needs a number or "in" beside it ("may" is a verb).
    const pattern =
      name === 'May'
        ? /\bMay\b(?=\s+\d)|\d\s+May\b|\b(?:in|early|late|mid-|of) May\b/
        : new RegExp(`\\b${name}\\b`);
    if (pattern.test(text)) found.add(String(index + 1));
  });
  ['first', 'second', 'third'].forEach((ordinal, index) => {
    if (new RegExp(`\\b${ordinal} secretary\\b(?!-)`, 'i').test(text)) found.add(String(index + 1));
  });
  if (/\bthird countr(?:y|ies)\b/i.test(text)) found.add('3');
  return found;
}

function isLocalText(node: unknown): node is LocalText {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as LocalText).en === 'string' &&
    typeof (node as LocalText).ko === 'string' &&
    Object.keys(node).length === 2
  );
}

/** Every bilingual text in the data, with where it is. */
function localTexts(node: unknown, where: string): { where: string; text: LocalText }[] {
  if (isLocalText(node)) return [{ where, text: node }];
  if (Array.isArray(node)) return node.flatMap((child, index) => localTexts(child, `${where}[${index}]`));
  if (typeof node !== 'object' || node === null) return [];
  const id = (node as { id?: unknown }).id;
  return Object.entries(node).flatMap(([key, child]) =>
    localTexts(child, typeof id === 'string' && where.endsWith(']') ? `${id}.${key}` : `${where}.${key}`),
  );
}

describe('the English and Korean of every text', () => {
  const { sources, places, people, motives, responses, events } = ctx.knowledge;
  const all = localTexts({ sources, places, people, motives, responses, events }, 'data');

  it('finds the texts of the data', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it('carry the same figures and years', () => {
    const disagreeing = all.flatMap(({ where, text }) => {
      const en = englishFigures(text.en);
      const ko = figures(text.ko);
      const onlyEn = [...en].filter((n) => !ko.has(n));
      const onlyKo = [...ko].filter((n) => !en.has(n));
      return onlyEn.length + onlyKo.length > 0 ? [`${where}: en only ${onlyEn}, ko only ${onlyKo}`] : [];
    });
    expect(disagreeing).toEqual([]);
  });
});
