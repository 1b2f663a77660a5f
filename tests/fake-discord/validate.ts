import { ApplicationCommandType, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { commandLimits, discordLimits as limits } from './limits.ts';

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

const fewer = (max: number) => `Must be ${max} or fewer in length.`;
const between = (min: number, max: number) => `Must be between ${min} and ${max} in length.`;

function tooLong(problems: Record<string, string>, path: string, value: unknown, max: number): void {
  if (text(value).length > max) problems[path] = fewer(max);
}

/** The characters of one embed that count towards the total shared by a message's embeds. */
export function embedLength(embed: object): number {
  const { title, description, footer, author, fields: given } = embed as Json;
  const fields = Array.isArray(given) ? given.filter(isObject) : [];
  return (
    text(title).length +
    text(description).length +
    (isObject(footer) ? text(footer.text).length : 0) +
    (isObject(author) ? text(author.name).length : 0) +
    fields.reduce((sum, field) => sum + text(field.name).length + text(field.value).length, 0)
  );
}

function checkEmbed(problems: Record<string, string>, embed: Json, at: string): void {
  tooLong(problems, `${at}.title`, embed.title, limits.embedTitle);
  tooLong(problems, `${at}.description`, embed.description, limits.embedDescription);
  if (isObject(embed.footer)) tooLong(problems, `${at}.footer.text`, embed.footer.text, limits.footerText);
  if (isObject(embed.author)) tooLong(problems, `${at}.author.name`, embed.author.name, limits.authorName);
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  if (fields.length > limits.embedFields) problems[`${at}.fields`] = fewer(limits.embedFields);
  fields.filter(isObject).forEach((field, i) => {
    tooLong(problems, `${at}.fields.${i}.name`, field.name, limits.fieldName);
    tooLong(problems, `${at}.fields.${i}.value`, field.value, limits.fieldValue);
    if (text(field.name) === '') problems[`${at}.fields.${i}.name`] = 'This field is required';
    if (text(field.value) === '') problems[`${at}.fields.${i}.value`] = 'This field is required';
  });
}

function checkComponents(problems: Record<string, string>, rows: unknown[]): void {
  if (rows.length > limits.rowsPerMessage) problems.components = fewer(limits.rowsPerMessage);
  rows.filter(isObject).forEach((row, r) => {
    const children = Array.isArray(row.components) ? row.components.filter(isObject) : [];
    if (children.length > limits.buttonsPerRow)
      problems[`components.${r}.components`] = fewer(limits.buttonsPerRow);
    children.forEach((child, c) => {
      tooLong(problems, `components.${r}.components.${c}.custom_id`, child.custom_id, limits.customId);
      tooLong(problems, `components.${r}.components.${c}.label`, child.label, limits.buttonLabel);
    });
  });
}

/** A message create/edit body; `creating` also rejects an empty message. */
export function checkMessage(body: unknown, creating: boolean): DiscordError | null {
  if (!isObject(body)) return invalid({ _: 'Body must be a JSON object' });
  const problems: Record<string, string> = {};
  tooLong(problems, 'content', body.content, limits.content);
  const embeds = Array.isArray(body.embeds) ? body.embeds.filter(isObject) : [];
  if (embeds.length > limits.embedsPerMessage) problems.embeds = fewer(limits.embedsPerMessage);
  embeds.forEach((embed, i) => {
    checkEmbed(problems, embed, `embeds.${i}`);
  });
  if (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > limits.embedTotal) {
    problems.embeds = `Embed size exceeds maximum size of ${limits.embedTotal}`;
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
  if (choices.length > limits.choices) problems['data.choices'] = fewer(limits.choices);
  choices.filter(isObject).forEach((choice, i) => {
    const name = text(choice.name);
    if (name.length < 1 || name.length > limits.choiceName)
      problems[`data.choices.${i}.name`] = between(1, limits.choiceName);
    if (typeof choice.value === 'string')
      tooLong(problems, `data.choices.${i}.value`, choice.value, limits.choiceValue);
  });
  return invalid(problems);
}

const COMMAND_NAME = new RegExp(`^[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,${commandLimits.name}}$`, 'u');

/** Chat-input commands and options: lower-case names and a description; context menus only a name. */
function checkNamed(problems: Record<string, string>, item: Json, at: string, chatInput: boolean): void {
  const name = text(item.name);
  if (!chatInput) {
    if (name.length < 1 || name.length > commandLimits.name)
      problems[`${at}.name`] = between(1, commandLimits.name);
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
  if (length < 1 || length > commandLimits.description)
    problems[`${at}.description`] = between(1, commandLimits.description);
  const localized = isObject(item.description_localizations)
    ? Object.entries(item.description_localizations)
    : [];
  for (const [locale, value] of localized)
    tooLong(problems, `${at}.description_localizations.${locale}`, value, commandLimits.description);
  const options = Array.isArray(item.options) ? item.options.filter(isObject) : [];
  if (options.length > commandLimits.options) problems[`${at}.options`] = fewer(commandLimits.options);
  options.forEach((option, i) => {
    checkNamed(problems, option, `${at}.options.${i}`, true);
    const choices = Array.isArray(option.choices) ? option.choices : [];
    if (choices.length > commandLimits.optionChoices)
      problems[`${at}.options.${i}.choices`] = fewer(commandLimits.optionChoices);
  });
}

/** The body of a bulk-overwrite `PUT .../commands`. */
export function checkCommands(body: unknown): DiscordError | null {
  if (!Array.isArray(body)) return invalid({ _: 'Expected an array of commands' });
  const problems: Record<string, string> = {};
  if (body.length > commandLimits.commands) problems._ = fewer(commandLimits.commands);
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
