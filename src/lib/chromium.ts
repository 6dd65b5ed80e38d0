import { existsSync } from 'node:fs';
import type { Browser, LaunchOptions } from 'playwright-core';

/** Flags that keep a sandboxed, offline Chromium from reaching out or stalling at start. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Which Chromium to drive: `CHROMIUM_PATH` if set, else Debian's `/usr/bin/chromium` when present,
 * else Playwright's own browser (`npx playwright install chromium`).
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = chromiumExecutable(env);
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}

/**
 * Starts the Chromium `chromiumLaunchOptions` names. Playwright is loaded only then: a build whose
 * diagrams and cards all come from their caches never loads it.
 */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch(chromiumLaunchOptions(env));
}
