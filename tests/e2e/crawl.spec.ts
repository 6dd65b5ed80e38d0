import { parseHTML } from 'linkedom';
import { test, expect, sitemapUrls } from './fixtures.ts';

/**
 * A reader who follows every link: from every page in the sitemap, every internal link and anchor
 * must answer without a 4xx and land on an element that exists, under the strict CSP nginx sends.
 */
test('every internal link and anchor from every sitemap page resolves', async ({
  page,
  site,
  problems,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(site()).origin;
  const pages = await sitemapUrls(page, site);
  const checked = new Map<string, number>();
  // Each linked page's ids, read once however many anchors point into it.
  const ids = new Map<string, Promise<Set<string>>>();
  const idsOf = (target: string) => {
    if (!ids.has(target))
      ids.set(
        target,
        page.request
          .get(target)
          .then(async (response) => parseHTML(await response.text()).document)
          .then((document) => new Set([...document.querySelectorAll('[id]')].map((el) => el.id))),
      );
    return ids.get(target)!;
  };
  const failures: string[] = [];

  for (const pageUrl of pages) {
    const response = await page.goto(pageUrl);
    expect(response?.status(), pageUrl).toBe(200);
    expect(response?.headers()['content-security-policy'], 'nginx sends the CSP').toContain(
      "script-src 'self'",
    );
    const links = await page.$$eval('a[href], link[href], script[src], img[src]', (elements) =>
      elements.map((el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src),
    );
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== origin) {
        expect(url.protocol, `${pageUrl} links to ${link}`).toMatch(/^https?:$/);
        continue;
      }
      const target = url.origin + url.pathname + url.search;
      if (!checked.has(target)) checked.set(target, (await page.request.get(target)).status());
      const status = checked.get(target)!;
      if (status >= 400) failures.push(`${pageUrl} → ${link}: HTTP ${status}`);
      if (url.hash && status < 400 && url.pathname.endsWith('/')) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!(await idsOf(target)).has(id))
          failures.push(`${pageUrl} → ${link}: no element with id "${id}"`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(checked.size).toBeGreaterThan(pages.length);
  expect(problems).toEqual([]);
});
