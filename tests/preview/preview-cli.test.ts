import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buttonInteraction,
  commandInteraction,
  messageCommandInteraction,
  parseCommandLine,
} from '../../src/cli/command-line.ts';
import { responseAsText } from '../../src/cli/text.ts';
import { answer } from '../context.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The preview CLI as a user runs it, in its own process. */
function preview(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/preview.ts', ...args],
      { cwd: root, timeout: 100_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// Spawned together: each process costs about a second to start.
const message = "Thae's memoir says Jo Song-gil feared the reign of terror. 태영호가 말했다.";

let runs: Record<'text' | 'json' | 'autocomplete' | 'click' | 'miss' | 'bad' | 'message' | 'messageBad', Run>;
beforeAll(async () => {
  const [text, json, autocomplete, click, miss, bad, messageJson, messageBad] = await Promise.all([
    preview('/defector name:cho song gil'),
    preview('--json', '/timeline', 'person:"thae yong ho"', 'from:2016'),
    preview('--autocomplete', '--locale', 'ko', '/defector name:태'),
    preview('--json', '--click', 'timeline:2:'),
    preview('--locale', 'ko', '/defector name:qqzzx'),
    preview('/defector nme:jo'),
    preview('--json', '--locale', 'ko', '--message', message),
    preview('--message', 'x', '/about'),
  ]);
  runs = { text, json, autocomplete, click, miss, bad, message: messageJson, messageBad } as typeof runs;
  // Each process loads the data and builds the indexes; on a busy shared machine that takes a while.
}, 120_000);

describe('npm run preview', () => {
  it('renders a reply as readable text: title, fields, sources, buttons with their ids', () => {
    const { code, stdout } = runs.text;
    expect(code).toBe(0);
    expect(stdout).toContain('== Jo Song-gil (조성길) ==');
    expect(stdout).toMatch(/^-- Sources$/m);
    expect(stdout).toMatch(/^buttons: .*\[Timeline\] timeline:1:person=jo-song-gil/m);
  });

  it('prints with --json exactly the response the core returns, and nothing else', () => {
    const { code, stdout } = runs.json;
    expect(code).toBe(0);
    const line = '/timeline person:"thae yong ho" from:2016';
    expect(JSON.parse(stdout)).toEqual(answer(commandInteraction(parseCommandLine(line), 'en-US')));
  });

  it('answers --autocomplete with the choices for the last option, in the given locale', () => {
    const { code, stdout } = runs.autocomplete;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^태영호 — .*->\s+thae-yong-ho$/m);
  });

  it('presses a button with --click and prints the type 7 update', () => {
    const { code, stdout } = runs.click;
    expect(code).toBe(0);
    const response = JSON.parse(stdout);
    expect(response.type).toBe(InteractionResponseType.UpdateMessage);
    expect(response).toEqual(answer(buttonInteraction('timeline:2:', 'en-US')));
  });

  it('runs the message command with --message: exactly the response the core returns', () => {
    const { code, stdout } = runs.message;
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(answer(messageCommandInteraction({ content: message }, 'ko')));
  });

  it('renders the message command as text: private, the list of mentions, the buttons', () => {
    const text = responseAsText(answer(messageCommandInteraction({ content: message }, 'en-US')));
    expect(text).toMatch(/^\(only you can see this\)$/m);
    expect(text).toContain('== Mentioned in this message ==');
    expect(text).toMatch(/^• \*\*Thae Yong-ho\*\* \(태영호\)$/m);
    expect(text).toMatch(/^buttons: .*\[Reign of terror\] motive:reign-of-terror/m);
  });

  it('refuses --message together with a command line', () => {
    expect(runs.messageBad.code).toBe(2);
    expect(runs.messageBad.stderr).toContain('--message takes no command line');
  });

  it('exits 0 for a miss, which the bot handles', () => {
    expect(runs.miss.code).toBe(0);
    expect(runs.miss.stdout).toContain('qqzzx');
  });

  it('exits 2 with a usage line for a line it cannot parse', () => {
    expect(runs.bad.code).toBe(2);
    expect(runs.bad.stdout).toBe('');
    expect(runs.bad.stderr).toMatch(/^usage: npm run preview/m);
    expect(runs.bad.stderr).toContain('unexpected text "nme:jo"');
  });
});
