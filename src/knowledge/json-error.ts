/**
 * Where a JSON text first goes wrong, and why, in words. Node 20's `JSON.parse` names the position
 * for some errors but not for "Unexpected token", and quotes the text around it raw (a BOM, a NUL or
 * a line break included), so the loader scans the text itself to tell a maintainer the line, the
 * column and the cause. Called only after `JSON.parse` has failed.
 *
 * The scan keeps open brackets on an explicit stack rather than recursing, so nesting as deep as
 * the file allows (200,000 `[` in a row) costs memory, not call stack: recursion would throw a
 * RangeError of its own instead of locating the error.
 */
export interface JsonError {
  /** Offset of the offending character (UTF-16 code units); the text's length at its end. */
  readonly offset: number;
  /** Why, naming the character as an escape, never printing it raw: `unexpected NUL byte (U+0000)`. */
  readonly reason: string;
}

export function locateJsonError(text: string): JsonError {
  let at = 0;
  /** The closing bracket of every array or object still open, innermost last. */
  const open: string[] = [];

  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  /** `true`, `false` or `null`, up to the first character that differs. */
  const literal = (word: string): boolean => {
    for (const c of word) {
      if (text.charAt(at) !== c) return false;
      at++;
    }
    return true;
  };
  const digits = (): boolean => {
    const start = at;
    while (at < text.length && text.charAt(at) >= '0' && text.charAt(at) <= '9') at++;
    return at > start;
  };
  /** A number, up to the first character its grammar does not allow there (`5e` stops after the `e`). */
  const number = (): boolean => {
    if (text.charAt(at) === '-') at++;
    if (text.charAt(at) === '0') at++;
    else if (!digits()) return false;
    if (text.charAt(at) === '.') {
      at++;
      if (!digits()) return false;
    }
    if (text.charAt(at) === 'e' || text.charAt(at) === 'E') {
      at++;
      if (text.charAt(at) === '+' || text.charAt(at) === '-') at++;
      if (!digits()) return false;
    }
    return true;
  };
  /** Set where the cause needs more words than the unexpected character; read at the end. */
  let inString: string | undefined;
  /** A string from its opening quote; stops at the offending character if it is malformed. */
  const string = (): boolean => {
    at++;
    for (;;) {
      if (at >= text.length) return false;
      const c = text.charAt(at);
      if (c < ' ') {
        const short = shortEscapes[c];
        const written = short ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
        inString = `unexpected ${describeCharacter(c)} inside a string; write it as ${written}`;
        return false;
      }
      if (c === '"') {
        at++;
        return true;
      }
      if (c === '\\') {
        at++;
        const escaped = text.charAt(at);
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) {
            inString = 'a \\u escape needs four hex digits';
            return false;
          }
          at += 5;
        } else if (escaped !== '' && '"\\/bfnrt'.includes(escaped)) at++;
        else {
          if (escaped !== '') inString = `invalid escape: backslash before ${describeCharacter(escaped)}`;
          return false;
        }
      } else at++;
    }
  };
  /** `"key":` inside an object, up to the value. */
  const key = (): boolean => {
    space();
    if (text.charAt(at) !== '"' || !string()) return false;
    space();
    if (text.charAt(at) !== ':') return false;
    at++;
    return true;
  };
  /** A value other than an array or object. */
  const scalar = (): boolean => {
    const c = text.charAt(at);
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    return false;
  };
  /**
   * After a value: closing brackets and commas, until another value is due (true) or the text
   * goes wrong or ends (false, with `at` where).
   */
  const next = (): boolean => {
    for (;;) {
      space();
      const close = open.at(-1);
      if (close === undefined) return false;
      const c = text.charAt(at);
      if (c === close) {
        open.pop();
        at++;
      } else if (c === ',') {
        at++;
        return close === ']' || key();
      } else return false;
    }
  };

  // Where a value is due: open an array or object (its contents come round this loop, one level of
  // the stack at a time), or read a scalar and move on to the next value.
  for (;;) {
    space();
    const c = text.charAt(at);
    if (c === '[' || c === '{') {
      const close = c === '[' ? ']' : '}';
      at++;
      space();
      if (text.charAt(at) !== close) {
        open.push(close);
        if (close === ']' || key()) continue;
        break;
      }
      at++;
    } else if (!scalar()) break;
    if (!next()) break;
  }
  // A complete value followed by more text fails at that text; a complete value alone would have
  // parsed, so the end of the text is the last resort.
  const offset = Math.min(at, text.length);
  if (inString !== undefined) return { offset, reason: inString };
  if (offset >= text.length) return { offset, reason: 'unexpected end of file' };
  const c = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  return { offset, reason: `unexpected ${describeCharacter(c)}` };
}

const shortEscapes: Record<string, string> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};

const names: Record<string, string> = {
  '\u0000': 'NUL byte',
  '\t': 'tab',
  '\n': 'line break',
  '\r': 'carriage return',
  '\u00a0': 'no-break space',
};

/**
 * One character for a message, as `character ','` when it shows, or by name and code point when it
 * does not: `NUL byte (U+0000)`, `control character (U+001B)`, `invisible character (U+200B)`.
 */
export function describeCharacter(c: string): string {
  const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = names[c];
  if (c === '\ufeff') return `byte order mark (${code}) inside the text`;
  if (name !== undefined) return `${name} (${code})`;
  if (/\p{Cc}/u.test(c)) return `control character (${code})`;
  if (/\p{Zs}/u.test(c)) return `space character (${code})`;
  if (/[\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u.test(c)) return `invisible character (${code})`;
  return `character '${c}'`;
}
