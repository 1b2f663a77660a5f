import { describe, expect, it } from 'vitest';
import { splitCustomId } from '../../src/commands/button.ts';
import { eventCardButton, motiveCardButton, responseCardButton } from '../../src/commands/card-buttons.ts';
import { buttons } from '../../src/commands/definitions.ts';
import { cardButton, timelineButton, whyButton } from '../../src/commands/person-buttons.ts';

describe('custom_id codecs', () => {
  const timelines = [
    { page: 1, filter: {} },
    { page: 2, filter: { person: 'thae-yong-ho' } },
    { page: 12, filter: { person: 'jo-song-gil', from: 1990, to: 2020 } },
  ];

  /** What the router does: split off the button's name, let that button decode the rest. */
  const decode = (id: string) => {
    const split = splitCustomId(id);
    const codec = [
      timelineButton,
      whyButton,
      cardButton,
      motiveCardButton,
      responseCardButton,
      eventCardButton,
    ].find((button) => button.name === split?.name);
    return split && codec?.decode(split.state);
  };

  it('round-trips every button state', () => {
    for (const state of timelines) expect(decode(timelineButton.encode(state))).toEqual(state);
    expect(decode(whyButton.encode('thae-yong-ho'))).toBe('thae-yong-ho');
    expect(decode(cardButton.encode('ko-young-hwan'))).toBe('ko-young-hwan');
    expect(decode(motiveCardButton.encode('reign-of-terror'))).toBe('reign-of-terror');
    expect(decode(responseCardButton.encode('silence-on-jo'))).toBe('silence-on-jo');
    expect(decode(eventCardButton.encode('hwang-dies'))).toBe('hwang-dies');
  });

  it('writes the documented form', () => {
    expect(timelineButton.encode({ page: 2, filter: { person: 'thae-yong-ho' } })).toBe(
      'timeline:2:person=thae-yong-ho',
    );
    expect(whyButton.encode('thae-yong-ho')).toBe('why:thae-yong-ho');
    expect(cardButton.encode('thae-yong-ho')).toBe('defector:thae-yong-ho');
    expect(motiveCardButton.encode('reign-of-terror')).toBe('motive:reign-of-terror');
    expect(responseCardButton.encode('silence-on-jo')).toBe('response:silence-on-jo');
    expect(eventCardButton.encode('hwang-dies')).toBe('event:hwang-dies');
  });

  it('rejects anything it did not make', () => {
    for (const id of [
      '',
      'timeline',
      'timeline:0:',
      'timeline:x:',
      'timeline:1:person=Bad Id',
      'timeline:1:person=a&person=b',
      'timeline:1:colour=red',
      'why:',
      'why:a:b',
      'motive:',
      'event:Hwang Dies',
      'response:a:b',
      'delete:everything',
      `why:${'a'.repeat(120)}`,
    ]) {
      expect(decode(id)).toBeUndefined();
    }
  });

  it('every button a command draws is registered once, under its own name', () => {
    expect([...buttons.keys()].sort()).toEqual([
      'defector',
      'event',
      'motive',
      'response',
      'timeline',
      'why',
    ]);
  });
});
