import { budgetFor, type Budget } from '../page-budgets.ts';
import { measurePageWeight } from '../support/page-weight.ts';
import { test, expect, sitemapUrls } from './fixtures.ts';

test('every page stays within its first-view byte budget', async ({ browser, page, site }, testInfo) => {
  test.skip(testInfo.project.name === 'subpath', 'the same bytes are measured at the root');
  test.setTimeout(120_000);
  const base = new URL(site()).pathname;
  const overruns: string[] = [];
  for (const url of await sitemapUrls(page, site)) {
    const weight = await measurePageWeight(browser, url, new URL(url).pathname);
    const budget = budgetFor(weight.path, base);
    const measured: Budget = {
      html: weight.byKind.html.gzip,
      css: weight.byKind.css.gzip,
      js: weight.byKind.js.gzip,
      font: weight.byKind.font.gzip,
      total: weight.total.gzip,
    };
    for (const kind of Object.keys(budget) as (keyof Budget)[]) {
      if (measured[kind] > budget[kind]) overruns.push(`${weight.path}: ${kind} ${measured[kind]} B gzip > budget ${budget[kind]} B`);
    }
  }
  expect(overruns).toEqual([]);
});
