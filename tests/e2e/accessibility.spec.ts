import { test, expect, ONCE } from './fixtures.ts';
import { axeViolations } from '../support/axe.ts';

// Every page is audited in pages.spec.ts by axe-core run in the page (tests/support/axe.ts): the
// audit must report what it is shown.
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
