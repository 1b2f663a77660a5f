import { GatewayCloseCodes, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInput, type FakeDiscord, startFakeDiscord } from '../fake-discord/index.ts';
import { type BotProcess, isReady, startBot } from './bot-process.ts';

/**
 * Gateway faults against the real entry point. Each interaction is dispatched after the fake has seen
 * the socket close, so it can only reach the bot by being replayed on RESUME (or, after a fresh
 * identify, delivered on the new session).
 */

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await startFakeDiscord();
  bot = startBot(fake.apiUrl);
  await bot.waitForLog(isReady, 15_000);
});

afterAll(async () => {
  await bot?.kill();
  await fake?.close();
});

function lastSession() {
  const session = fake.sessions.at(-1);
  if (!session) throw new Error('no session yet');
  return session;
}

function deliveredAt(interactionId: string): number[] {
  return fake.frames
    .filter((frame) => frame.direction === 'out' && frame.t === 'INTERACTION_CREATE')
    .filter((frame) => (frame.d as { id: string }).id === interactionId)
    .map((frame) => frame.at);
}

const resumableFaults: [string, () => void][] = [
  ['close 4000 (unknown error)', () => fake.faults.close(GatewayCloseCodes.UnknownError)],
  ['close 4009 (session timed out)', () => fake.faults.close(GatewayCloseCodes.SessionTimedOut)],
  ['a dropped TCP connection', () => fake.faults.drop()],
  ['op 7 (reconnect)', () => fake.faults.reconnect()],
  ['heartbeats no longer acknowledged', () => fake.faults.stopHeartbeatAcks()],
];

describe('gateway faults, end to end', () => {
  it.each(resumableFaults)(
    'after %s the client resumes and answers what was dispatched meanwhile',
    async (_, fault) => {
      const sessions = fake.sessions.length;
      const resumes = lastSession().resumedAt.length;
      const closes = fake.disconnects.length;

      fault();
      await fake.waitUntil(() => fake.disconnects.length > closes, 'the socket to close', 8000);
      const closedAt = Date.now();
      const interaction = fake.dispatchInteraction(chatInput('about'));

      const callback = await fake.waitForCallback(interaction.id, 8000);
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(fake.sessions.length).toBe(sessions);
      expect(lastSession().resumedAt.length).toBe(resumes + 1);
      const [delivery, ...again] = deliveredAt(interaction.id);
      expect(again).toEqual([]);
      expect(delivery).toBeGreaterThanOrEqual(closedAt);
      await bot.waitForLog((line) => line.msg === 'shard resumed' && line.shard === 0);
    },
  );

  it('after op 9 (not resumable) the client identifies again and answers on the new session', async () => {
    const sessions = fake.sessions.length;
    const closes = fake.disconnects.length;

    fake.faults.invalidSession(false);
    await fake.waitUntil(() => fake.disconnects.length > closes, 'the socket to close', 8000);
    const during = fake.dispatchInteraction(chatInput('about'));
    expect((await fake.waitForCallback(during.id, 8000)).type).toBe(
      InteractionResponseType.ChannelMessageWithSource,
    );
    expect(fake.sessions.length).toBe(sessions + 1);

    const after = fake.dispatchInteraction(chatInput('defector', { name: 'thae yong ho' }));
    expect((await fake.waitForCallback(after.id)).type).toBe(
      InteractionResponseType.ChannelMessageWithSource,
    );
    expect(bot.child.exitCode).toBeNull();
  });
});
