import { describe, expect, it } from 'vitest';
import { type ButtonAction, decodeCustomId, encodeCustomId } from '../../src/interactions/custom-id.ts';

describe('custom_id codec', () => {
  const actions: ButtonAction[] = [
    { action: 'timeline', page: 1, filter: {} },
    { action: 'timeline', page: 2, filter: { person: 'thae-yong-ho' } },
    { action: 'timeline', page: 12, filter: { person: 'jo-song-gil', from: 1990, to: 2020 } },
    { action: 'why', person: 'thae-yong-ho' },
    { action: 'defector', person: 'ko-young-hwan' },
  ];

  it('round-trips every action', () => {
    for (const action of actions) expect(decodeCustomId(encodeCustomId(action))).toEqual(action);
  });

  it('writes the documented form', () => {
    expect(encodeCustomId({ action: 'timeline', page: 2, filter: { person: 'thae-yong-ho' } })).toBe(
      'timeline:2:person=thae-yong-ho',
    );
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
      'delete:everything',
      `why:${'a'.repeat(120)}`,
    ]) {
      expect(decodeCustomId(id)).toBeUndefined();
    }
  });
});
