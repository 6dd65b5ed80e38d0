import { PAGE_BUDGETS, pageKind, type Budget } from '../page-budgets.ts';
import { measurePageWeight } from '../support/page-weight.ts';
import { test, expect, sitemapUrls } from './fixtures.ts';

test('every page stays within its first-view byte budget', async ({
  browser,
  page,
  site,
}, testInfo) => {
  test.skip(testInfo.project.name === 'subpath', 'the same bytes are measured at the root');
  test.setTimeout(120_000);
  const base = new URL(site()).pathname;
  const overruns: string[] = [];
  for (const url of await sitemapUrls(page, site)) {
    const weight = await measurePageWeight(browser, url, new URL(url).pathname);
    const kind = pageKind(weight.path, base);
    const budget = PAGE_BUDGETS[kind];
    const measured: Budget = {
      html: weight.byKind.html.gzip,
      css: weight.byKind.css.gzip,
      js: weight.byKind.js.gzip,
      font: weight.byKind.font.gzip,
      total: weight.total.gzip,
    };
    for (const resource of Object.keys(budget) as (keyof Budget)[]) {
      if (measured[resource] > budget[resource])
        overruns.push(
          `${weight.path}: ${resource} ${measured[resource]} B gzip > ${kind} budget ${budget[resource]} B`,
        );
    }
  }
  expect(overruns).toEqual([]);
});
