/**
 * Where a JSON text first goes wrong, as a character offset. Node 20's `JSON.parse` names the
 * position for some errors but not for "Unexpected token", so the loader scans the text itself
 * to tell a maintainer the line and column. Called only after `JSON.parse` has failed.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const char = () => text.charAt(at);
  const expect = (ok: boolean) => {
    if (!ok) throw new SyntaxAt(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(char())) at++;
  };
  const word = (w: string) => {
    for (const c of w) {
      expect(char() === c);
      at++;
    }
  };
  const string = () => {
    at++;
    for (;;) {
      expect(at < text.length && char() >= ' ');
      if (char() === '"') break;
      at += char() === '\\' ? 2 : 1;
    }
    at++;
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    expect(match !== null);
    at += match?.[0].length ?? 0;
  };
  const list = (close: string, item: () => void) => {
    at++;
    space();
    if (char() === close) {
      at++;
      return;
    }
    for (;;) {
      item();
      space();
      if (char() === close) break;
      expect(char() === ',');
      at++;
    }
    at++;
  };
  const member = () => {
    space();
    expect(char() === '"');
    string();
    space();
    expect(char() === ':');
    at++;
    value();
  };
  const value = (): void => {
    space();
    const c = char();
    if (c === '{') list('}', member);
    else if (c === '[') list(']', value);
    else if (c === '"') string();
    else if (c === 't') word('true');
    else if (c === 'f') word('false');
    else if (c === 'n') word('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else expect(false);
  };

  try {
    value();
    space();
    expect(at >= text.length);
  } catch (error) {
    if (error instanceof SyntaxAt) return Math.min(error.offset, text.length);
    throw error;
  }
  return text.length;
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}
