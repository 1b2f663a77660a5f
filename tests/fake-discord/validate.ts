import { ApplicationCommandType, RESTJSONErrorCodes } from 'discord-api-types/v10';

/**
 * Discord's limits on what a bot sends, checked the way the API does, so a bot bug shows up as the same
 * 400 (code 50035, or 50006 for an empty message) that production would return.
 */
export interface DiscordError {
  status: number;
  body: { message: string; code: number; errors?: Record<string, string> };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function invalid(problems: Record<string, string>): DiscordError | null {
  if (Object.keys(problems).length === 0) return null;
  return {
    status: 400,
    body: {
      message: 'Invalid Form Body',
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      errors: problems,
    },
  };
}

function tooLong(problems: Record<string, string>, path: string, value: unknown, max: number): void {
  if (text(value).length > max) problems[path] = `Must be ${max} or fewer in length.`;
}

function embedLength(embed: Json): number {
  const fields = Array.isArray(embed.fields) ? embed.fields.filter(isObject) : [];
  return (
    text(embed.title).length +
    text(embed.description).length +
    (isObject(embed.footer) ? text(embed.footer.text).length : 0) +
    (isObject(embed.author) ? text(embed.author.name).length : 0) +
    fields.reduce((sum, field) => sum + text(field.name).length + text(field.value).length, 0)
  );
}

function checkEmbed(problems: Record<string, string>, embed: Json, at: string): void {
  tooLong(problems, `${at}.title`, embed.title, 256);
  tooLong(problems, `${at}.description`, embed.description, 4096);
  if (isObject(embed.footer)) tooLong(problems, `${at}.footer.text`, embed.footer.text, 2048);
  if (isObject(embed.author)) tooLong(problems, `${at}.author.name`, embed.author.name, 256);
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  if (fields.length > 25) problems[`${at}.fields`] = 'Must be 25 or fewer in length.';
  fields.filter(isObject).forEach((field, i) => {
    tooLong(problems, `${at}.fields.${i}.name`, field.name, 256);
    tooLong(problems, `${at}.fields.${i}.value`, field.value, 1024);
    if (text(field.name) === '') problems[`${at}.fields.${i}.name`] = 'This field is required';
    if (text(field.value) === '') problems[`${at}.fields.${i}.value`] = 'This field is required';
  });
}

function checkComponents(problems: Record<string, string>, rows: unknown[]): void {
  if (rows.length > 5) problems.components = 'Must be 5 or fewer in length.';
  rows.filter(isObject).forEach((row, r) => {
    const children = Array.isArray(row.components) ? row.components.filter(isObject) : [];
    if (children.length > 5) problems[`components.${r}.components`] = 'Must be 5 or fewer in length.';
    children.forEach((child, c) => {
      tooLong(problems, `components.${r}.components.${c}.custom_id`, child.custom_id, 100);
      tooLong(problems, `components.${r}.components.${c}.label`, child.label, 80);
    });
  });
}

/** A message create/edit body; `creating` also rejects an empty message. */
export function checkMessage(body: unknown, creating: boolean): DiscordError | null {
  if (!isObject(body)) return invalid({ _: 'Body must be a JSON object' });
  const problems: Record<string, string> = {};
  tooLong(problems, 'content', body.content, 2000);
  const embeds = Array.isArray(body.embeds) ? body.embeds.filter(isObject) : [];
  if (embeds.length > 10) problems.embeds = 'Must be 10 or fewer in length.';
  embeds.forEach((embed, i) => {
    checkEmbed(problems, embed, `embeds.${i}`);
  });
  if (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > 6000) {
    problems.embeds = 'Embed size exceeds maximum size of 6000';
  }
  checkComponents(problems, Array.isArray(body.components) ? body.components : []);
  const problem = invalid(problems);
  if (problem) return problem;
  const hasSomething =
    text(body.content) !== '' ||
    embeds.length > 0 ||
    (Array.isArray(body.components) && body.components.length > 0) ||
    (Array.isArray(body.attachments) && body.attachments.length > 0) ||
    isObject(body.poll);
  if (creating && !hasSomething)
    return {
      status: 400,
      body: { message: 'Cannot send an empty message', code: RESTJSONErrorCodes.CannotSendAnEmptyMessage },
    };
  return null;
}

export function checkAutocomplete(data: unknown): DiscordError | null {
  const choices = isObject(data) && Array.isArray(data.choices) ? data.choices : null;
  if (!choices) return invalid({ 'data.choices': 'This field is required' });
  const problems: Record<string, string> = {};
  if (choices.length > 25) problems['data.choices'] = 'Must be 25 or fewer in length.';
  choices.filter(isObject).forEach((choice, i) => {
    const name = text(choice.name);
    if (name.length < 1 || name.length > 100)
      problems[`data.choices.${i}.name`] = 'Must be between 1 and 100 in length.';
    if (typeof choice.value === 'string' && choice.value.length > 100) {
      problems[`data.choices.${i}.value`] = 'Must be 100 or fewer in length.';
    }
  });
  return invalid(problems);
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Chat-input commands and options: lower-case names and a description; context menus only a name. */
function checkNamed(problems: Record<string, string>, item: Json, at: string, chatInput: boolean): void {
  const name = text(item.name);
  if (!chatInput) {
    if (name.length < 1 || name.length > 32) problems[`${at}.name`] = 'Must be between 1 and 32 in length.';
    return;
  }
  if (!COMMAND_NAME.test(name) || name !== name.toLowerCase())
    problems[`${at}.name`] = 'Invalid command name';
  const localizedNames = isObject(item.name_localizations) ? Object.entries(item.name_localizations) : [];
  for (const [locale, value] of localizedNames) {
    const localized = text(value);
    if (!COMMAND_NAME.test(localized) || localized !== localized.toLowerCase()) {
      problems[`${at}.name_localizations.${locale}`] = 'Invalid command name';
    }
  }
  const length = text(item.description).length;
  if (length < 1 || length > 100) problems[`${at}.description`] = 'Must be between 1 and 100 in length.';
  const localized = isObject(item.description_localizations)
    ? Object.entries(item.description_localizations)
    : [];
  for (const [locale, value] of localized)
    tooLong(problems, `${at}.description_localizations.${locale}`, value, 100);
  const options = Array.isArray(item.options) ? item.options.filter(isObject) : [];
  if (options.length > 25) problems[`${at}.options`] = 'Must be 25 or fewer in length.';
  options.forEach((option, i) => {
    checkNamed(problems, option, `${at}.options.${i}`, true);
    const choices = Array.isArray(option.choices) ? option.choices : [];
    if (choices.length > 25) problems[`${at}.options.${i}.choices`] = 'Must be 25 or fewer in length.';
  });
}

/** The body of a bulk-overwrite `PUT .../commands`. */
export function checkCommands(body: unknown): DiscordError | null {
  if (!Array.isArray(body)) return invalid({ _: 'Expected an array of commands' });
  const problems: Record<string, string> = {};
  if (body.length > 100) problems._ = 'Must be 100 or fewer in length.';
  body.forEach((command, i) => {
    if (!isObject(command)) {
      problems[String(i)] = 'Expected an object';
      return;
    }
    const type = typeof command.type === 'number' ? command.type : ApplicationCommandType.ChatInput;
    checkNamed(problems, command, String(i), type === ApplicationCommandType.ChatInput);
  });
  return invalid(problems);
}
