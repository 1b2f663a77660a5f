/**
 * User text echoed back must render as the plain text it was: no markdown, no mentions, no links.
 * `allowed_mentions` stays locked as well; this keeps the text from even looking like a ping.
 */

const zeroWidth = '\u200b';

/** Breaks `@everyone`, `@here`, `<@123>`, `<@&123>`, `<#123>` and `</cmd:1>` so they stay plain text. */
function defuseMentions(text: string): string {
  return text.replace(/@/g, `@${zeroWidth}`).replace(/<(?=[@#/:a])/g, `<${zeroWidth}`);
}

/**
 * User text shown as inline code, cut to `max` characters. Markdown does not apply inside code, so
 * only the backtick that would close it early is replaced (by a look-alike) and lines are joined.
 */
export function inlineCode(text: string, max = 100): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()];
  const shown = flat.length > max ? `${flat.slice(0, max - 1).join('')}…` : flat.join('');
  const safe = defuseMentions(shown.replace(/`/g, 'ˋ'));
  return `\`${safe === '' ? zeroWidth : safe}\``;
}
