import { test, expect, sitemapPaths, ONCE } from './fixtures.ts';
import { axeViolations } from '../support/axe.ts';

const VIEWPORTS = { desk: { width: 1280, height: 800 }, phone: { width: 360, height: 780 } };

// One test per page: loaded once, then audited in both themes on a desk and on a phone.
for (const path of sitemapPaths()) {
  test(
    `axe finds no WCAG 2.2 A/AA violation on /${path} (light and dark, desk and phone)`,
    ONCE,
    async ({ page, site, problems }) => {
      await page.goto(site(path));
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

// The audit above runs axe-core itself (tests/support/axe.ts): it must report what it is shown.
test('the audit reports violations, in either theme', ONCE, async ({ page }) => {
  await page.setContent(
    `<html lang="en"><head><title>Broken</title><style>
      p { color: #777; background: #fff; }
      @media (prefers-color-scheme: dark) { p { color: #444; background: #000; } }
    </style></head><body><main><img src="data:,"><p>Faint text</p></main></body></html>`,
  );
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const report = await axeViolations(page, scheme);
    expect(report.map((line) => line.split(' ')[1])).toEqual(['color-contrast', 'image-alt']);
  }
});
