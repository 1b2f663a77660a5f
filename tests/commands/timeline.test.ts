import { type APIInteractionResponse, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { eventsPerPage, filterEvents } from '../../src/commands/timeline.ts';
import { answer, ctx } from '../context.ts';
import { press, slash } from '../interactions/build.ts';
import { buttonIds } from '../interactions/discord-rules.ts';
import { messageOf } from './message.ts';

/** The number of pages of the whole timeline, as the first page's footer gives it. */
function pageCount(): number {
  const footer = messageOf(answer(slash('timeline'))).embeds?.[0]?.footer?.text ?? '';
  return Number(/\/ (\d+)$/.exec(footer)?.[1]);
}

/** Follows Next from the first page to the last; returns every page's message. */
function allPages(first: APIInteractionResponse) {
  const pages = [messageOf(first)];
  let next = buttonIds(first).find(
    (id) => id.startsWith('timeline:') && pages.length + 1 === Number(id.split(':')[1]),
  );
  while (next !== undefined) {
    expect(next.length).toBeLessThan(100);
    const response = answer(press(next));
    pages.push(messageOf(response, true));
    next = buttonIds(response).find((id) => Number(id.split(':')[1]) === pages.length + 1);
    expect(pages.length).toBeLessThan(100);
  }
  return pages;
}

function eventLines(description: string | undefined): string[] {
  return (description ?? '').split('\n').filter((line) => line.startsWith('**'));
}

describe('/timeline', () => {
  it('without filters pages through every event in date order, at most 10 a page, "page x / y"', () => {
    const pages = allPages(answer(slash('timeline')));
    const total = pages.length;
    // Ten a page, fewer where ten and their sources would not fit one message uncut.
    expect(total).toBeGreaterThanOrEqual(Math.ceil(ctx.knowledge.events.length / eventsPerPage));
    pages.forEach((page, index) => {
      expect(page.embeds?.[0]?.footer?.text).toBe(`page ${index + 1} / ${total}`);
      expect(eventLines(page.embeds?.[0]?.description).length).toBeLessThanOrEqual(eventsPerPage);
      expect(page.embeds?.[0]?.description).not.toMatch(/…$/);
    });
    const lines = pages.flatMap((page) => eventLines(page.embeds?.[0]?.description));
    expect(lines).toHaveLength(ctx.knowledge.events.length);
    const dates = lines.map((line) => /^\*\*([\d-]+)/.exec(line)?.[1] ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('has no Previous on the first page and no Next on the last', () => {
    const first = answer(slash('timeline'));
    expect(buttonIds(first)).toEqual(['timeline:2:']);
    const total = pageCount();
    expect(buttonIds(answer(press(`timeline:${total}:`)))).toEqual([`timeline:${total - 1}:`]);
  });

  it("filters by person and years, carrying the filters in the buttons' ids", () => {
    const response = answer(slash('timeline', { person: 'thae yong ho', from: 2016, to: 2024 }));
    const data = messageOf(response);
    expect(data.embeds?.[0]?.title).toBe('Timeline: Thae Yong-ho (태영호) (2016–2024)');
    const expected = filterEvents(ctx.knowledge.events, { person: 'thae-yong-ho', from: 2016, to: 2024 });
    expect(eventLines(data.embeds?.[0]?.description)).toHaveLength(Math.min(expected.length, eventsPerPage));
    expect(expected.every((event) => event.people.includes('thae-yong-ho'))).toBe(true);
    expect(buttonIds(response)).toEqual(
      expect.arrayContaining(['defector:thae-yong-ho', 'why:thae-yong-ho']),
    );
  });

  it('reads years given the wrong way round as a span, and says so when a span is empty', () => {
    const swapped = messageOf(answer(slash('timeline', { from: 2020, to: 2016 })));
    expect(swapped.embeds?.[0]?.title).toContain('2016–2020');
    const empty = messageOf(answer(slash('timeline', { from: 1945, to: 1946 })));
    expect(empty.embeds?.[0]?.description).toBe('No events in this range.');
    expect(empty.embeds?.[0]?.footer?.text).toBe('page 1 / 1');
  });

  it('takes the best of an ambiguous person and names the runners-up', () => {
    const data = messageOf(answer(slash('timeline', { person: 'jang' })));
    expect(data.content).toMatch(/^Also matching: .*Jang Sung-gil/);
    expect(data.embeds?.[0]?.title).toMatch(/^Timeline: Jang /);
  });

  it('answers an unknown person privately', () => {
    const data = messageOf(answer(slash('timeline', { person: 'zzkqx' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe('No person matches `zzkqx`.');
  });

  it('keeps a stale page number within the pages there are', () => {
    const data = messageOf(answer(press('timeline:999:')), true);
    const total = pageCount();
    expect(data.embeds?.[0]?.footer?.text).toBe(`page ${total} / ${total}`);
  });
});
