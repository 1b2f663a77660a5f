import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { npmScriptCommand } from '../npm-script.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/**
 * Children run from this directory, not the repository root, so a developer's `.env` there (which the
 * entry points load from the working directory) cannot leak a real token or settings into a test.
 */
const cwd = fileURLToPath(new URL('.', import.meta.url));

export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

export interface BotProcess {
  child: ChildProcess;
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the first log line (already seen or still to come) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running; for `afterAll`, so a failed test never leaves a bot behind. */
  kill(): Promise<void>;
}

/**
 * Runs an entry point (a path from the repository root): compiled JavaScript with plain node, a
 * TypeScript file with tsx's loader. Only the given environment plus PATH and HOME reach it, so the
 * developer's shell cannot leak in. Stdout is read as pino JSON lines.
 */
export function startProcess(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
  nodeOptions: string[] = [],
): BotProcess {
  const child = spawn(
    process.execPath,
    [...nodeOptions, ...(entry.endsWith('.ts') ? ['--import', tsxLoader] : []), join(root, entry), ...args],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: LogLine[] = [];
  let stderr = '';
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line, raw: true });
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let ended = false;
  const exited = once(child, 'exit').then(([code, signal]) => {
    ended = true;
    for (const wake of waiters) wake();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });

  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find(predicate);
          if (found) {
            cleanup();
            resolve(found);
          } else if (ended) {
            cleanup();
            reject(new Error(`process exited before the expected log line; stderr:\n${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching log line in ${timeoutMs} ms; stderr:\n${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (!ended) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Runs what `npm run <name>` runs (built `dist/`, same node flags and environment), minus npm. */
export function startNpmScript(
  name: string,
  env: Record<string, string>,
  nodeOptions: string[] = [],
): BotProcess {
  const command = npmScriptCommand(name);
  return startProcess(command.entry, { ...command.env, ...env }, [], [...command.nodeFlags, ...nodeOptions]);
}

/** The bot as `npm start` runs it, against a fake Discord, with debug logs and the test hooks on. */
export function startBot(apiUrl: string, env: Record<string, string> = {}): BotProcess {
  return startNpmScript('start', {
    DISCORD_TOKEN: 'test-token',
    DISCORD_API_URL: apiUrl,
    LOG_LEVEL: 'debug',
    BOT_TEST_HOOKS: '1',
    ...env,
  });
}

export const isReady = (line: LogLine) => line.msg === 'ready';
