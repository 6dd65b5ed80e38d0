import { READING_COLUMN_WIDTH } from '../../src/diagrams/settings.ts';
import { readArticle } from '../../src/article/chapters.ts';
import { test, expect, ONCE, sidewaysScroll } from './fixtures.ts';

/** Chapter slugs in reading order, from content/chapters/ through the article model. */
const CHAPTER_SLUGS = readArticle().chapters.map((chapter) => chapter.id);

for (const colorScheme of ['light', 'dark'] as const) {
  test(
    `every chapter shows at least one named, visible diagram in the ${colorScheme} theme`,
    ONCE,
    async ({ page, site, problems }) => {
      await page.emulateMedia({ colorScheme });
      for (const slug of CHAPTER_SLUGS) {
        await page.goto(site(`chapters/${slug}/`));
        const figures = page.locator('.prose figure.diagram');
        expect(await figures.count(), slug).toBeGreaterThanOrEqual(1);
        for (const figure of await figures.all()) {
          const caption = (await figure.locator('figcaption').textContent())!.trim();
          expect(caption.length, slug).toBeGreaterThan(5);
          const image = figure.getByRole('img', { name: caption, exact: true });
          await expect(image, `${slug}: ${caption}`).toBeVisible();
          const box = (await image.boundingBox())!;
          expect(box.width).toBeGreaterThan(100);
          expect(box.height).toBeGreaterThan(50);
          // Labels are drawn in the page's text colour, whatever the theme.
          const [labelFill, textColour] = await figure.evaluate((element) => [
            getComputedStyle(element.querySelector('.node text')!).fill,
            getComputedStyle(document.body).color,
          ]);
          expect(labelFill, slug).toBe(textColour);
        }
      }
      expect(problems).toEqual([]);
    },
  );
}

test(
  'on a desk, a diagram has the reading column the build warns about exceeding',
  ONCE,
  async ({ page, site, problems }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(site('chapters/energy/'));
    const canvas = page.locator('.prose .diagram__canvas').first();
    expect(await canvas.evaluate((element) => element.clientWidth)).toBe(READING_COLUMN_WIDTH);
    expect(problems).toEqual([]);
  },
);

test(
  'on a 360 px phone the page never scrolls sideways and labels stay legible',
  ONCE,
  async ({ page, site, problems }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    let scrolled = 0;
    for (const slug of CHAPTER_SLUGS) {
      await page.goto(site(`chapters/${slug}/`));
      expect(await sidewaysScroll(page), slug).toBeLessThanOrEqual(0);
      for (const svg of await page.locator('.diagram__svg').all()) {
        await expect(svg).toBeVisible();
        const scale = await svg.evaluate(
          (element) =>
            element.getBoundingClientRect().width /
            (element as SVGSVGElement).viewBox.baseVal.width,
        );
        expect(scale * 16, `${slug}: label size in px`).toBeGreaterThanOrEqual(11);
      }
      // A diagram too wide to shrink further scrolls inside its box, and the keyboard can scroll it.
      for (const canvas of await page.locator('.diagram__canvas').all()) {
        const scrolls = await canvas.evaluate(
          (element) => element.scrollWidth > element.clientWidth,
        );
        if (!scrolls) continue;
        await canvas.focus();
        await page.keyboard.press('ArrowRight');
        await expect
          .poll(() => canvas.evaluate((element) => element.scrollLeft), slug)
          .toBeGreaterThan(0);
        scrolled += 1;
      }
    }
    expect(scrolled, 'the widest diagrams exercise the scrolling path').toBeGreaterThan(0);
    expect(problems).toEqual([]);
  },
);

test(
  'labels are drawn in the font they were measured in, so they fill their measured space exactly',
  ONCE,
  async ({ page, site, problems }) => {
    let measured = 0;
    for (const slug of CHAPTER_SLUGS) {
      await page.goto(site(`chapters/${slug}/`));
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.fonts.check('16px "Diagram Labels"')), slug).toBe(
        true,
      );
      // Mermaid sizes an edge label's background to the text it measured (plus a little padding): a
      // different font on the page would make the text overrun it or fall visibly short.
      const ratios = await page.locator('.diagram__svg .edgeLabel').evaluateAll((labels) =>
        labels.map((label) => {
          const space = label.querySelector('rect.background')!.getBoundingClientRect().width;
          return {
            text: label.textContent,
            ratio: label.querySelector('text')!.getBoundingClientRect().width / space,
          };
        }),
      );
      for (const { text, ratio } of ratios) {
        expect(ratio, `${slug}: ${text}`).toBeGreaterThan(0.93);
        expect(ratio, `${slug}: ${text}`).toBeLessThanOrEqual(1);
      }
      measured += ratios.length;
    }
    expect(measured).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  },
);

test(
  'the text alternative lists the relations and opens from the keyboard',
  ONCE,
  async ({ page, site, problems }) => {
    await page.goto(site('chapters/history/'));
    const figure = page.locator('figure.diagram').first();
    const summary = figure.getByText('Diagram as text');
    await summary.focus();
    await page.keyboard.press('Enter');
    const items = figure.getByRole('listitem');
    await expect(items.first()).toBeVisible();
    await expect(items).toContainText(['Russian Empire (19th century) → Soviet Union']);
    expect(problems).toEqual([]);
  },
);

test(
  'in print, diagrams are black on white and fit the page width',
  ONCE,
  async ({ page, site, problems }) => {
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    await page.goto(site('chapters/energy/'));
    const figure = page.locator('figure.diagram').first();
    const { fill, stroke, background, svgWidth, bodyWidth, breakInside } = await figure.evaluate(
      (element) => ({
        fill: getComputedStyle(element.querySelector('.node text')!).fill,
        stroke: getComputedStyle(element.querySelector('.node rect')!).stroke,
        background: getComputedStyle(element).backgroundColor,
        svgWidth: element.querySelector('svg')!.getBoundingClientRect().width,
        bodyWidth: document.body.getBoundingClientRect().width,
        // The caption and drawing never split; the opened text list after them may run on.
        breakInside: getComputedStyle(element.querySelector('.diagram__canvas')!).breakInside,
      }),
    );
    expect(fill).toBe('rgb(0, 0, 0)');
    expect(stroke).toBe('rgb(0, 0, 0)');
    expect(background).toBe('rgb(255, 255, 255)');
    expect(svgWidth).toBeLessThanOrEqual(bodyWidth);
    expect(breakInside).toBe('avoid');
    expect(problems).toEqual([]);
  },
);

test(
  'the whole-article page draws its diagrams exactly as the chapters do',
  ONCE,
  async ({ page, site, problems }) => {
    await page.goto(site('print/'));
    const svgs = page.locator('.diagram__svg');
    expect(await svgs.count()).toBeGreaterThanOrEqual(8);
    const styles = await svgs.evaluateAll((elements) =>
      elements.map((svg) => ({
        font: getComputedStyle(svg.querySelector('text')!).fontFamily,
        nodeFill: getComputedStyle(svg.querySelector('.node rect, .node polygon, .node path')!)
          .fill,
      })),
    );
    for (const style of styles) {
      expect(style.font).toContain('Diagram Labels');
      expect(
        style.nodeFill,
        'nodes are filled from the theme, not Mermaid’s black default',
      ).not.toBe('rgb(0, 0, 0)');
    }
    expect(problems).toEqual([]);
  },
);
