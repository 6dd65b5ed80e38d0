import { existsSync, readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { DOMParser } from 'linkedom';

interface SiteFixtures {
  /** Absolute URL of a path inside the served site, e.g. `site('chapters/energy/')`. */
  site: (path?: string) => string;
  /** Console errors, page errors and requests to other origins seen during the test; must stay empty. */
  problems: string[];
}

export const test = base.extend<SiteFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use, testInfo) => {
    // The same tests run against the root build and the sub-path build (see playwright.config.ts).
    const variable = testInfo.project.name === 'subpath' ? 'SITE_SUBPATH_URL' : 'SITE_ROOT_URL';
    const root = process.env[variable];
    if (!root)
      throw new Error(`${variable} is unset: the e2e global setup did not start the server.`);
    await use((path = '') => new URL(path.replace(/^\/+/, ''), root).href);
  },
  problems: async ({ page, site }, use) => {
    const origin = new URL(site()).origin;
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium logs the 404 status of a page the test opened on purpose; the tests assert it themselves.
      if (/status of 404/.test(message.text()) && message.location().url === page.url()) return;
      problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (/^(data|blob|about):/.test(url)) return;
      if (new URL(url).origin !== origin)
        problems.push(`request to another origin from ${page.url()}: ${url}`);
    });
    await use(problems);
    expect(problems, 'no console errors and no requests leaving the origin').toEqual([]);
  },
});

export { expect };

/**
 * The tag of a test whose outcome the base path cannot change (an audit, a theme, a byte count, a
 * drawing): it runs against the root build only (see playwright.config.ts). A test that follows or
 * reads a URL of the site runs against both builds.
 */
export const ONCE = { tag: '@once' };

/**
 * The tag of a per-page check that the root's one test per page (pages.spec.ts) already makes in
 * its own load: it runs against the sub-path build only.
 */
export const SUBPATH = { tag: '@subpath' };

/** How far the page scrolls sideways, in CSS pixels: what a reader on a narrow screen must not meet. */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Every page listed in the built sitemap, as URLs on the local server. */
export async function sitemapUrls(page: Page, site: (path?: string) => string): Promise<string[]> {
  const index = await (await page.request.get(site('sitemap-index.xml'))).text();
  const urls: string[] = [];
  for (const sitemapUrl of sitemapLocations(index)) {
    const sitemap = await (await page.request.get(toServed(sitemapUrl, site))).text();
    for (const loc of sitemapLocations(sitemap)) urls.push(toServed(loc, site));
  }
  return urls;
}

/** Sitemap entries carry the public SITE_URL; fetch them from the local server instead. */
function toServed(publicUrl: string, site: (path?: string) => string): string {
  const served = new URL(site());
  const url = new URL(publicUrl);
  return new URL(url.pathname + url.search, served.origin).href;
}

/** The `<loc>` URLs of a sitemap (or sitemap index) file. */
function sitemapLocations(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  return [...document.querySelectorAll('loc')].map((loc) => (loc.textContent ?? '').trim());
}

/**
 * Every page of the built sitemap (`dist/`), as paths relative to the site's root (`''`,
 * `chapters/energy/`…), read when the tests are collected so each page gets tests of its own. Both
 * builds have the same pages; `site(path)` turns a path into the served URL of either.
 */
export function sitemapPaths(dist = 'dist'): string[] {
  const index = `${dist}/sitemap-index.xml`;
  if (!existsSync(index))
    throw new Error(`${index} not found: run \`npm run build && npm run build:subpath\` first.`);
  return sitemapLocations(readFileSync(index, 'utf8'))
    .flatMap((sitemap) =>
      sitemapLocations(readFileSync(`${dist}/${new URL(sitemap).pathname.slice(1)}`, 'utf8')),
    )
    .map((loc) => new URL(loc).pathname.slice(1));
}
