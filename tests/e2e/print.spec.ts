import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { readArticle } from '../../src/article/chapters.ts';
import { normalise } from '../../src/article/text.ts';
import { PAPER, mmToCssPx, printPageMarginsMm } from '../support/print-page.ts';

/** Chapter slugs in reading order, from content/chapters/ through the article model. */
const CHAPTER_SLUGS = readArticle().chapters.map((chapter) => chapter.id);
// The page area of A4 inside the print stylesheet's margins, in CSS px.
const MARGINS = printPageMarginsMm();
const PRINTABLE = {
  width: Math.floor(mmToCssPx(PAPER.a4.width - MARGINS.left - MARGINS.right)),
  height: Math.floor(mmToCssPx(PAPER.a4.height - MARGINS.top - MARGINS.bottom)),
};

/** Adds a figure far wider and taller than any page, a wide bitmap, a folded section and an outside link. */
async function addOversizedContent(page: Page): Promise<void> {
  await page.evaluate(() => {
    const prose = document.querySelector('.prose')!;
    prose.insertAdjacentHTML(
      'beforeend',
      `<figure class="diagram" data-test-added><svg viewBox="0 0 2400 6000" width="2400" height="6000" role="img" aria-label="Test"><rect width="2400" height="6000" fill="none" stroke="black"/></svg><figcaption>An oversized test figure</figcaption></figure>
       <p data-test-added><img alt="wide" width="3000" height="200" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='3000' height='200'/%3E"></p>
       <details data-test-added><summary>More detail</summary><p>Folded text that paper must show.</p></details>
       <p data-test-added>See <a href="https://example.org/report">the report</a>.</p>`,
    );
  });
}

test('the home page and every chapter offer the whole article, whose contents lead to each chapter', async ({
  page,
  site,
  problems,
}) => {
  for (const slug of CHAPTER_SLUGS) {
    await page.goto(site(`chapters/${slug}/`));
    await expect(page.getByRole('link', { name: 'Print the whole article' })).toHaveAttribute(
      'href',
      /\/print\/$/,
    );
  }
  await page.goto(site());
  await page.getByRole('link', { name: 'Print the whole article' }).click();
  await expect(page).toHaveURL(/\/print\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Azerbaijan’s Quiet Pivot: How Baku Is Testing Moscow’s Reach',
  );
  const contents = page.getByRole('navigation', { name: 'Contents' }).getByRole('link');
  await expect(contents).toHaveCount(CHAPTER_SLUGS.length);
  const chapterTitles = page.locator('article > header h2');
  await expect(chapterTitles).toHaveCount(CHAPTER_SLUGS.length);
  for (let i = 0; i < CHAPTER_SLUGS.length; i++) {
    const title = (await contents.nth(i).textContent())!.trim();
    await expect(chapterTitles.nth(i)).toHaveText(title);
    await contents.nth(i).click();
    await expect(
      page.getByRole('heading', { level: 2, name: title, exact: true }),
    ).toBeInViewport();
  }
  expect(problems).toEqual([]);
});

test('the whole article has every id once and every link within it lands somewhere', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site('print/'));
  const { ids, brokenLinks, chapterLinks } = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    const brokenLinks = [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="#"]')]
      .map((a) => a.getAttribute('href')!)
      .filter((href) => !document.getElementById(decodeURIComponent(href.slice(1))));
    const chapterLinks = [
      ...document.querySelectorAll<HTMLAnchorElement>('main article a[href*="/chapters/"]'),
    ].map((a) => a.href);
    return { ids, brokenLinks, chapterLinks };
  });
  expect(ids.length).toBeGreaterThan(40);
  expect(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    'repeated ids',
  ).toEqual([]);
  expect(brokenLinks).toEqual([]);
  expect(chapterLinks, 'links between chapters point within the page').toEqual([]);
  // Headings keep their outline: one h1, chapters at h2, their sections below.
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('main article h2')).toHaveCount(CHAPTER_SLUGS.length);
  expect(problems).toEqual([]);
});

test('the print button opens the print dialog', async ({ page, site, problems }) => {
  await page.goto(site('chapters/energy/'));
  await page.evaluate(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => void (window as unknown as { printCalls: number }).printCalls++;
  });
  await page.getByRole('button', { name: 'Print this chapter' }).click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(
    1,
  );
  expect(problems).toEqual([]);
});

test('printed, a chapter is its text alone, black on white even in the dark theme', async ({
  page,
  site,
  problems,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(site('chapters/incident-chain/'));
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.prose')).toBeVisible();
  for (const chrome of [
    page.getByRole('banner'),
    page.getByRole('contentinfo'),
    page.getByRole('navigation', { name: 'Breadcrumb' }),
    page.getByRole('navigation', { name: 'Chapters' }),
    page.getByText('On this page'),
    page.getByRole('button', { name: 'Dark theme' }),
    page.getByRole('button', { name: 'Print this chapter' }),
    page.getByRole('link', { name: 'Print the whole article' }),
    page.getByRole('link', { name: 'Skip to content' }),
  ]) {
    await expect(chrome).toBeHidden();
  }
  const colours = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('.prose p')!).color,
    heading: getComputedStyle(document.querySelector('h1')!).color,
  }));
  expect(colours).toEqual({
    background: 'rgb(255, 255, 255)',
    text: 'rgb(0, 0, 0)',
    heading: 'rgb(0, 0, 0)',
  });
  expect(problems).toEqual([]);
});

test('printed, every figure, diagram and image fits the page', async ({ page, site, problems }) => {
  await page.setViewportSize(PRINTABLE);
  await page.emulateMedia({ media: 'print' });
  let checked = 0;
  for (const path of [...CHAPTER_SLUGS.map((slug) => `chapters/${slug}/`), 'print/']) {
    await page.goto(site(path));
    if (path === 'chapters/energy/') await addOversizedContent(page);
    const overflows = await page.evaluate((printable) => {
      const column = document.querySelector('main')!.getBoundingClientRect();
      return [...document.querySelectorAll('main :is(figure, svg, img)')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .map(({ el, box }) => ({
          what: `${el.tagName} ${el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? ''}`,
          // A diagram's figure may run on with its opened text list; the drawing itself must fit a page.
          fits:
            box.left >= column.left - 0.5 &&
            box.right <= column.right + 0.5 &&
            box.right <= printable.width &&
            (el.matches('figure.diagram') || box.height <= printable.height),
        }));
    }, PRINTABLE);
    checked += overflows.length;
    expect(
      overflows.filter((o) => !o.fits),
      path,
    ).toEqual([]);
  }
  expect(checked, 'the oversized test figure and image were measured').toBeGreaterThanOrEqual(3);
  expect(problems).toEqual([]);
});

test('printed to PDF, folded sections are open and outside links show where they go', async ({
  page,
  site,
  problems,
}, testInfo) => {
  await page.goto(site('chapters/energy/'));
  await addOversizedContent(page);
  const file = testInfo.outputPath('energy.pdf');
  await page.pdf({ path: file, format: 'A4' });
  const text = normalise(
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
  expect(text).toContain('Folded text that paper must show.');
  expect(text).toContain('the report (https://example.org/report)');
  expect(text).toContain('An oversized test figure');
  expect(text).not.toContain('Next chapter');
  expect(problems).toEqual([]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('there is no print button that would do nothing, but the whole article is a link away', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('chapters/history/'));
    await expect(page.getByRole('button', { name: 'Print this chapter' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Print the whole article' })).toBeVisible();
    expect(problems).toEqual([]);
  });
});
