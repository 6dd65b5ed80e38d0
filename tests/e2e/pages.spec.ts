import { test, expect, sitemapPaths, ONCE } from './fixtures.ts';
import { axeViolations } from '../support/axe.ts';
import { budgetOverruns } from '../page-budgets.ts';
import { WEIGHED_VIEWPORT, weighPageLoad } from '../../scripts/lib/page-weight.ts';

const VIEWPORTS = { desk: { width: 1280, height: 800 }, phone: { width: 360, height: 780 } };

// What must hold on every page whatever its base path, checked at the root in one test per page
// that loads it once: a load costs more than any one check. (Under the sub-path, reading.spec.ts
// checks each page answers with one h1; the console errors are the `problems` fixture's.) The load
// is a first visit (each test has a fresh context), weighed against the page's byte budget.
test.use({ viewport: WEIGHED_VIEWPORT });

for (const path of sitemapPaths()) {
  test(
    `/${path}: answers 200 within its first-view byte budget, with one h1 and one main, axe finds no WCAG 2.2 A/AA violation (light and dark, desk and phone), ids are unique, no Mermaid is loaded or carried`,
    ONCE,
    async ({ page, site, problems }) => {
      const scriptUrls = new Set<string>();
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scriptUrls.add(request.url());
      });
      const url = site(path);
      const { weight, status } = await weighPageLoad(page, url, new URL(url).pathname);
      expect(status).toBe(200);
      expect(budgetOverruns(weight, new URL(site()).pathname)).toEqual([]);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('main')).toHaveCount(1);

      // Diagrams are drawn at build time: no Mermaid in the page, its scripts or its source.
      const html = await page.content();
      expect(html).not.toMatch(/accTitle|flowchart (TD|LR)|-->/);
      const inlineScripts = await page
        .locator('script')
        .evaluateAll((els) => els.map((el) => el.textContent ?? ''));
      for (const body of inlineScripts) expect(body.toLowerCase()).not.toContain('mermaid');
      expect(scriptUrls.size, 'site.js at least').toBeGreaterThan(0);
      for (const url of scriptUrls) {
        const body = await (await page.request.get(url)).text();
        expect(body.toLowerCase(), url).not.toContain('mermaid');
      }
      const ids = await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id));
      expect(ids.length).toBe(new Set(ids).size);

      const report: string[] = [];
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          report.push(...(await axeViolations(page, `${scheme}, ${device}`)));
        }
      }
      expect(report).toEqual([]);
      expect(problems).toEqual([]);
    },
  );
}
