const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/** A fresh snowflake whose timestamp part is now, so discord.js's `createdAt` looks sane. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Discord's rule for which shard receives a guild's events. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
