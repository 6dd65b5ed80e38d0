import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/lib/chromium.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    // Jumps to anchors happen at once, so assertions about scroll position need no waiting.
    contextOptions: { reducedMotion: 'reduce' },
  },
  projects: [
    // Tests tagged SUBPATH (tests/e2e/fixtures.ts) are made at the root by pages.spec.ts.
    { name: 'root', grepInvert: /@subpath/ },
    // The suite again against the build for /explainer/, as on GitHub Pages: every test that follows
    // or reads a URL of the site. Tests tagged ONCE (tests/e2e/fixtures.ts) run at the root only.
    { name: 'subpath', grepInvert: /@once/ },
  ],
});
