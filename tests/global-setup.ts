import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Builds `dist/` once before the tests, because the end-to-end tests run the bot the way
 * `npm start` and `npm run serve` do: the compiled JavaScript, not the TypeScript sources.
 */
export default function buildDist(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
