import { PAGE_BUDGETS, pageKind, type Budget } from '../page-budgets.ts';
import { measurePageWeight } from '../../scripts/lib/page-weight.ts';
import { test, expect, sitemapPaths, ONCE } from './fixtures.ts';

for (const path of sitemapPaths()) {
  test(`/${path} stays within its first-view byte budget`, ONCE, async ({ browser, site }) => {
    const base = new URL(site()).pathname;
    const url = site(path);
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
    const overruns = (Object.keys(budget) as (keyof Budget)[])
      .filter((resource) => measured[resource] > budget[resource])
      .map(
        (resource) =>
          `${weight.path}: ${resource} ${measured[resource]} B gzip > ${kind} budget ${budget[resource]} B`,
      );
    expect(overruns).toEqual([]);
  });
}
