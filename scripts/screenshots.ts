/**
 * Screenshots of built pages on a phone and a desk, light and dark, for a human to look at:
 * `npm run screenshots -- chapters/energy/ index` writes PNGs into `screenshots/` (not committed).
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveWithNginx } from '../tests/support/nginx.ts';

const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['', 'chapters/incident-chain/'];
const viewports = { phone: { width: 360, height: 780 }, desk: { width: 1366, height: 900 } };
const outDir = 'screenshots';

const site = await serveWithNginx('dist');
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  await mkdir(outDir, { recursive: true });
  for (const path of pages) {
    for (const [device, viewport] of Object.entries(viewports)) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
        await page.goto(site.url + path.replace(/^index$/, ''));
        const name = `${outDir}/${path.replace(/\W+/g, '-') || 'home'}-${device}-${scheme}.png`;
        await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
        console.log(name);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await site.stop();
}
