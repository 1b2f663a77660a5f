import type { MemoryReport } from '../src/transports/gateway/test-hooks.ts';
import { type BotProcess, startProcess } from '../tests/e2e/bot-process.ts';
import { chatInput, type FakeDiscord, startFakeDiscord } from '../tests/fake-discord/index.ts';
import { npmScriptCommand } from '../tests/npm-script.ts';

/**
 * Starting a bot process for a benchmark: each gets its own fake Discord on loopback (so no two
 * processes see each other's recorded state, and nothing leaves the machine), `npm start`'s node
 * flags and environment, --expose-gc, and the test hooks, so `/test-memory` reports its memory.
 */

/** The bot runs as `npm start` runs it; anything else launched here gets the same flags and environment. */
export const start = npmScriptCommand('start');

export interface Launched {
  entry: string;
  fake: FakeDiscord;
  child: BotProcess;
  loginToReadyMs: number;
  spawnToReadyMs: number;
}

export async function launch(entry: string): Promise<Launched> {
  const fake = await startFakeDiscord();
  const spawned = performance.now();
  const child = startProcess(
    entry,
    {
      ...start.env,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
      BOT_TEST_HOOKS: '1',
    },
    [],
    ['--expose-gc', ...start.nodeFlags],
  );
  try {
    const ready = await child.waitForLog((line) => line.msg === 'ready', 30_000);
    const spawnToReadyMs = Math.round(performance.now() - spawned);
    return { entry, fake, child, loginToReadyMs: Number(ready.loginToReadyMs), spawnToReadyMs };
  } catch (error) {
    await child.kill();
    await fake.close();
    throw error;
  }
}

/** The process's memory after a full GC, through the `/test-memory` hook. */
export async function memory(fake: FakeDiscord): Promise<MemoryReport> {
  const interaction = fake.dispatchInteraction(chatInput('test-memory'));
  const callback = await fake.waitForCallback(interaction.id);
  const report = JSON.parse(callback.data.content) as MemoryReport;
  if (!report.collected) throw new Error('the child did not run with --expose-gc');
  return report;
}

/** SIGTERM, as a process manager stops the bot; SIGKILL after 5 s if it has not exited. */
export async function shutDown(target: Launched): Promise<void> {
  target.child.child.kill('SIGTERM');
  await Promise.race([target.child.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  await target.child.kill();
  await target.fake.close();
}
