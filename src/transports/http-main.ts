import { httpConfig } from '../config.ts';
import { exitOnDataError } from '../knowledge/problems.ts';
import { createLogger } from '../logger.ts';
import { configOrExit, loadDotEnv } from './gateway-env.ts';
import { runHttpServer } from './http.ts';

/** `npm run serve`: the interactions endpoint alone, whatever MODE says; no Gateway connection. */

loadDotEnv();
const config = configOrExit(() => httpConfig());
const logger = createLogger(config.LOG_LEVEL);
process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled promise rejection'));
try {
  await runHttpServer(config, logger);
} catch (err) {
  exitOnDataError(err);
  logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}
