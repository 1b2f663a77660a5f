import { readFileSync } from 'node:fs';

/**
 * What `npm run <name>` executes, split into environment, node flags and entry file, so that tests
 * and benchmarks start the bot exactly as `npm start` / `npm run serve` do, without npm in between
 * (npm does not pass SIGTERM on, and the tests need the process's own exit code).
 */
export interface NodeCommand {
  env: Record<string, string>;
  nodeFlags: string[];
  entry: string;
}

const packageJson = new URL('../package.json', import.meta.url);

export function npmScriptCommand(name: string): NodeCommand {
  const scripts = (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const script = scripts[name];
  if (script === undefined) throw new Error(`package.json has no script "${name}"`);
  const words = script.split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [key = '', ...value] = (words.shift() as string).split('=');
    env[key] = value.join('=');
  }
  const [node, ...rest] = words;
  const entry = rest.find((word) => !word.startsWith('-'));
  if (node !== 'node' || entry === undefined) {
    throw new Error(`script "${name}" is not of the form [VAR=value ...] node [--flags] <file>: ${script}`);
  }
  return { env, nodeFlags: rest.slice(0, rest.indexOf(entry)), entry };
}
