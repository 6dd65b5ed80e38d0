import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';

/** Every tag of WCAG 2.2 levels A and AA, as axe-core names them. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

type AxeWindow = Window & {
  axe?: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };
};

/**
 * axe-core's WCAG 2.2 A/AA violations in the page as it is now (theme, viewport, open dialogs), one
 * line each: "what: rule (impact) help — targets". axe-core is put into the document once and run
 * there directly. The site's pages have no frames, so the frame-by-frame audit of
 * @axe-core/playwright, which opens a page of its own to finish each run and costs five times as
 * much, would add nothing; a page that gains a frame fails here, to say so.
 */
export async function axeViolations(
  page: Page,
  what: string,
  options: { include?: string } = {},
): Promise<string[]> {
  if (page.frames().length > 1)
    throw new Error(
      `${page.url()} has frames: audit it with @axe-core/playwright, which enters them`,
    );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ include, tags }) => {
      const { axe } = window as AxeWindow;
      const results = await axe!.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      }));
    },
    { include: options.include, tags: WCAG_22_AA },
  );
  return violations.map(
    (v) => `${what}: ${v.id} (${v.impact ?? 'no impact'}) ${v.help} — ${v.targets.join(', ')}`,
  );
}
