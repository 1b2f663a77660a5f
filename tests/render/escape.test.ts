import { describe, expect, it } from 'vitest';
import { escapeText, inlineCode } from '../../src/render/escape.ts';

describe('escapeText', () => {
  it('escapes markdown so it shows as typed', () => {
    expect(escapeText('**bold** _it_ ~~s~~ ||spoiler|| > quote `code`')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\> quote \\`code\\`',
    );
  });

  it('breaks every kind of mention', () => {
    const text = escapeText('@everyone @here <@123> <@!123> <@&456> <#789>');
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d/);
  });
});

describe('inlineCode', () => {
  it('cannot be closed early by a backtick and keeps to one line', () => {
    const code = inlineCode('a`b\n@everyone');
    expect(code.startsWith('`') && code.endsWith('`')).toBe(true);
    expect(code.slice(1, -1)).not.toContain('`');
    expect(code).not.toContain('\n');
    expect(code).not.toContain('@everyone');
  });

  it('cuts long text and is never empty', () => {
    expect([...inlineCode('x'.repeat(500))].length).toBeLessThanOrEqual(102);
    expect(inlineCode('   ').length).toBeGreaterThan(2);
  });
});
