import AxeBuilder from '@axe-core/playwright';
import { test, expect, sitemapPaths } from './fixtures.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const VIEWPORTS = { desk: { width: 1280, height: 800 }, phone: { width: 360, height: 780 } };

// One test per page and theme, each auditing it on a desk and a phone: a test stays well inside
// its time budget even for the pages with the largest drawings.
for (const path of sitemapPaths()) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG 2.2 A/AA violation on /${path} (${scheme}, desk and phone)`, async ({
      page,
      site,
      problems,
    }, testInfo) => {
      test.skip(testInfo.project.name === 'subpath', 'the same pages are audited at the root');
      test.setTimeout(60_000); // two audits
      const report: string[] = [];
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(site(path));
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
        for (const v of violations) {
          report.push(
            `${scheme}, ${device}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        }
      }
      expect(report).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
}
