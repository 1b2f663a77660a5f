import { DataError, formatDataReport } from '../knowledge/problems.ts';
import type { Logger } from '../logger.ts';

/** Hard stop: whatever hangs, the process is gone within 5 s of the signal. */
const shutdownDeadlineMs = 4500;

/** A stray rejection is logged and survived; a synchronous throw nobody caught is logged, then fatal. */
export function logProcessErrors(logger: Logger): void {
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
}

/**
 * Start-up stops on any error. Bad data is printed as check-data's report on stderr, one line per
 * problem (a JSON log line with a stack trace would bury them); anything else is one fatal log line.
 */
export function exitOnStartupError(logger: Logger, err: unknown): never {
  if (err instanceof DataError) console.error(formatDataReport(err.dir, err.problems));
  else logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}

/**
 * On SIGINT or SIGTERM (or, for a shard, its manager going away), runs `stop` and exits 0, within
 * the deadline whatever `stop` does.
 */
export function exitOnSignals(logger: Logger, stop: () => Promise<void>, isShardChild: boolean): void {
  const onSignal = (signal: NodeJS.Signals | 'disconnect') => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn({ deadlineMs: shutdownDeadlineMs }, 'shutdown deadline reached; exiting anyway');
      process.exit(0);
    }, shutdownDeadlineMs).unref();
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(0);
      },
    );
  };
  // `once`: a second Ctrl-C falls through to Node's default and ends the process at once.
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  // A shard process whose manager died would otherwise live on, unmanaged.
  if (isShardChild) process.once('disconnect', () => onSignal('disconnect'));
}
