import { describe, expect, it } from 'vitest';
import { inlineCode } from '../../src/render/escape.ts';

describe('inlineCode', () => {
  it('cannot be closed early by a backtick and keeps to one line', () => {
    const code = inlineCode('a`b\n@everyone');
    expect(code.startsWith('`') && code.endsWith('`')).toBe(true);
    expect(code.slice(1, -1)).not.toContain('`');
    expect(code).not.toContain('\n');
    expect(code).not.toContain('@everyone');
  });

  it('breaks every kind of mention', () => {
    const code = inlineCode('@everyone @here <@123> <@!123> <@&456> <#789>');
    expect(code).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d/);
  });

  it('cuts long text and is never empty', () => {
    expect([...inlineCode('x'.repeat(500))].length).toBeLessThanOrEqual(102);
    expect(inlineCode('   ').length).toBeGreaterThan(2);
  });
});
