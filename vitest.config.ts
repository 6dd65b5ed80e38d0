import { defineConfig } from 'vitest/config';

/**
 * Three projects, run by `npm run test:unit`, `test:build` and `test:fixtures`:
 * - unit: pure functions and data files; no build, no browser, no server: seconds on a fresh clone.
 * - build: the built site in dist/ (the guard stops them with a clear message when it is missing)
 *   and the build's own browser steps (diagram rendering, PDFs).
 * - fixtures: copies of the project, broken on purpose and built, to read the build's errors.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/require-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'fixtures',
          include: ['tests/fixtures/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
