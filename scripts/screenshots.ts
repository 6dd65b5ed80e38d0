/**
 * Screenshots of built pages on a phone and a desk, light and dark, for a human to look at:
 * `npm run screenshots -- chapters/energy/ index` writes PNGs into `screenshots/` (not committed).
 * `--full` captures whole pages rather than the first screen; `--dist=DIR` and `--base=/path/`
 * shoot another build.
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    full: { type: 'boolean', default: process.env.FULL === '1' },
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
  },
});
const pages = positionals.length ? positionals : ['', 'chapters/incident-chain/'];
const viewports = { phone: { width: 360, height: 780 }, desk: { width: 1366, height: 900 } };
const outDir = 'screenshots';

const site = await serveStatic(values.dist, values.base);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  await mkdir(outDir, { recursive: true });
  for (const path of pages) {
    for (const [device, viewport] of Object.entries(viewports)) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
        await page.goto(site.url + path.replace(/^index$/, ''));
        const name = `${outDir}/${path.replace(/\W+/g, '-') || 'home'}-${device}-${scheme}.png`;
        await page.screenshot({ path: name, fullPage: values.full });
        console.log(name);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await site.stop();
}
