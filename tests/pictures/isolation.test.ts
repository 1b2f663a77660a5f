import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../src/pictures/', import.meta.url);

describe('src/pictures', () => {
  it('imports nothing from other folders of src/ (they change under it; callers pass plain inputs)', () => {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
      for (const specifier of specifiers) {
        expect(specifier.startsWith('../'), `${file} imports ${specifier}`).toBe(false);
      }
    }
  });
});
