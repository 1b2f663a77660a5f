import { MessageFlags } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsPerPage, filterEvents } from '../../src/commands/timeline.ts';
import { type BotContext, loadBotContext } from '../../src/interactions/context.ts';
import { respond } from '../../src/interactions/respond.ts';
import { press, slash } from '../interactions/build.ts';
import { buttonIds } from '../interactions/discord-rules.ts';
import { messageOf } from './message.ts';

let ctx: BotContext;
beforeAll(async () => {
  ctx = await loadBotContext();
});

/** Follows Next from the first page to the last; returns every page's message. */
function allPages(first: ReturnType<typeof respond>) {
  const pages = [messageOf(first)];
  let next = buttonIds(first).find(
    (id) => id.startsWith('timeline:') && pages.length + 1 === Number(id.split(':')[1]),
  );
  while (next !== undefined) {
    expect(next.length).toBeLessThan(100);
    const response = respond(press(next), ctx);
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
  it('without filters pages through every event in date order, 10 a page, "page x / y"', () => {
    const pages = allPages(respond(slash('timeline'), ctx));
    const total = Math.ceil(ctx.knowledge.events.length / eventsPerPage);
    expect(pages).toHaveLength(total);
    pages.forEach((page, index) => {
      expect(page.embeds?.[0]?.footer?.text).toBe(`page ${index + 1} / ${total}`);
      expect(eventLines(page.embeds?.[0]?.description).length).toBeLessThanOrEqual(eventsPerPage);
    });
    const lines = pages.flatMap((page) => eventLines(page.embeds?.[0]?.description));
    expect(lines).toHaveLength(ctx.knowledge.events.length);
    const dates = lines.map((line) => /^\*\*([\d-]+)/.exec(line)?.[1] ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('has no Previous on the first page and no Next on the last', () => {
    const first = respond(slash('timeline'), ctx);
    expect(buttonIds(first)).toEqual(['timeline:2:']);
    const total = Math.ceil(ctx.knowledge.events.length / eventsPerPage);
    expect(buttonIds(respond(press(`timeline:${total}:`), ctx))).toEqual([`timeline:${total - 1}:`]);
  });

  it("filters by person and years, carrying the filters in the buttons' ids", () => {
    const response = respond(slash('timeline', { person: 'thae yong ho', from: 2016, to: 2024 }), ctx);
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
    const swapped = messageOf(respond(slash('timeline', { from: 2020, to: 2016 }), ctx));
    expect(swapped.embeds?.[0]?.title).toContain('2016–2020');
    const empty = messageOf(respond(slash('timeline', { from: 1945, to: 1946 }), ctx));
    expect(empty.embeds?.[0]?.description).toBe('No events in this range.');
    expect(empty.embeds?.[0]?.footer?.text).toBe('page 1 / 1');
  });

  it('takes the best of an ambiguous person and names the runners-up', () => {
    const data = messageOf(respond(slash('timeline', { person: 'jang' }), ctx));
    expect(data.content).toMatch(/^Also matching: /);
    expect(data.embeds?.[0]?.title).toMatch(/^Timeline: Jang Sung-/);
  });

  it('answers an unknown person privately', () => {
    const data = messageOf(respond(slash('timeline', { person: 'zzkqx' }), ctx));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe('No person matches `zzkqx`.');
  });

  it('keeps a stale page number within the pages there are', () => {
    const data = messageOf(respond(press('timeline:999:'), ctx), true);
    const total = Math.ceil(ctx.knowledge.events.length / eventsPerPage);
    expect(data.embeds?.[0]?.footer?.text).toBe(`page ${total} / ${total}`);
  });
});
