import { defineConfig } from 'vitest/config';

/**
 * Timed tests (a burst that must be answered within Discord's 3 s) measure the bot, not the rest
 * of the suite competing for the same two cores: they run alone, after everything else.
 */
const timed = ['tests/e2e/rest-chaos.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    // The JSON report is what .ci/run counts from; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: timed, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'timed', include: timed, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
