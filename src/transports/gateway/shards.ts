import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RESTGetAPIGatewayBotResult, Routes, type Shard, ShardingManager } from 'discord.js';
import type { Logger } from '../../logger.ts';
import { restClient } from '../rest.ts';

export interface ShardManagerOptions {
  /** The entry point each shard process runs: the same `src/main.ts`. */
  file: string;
  token: string;
  apiUrl?: string;
  shards: 'auto' | number;
  logger: Logger;
  /** Tests only: spawn shards back to back instead of one identify window apart. */
  spawnWithoutDelay?: boolean;
}

export interface ShardManager {
  /** Resolves with the shard count once every shard process is ready. */
  start(): Promise<number>;
  /** Stops respawning and ends every shard process (each exits cleanly on SIGTERM); bounded in time. */
  stop(): Promise<void>;
}

/** Discord allows one identify per 5 s per bucket: spacing the spawns keeps children from queueing behind it. */
const spawnDelayMs = 5500;
const shardReadyTimeoutMs = 30_000;
const stopCapMs = 3500;

/**
 * Discord's recommendation from GET /gateway/bot. discord.js's own `auto` always asks discord.com,
 * so this goes through a REST client that honours DISCORD_API_URL.
 */
async function recommendedShardCount(token: string, apiUrl: string | undefined): Promise<number> {
  const { shards } = (await restClient(token, apiUrl).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return shards;
}

function exited(child: ChildProcess | null): Promise<unknown> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return once(child, 'exit');
}

export function createShardManager(options: ShardManagerOptions): ShardManager {
  const { logger } = options;
  let manager: ShardingManager | undefined;

  const watch = (shard: Shard) => {
    logger.info({ shard: shard.id }, 'shard process spawned');
    shard.on('death', (child) => {
      const exitCode = 'exitCode' in child ? child.exitCode : undefined;
      // Deaths while stopping are expected; any other is news (discord.js respawns the shard).
      const level = manager?.respawn ? 'warn' : 'debug';
      logger[level]({ shard: shard.id, exitCode }, 'shard process exited');
    });
  };

  return {
    async start() {
      const count =
        options.shards === 'auto'
          ? await recommendedShardCount(options.token, options.apiUrl)
          : options.shards;
      manager = new ShardingManager(options.file, {
        totalShards: count,
        token: options.token,
        // The children need the same loader flags (tsx) as this process to run TypeScript.
        execArgv: process.execArgv,
        respawn: true,
      });
      manager.on('shardCreate', watch);
      await manager.spawn({
        amount: count,
        delay: options.spawnWithoutDelay ? 0 : spawnDelayMs,
        timeout: shardReadyTimeoutMs,
      });
      return count;
    },

    async stop() {
      if (!manager) return;
      manager.respawn = false;
      const shards = [...manager.shards.values()];
      const exits = shards.map((shard) => exited(shard.process));
      for (const shard of shards) shard.kill();
      await Promise.race([Promise.all(exits), sleep(stopCapMs, undefined, { ref: false })]);
    },
  };
}
