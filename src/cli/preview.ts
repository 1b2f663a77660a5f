import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { APIInteraction } from 'discord-api-types/v10';
import type { BotContext } from '../commands/context.ts';
import { respondWithFiles } from '../interactions/respond.ts';
import { loadBotContext } from '../startup/context.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  CommandLineError,
  commandInteraction,
  parseCommandLine,
} from './command-line.ts';
import { responseAsText } from './text.ts';

const usage =
  "usage: npm run preview -- [--json] [--locale <code>] [--out <dir>] [--autocomplete] '/defector name:thae yong ho'\n" +
  '       npm run preview -- [--json] [--locale <code>] [--out <dir>] --click <custom_id>';

/** The interaction Discord would send for these arguments; throws CommandLineError for a bad line. */
function interactionFor(argv: string[]): { interaction: APIInteraction; json: boolean; out?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      locale: { type: 'string', default: 'en-US' },
      autocomplete: { type: 'boolean', default: false },
      click: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const line = positionals.join(' ');
  if (values.click !== undefined) {
    if (line.trim() !== '' || values.autocomplete)
      throw new CommandLineError('--click takes no command line');
    return {
      interaction: buttonInteraction(values.click, values.locale),
      json: values.json,
      out: values.out,
    };
  }
  const parsed = parseCommandLine(line, values.autocomplete);
  const interaction = values.autocomplete
    ? autocompleteInteraction(parsed, values.locale)
    : commandInteraction(parsed, values.locale);
  return { interaction, json: values.json, out: values.out };
}

async function main(argv: string[]): Promise<number> {
  let request: ReturnType<typeof interactionFor>;
  try {
    request = interactionFor(argv);
  } catch (error) {
    // parseArgs reports unknown flags with a TypeError carrying a code; both are usage errors.
    const known = error instanceof CommandLineError || (error as { code?: unknown }).code !== undefined;
    if (!known) throw error;
    process.stderr.write(`preview: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  let ctx: BotContext;
  try {
    ctx = await loadBotContext();
  } catch (error) {
    process.stderr.write(`preview: cannot load the knowledge: ${(error as Error).message}\n`);
    return 1;
  }
  const { response, files } = respondWithFiles(request.interaction, ctx, (error) =>
    process.stderr.write(`preview: the core caught ${String(error)}\n`),
  );
  process.stdout.write(
    request.json ? `${JSON.stringify(response, null, 2)}\n` : `${responseAsText(response)}\n`,
  );
  // The pictures Discord would receive as attachments, written where the user asked.
  if (request.out !== undefined && files.length > 0) {
    await mkdir(request.out, { recursive: true });
    for (const file of files) {
      const target = path.resolve(request.out, file.name);
      await writeFile(target, file.data);
      process.stderr.write(`picture: ${target} (${file.data.length} bytes) — ${file.description}\n`);
    }
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
