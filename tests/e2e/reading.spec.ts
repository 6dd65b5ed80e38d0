import { test, expect, sitemapPaths, ONCE, SUBPATH, sidewaysScroll } from './fixtures.ts';
import { readArticle } from '../../src/article/chapters.ts';

/** Chapter slugs in reading order, from content/chapters/ through the article model. */
const CHAPTER_SLUGS = readArticle().chapters.map((chapter) => chapter.id);

const PAGES = sitemapPaths();

test('the sitemap lists the home page and every chapter', () => {
  expect(PAGES).toContain('');
  for (const slug of CHAPTER_SLUGS) expect(PAGES).toContain(`chapters/${slug}/`);
});

// At the root, pages.spec.ts makes the same checks in its one load of each page.
for (const path of PAGES) {
  test(
    `/${path} answers 200 with exactly one h1 and no console error`,
    SUBPATH,
    async ({ page, site, problems }) => {
      const response = await page.goto(site(path));
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('main')).toHaveCount(1);
      expect(problems).toEqual([]);
    },
  );
}

test('the home page lists every chapter in order with a summary and reading time', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site());
  const items = page.locator('.contents__item');
  await expect(items).toHaveCount(CHAPTER_SLUGS.length);
  for (const [index, slug] of CHAPTER_SLUGS.entries()) {
    const item = items.nth(index);
    await expect(item.getByRole('link')).toHaveAttribute('href', new RegExp(`/chapters/${slug}/$`));
    await expect(item.locator('.contents__summary')).not.toBeEmpty();
    await expect(item).toContainText(/\d+ min read/);
  }
  expect(problems).toEqual([]);
});

test(
  'every table-of-contents link lands on its heading',
  ONCE,
  async ({ page, site, problems }) => {
    test.setTimeout(90_000);
    let total = 0;
    for (const slug of CHAPTER_SLUGS) {
      await page.goto(site(`chapters/${slug}/`));
      const links = page.locator('.toc a');
      const count = await links.count();
      // Chapters without sub-headings have no table of contents at all.
      await expect(page.locator('.toc')).toHaveCount(count > 0 ? 1 : 0);
      expect(count).toBe(await page.locator('.prose :is(h2, h3)').count());
      total += count;
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const text = (await link.textContent())!.trim();
        await link.click();
        const hash = new URL(page.url()).hash;
        const heading = page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`);
        await expect(heading, `${slug}: ${text}`).toHaveText(text);
        await expect(heading).toBeInViewport();
      }
    }
    expect(total).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  },
);

test('next links visit every chapter in order and the last leads back to the contents', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site());
  await page.getByRole('link', { name: 'Start reading' }).click();
  for (const [index, slug] of CHAPTER_SLUGS.entries()) {
    await expect(page).toHaveURL(new RegExp(`/chapters/${slug}/$`));
    const pager = page.getByRole('navigation', { name: 'Chapters' });
    if (index === 0) await expect(pager.locator('[rel=prev]')).toHaveCount(0);
    if (index < CHAPTER_SLUGS.length - 1) await pager.locator('[rel=next]').click();
  }
  const pager = page.getByRole('navigation', { name: 'Chapters' });
  await expect(pager.locator('[rel=next]')).toHaveCount(0);
  await pager.getByRole('link', { name: /Back to the contents/ }).click();
  await expect(page).toHaveURL(site());
  // And backwards from the last chapter to the first.
  await page.goto(site(`chapters/${CHAPTER_SLUGS.at(-1)}/`));
  for (const slug of [...CHAPTER_SLUGS].reverse().slice(1)) {
    await page.getByRole('navigation', { name: 'Chapters' }).locator('[rel=prev]').click();
    await expect(page).toHaveURL(new RegExp(`/chapters/${slug}/$`));
  }
  expect(problems).toEqual([]);
});

test(
  'the theme toggle switches theme, persists across pages, and applies before first paint',
  ONCE,
  async ({ page, site, problems }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(site('chapters/history/'));
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const lightBackground = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const darkBackground = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    expect(darkBackground).not.toBe(lightBackground);

    // Record the theme at the moment <body> is created: set then, there is no flash of light.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | null }).themeAtBody =
            document.documentElement.getAttribute('data-theme');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.getByRole('link', { name: /Next chapter/ }).click();
    await expect(page).toHaveURL(/wars-2020-2023/);
    expect(
      await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody),
    ).toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      darkBackground,
    );

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      lightBackground,
    );
    expect(problems).toEqual([]);
  },
);

test(
  'the system dark preference is followed when the reader has not chosen',
  ONCE,
  async ({ page, site, problems }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(site());
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(19, 21, 24)');
    expect(problems).toEqual([]);
  },
);

test('an unknown path shows the 404 page', async ({ page, site, problems }) => {
  const response = await page.goto(site('chapters/no-such-chapter/'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the contents' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the contents' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Azerbaijan’s Quiet Pivot');
  expect(problems).toEqual([]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a chapter is complete and navigable', async ({ page, site, problems }) => {
    await page.goto(site('chapters/incident-chain/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Chain of Incidents');
    await expect(page.locator('.prose')).toContainText(
      'The recent crisis began on 25 December 2024.',
    );
    await expect(page.locator('.prose')).toContainText(
      'demanded accountability for what it described as either gross negligence',
    );
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeHidden();
    const tocLink = page.locator('.toc a', { hasText: 'Operation Spiderweb — A Shadow War?' });
    await tocLink.click();
    await expect(
      page.getByRole('heading', { name: 'Operation Spiderweb — A Shadow War?' }),
    ).toBeInViewport();
    await page.getByRole('link', { name: /Next chapter/ }).click();
    await expect(page).toHaveURL(/\/chapters\/energy\/$/);
    expect(problems).toEqual([]);
  });
});

test(
  'on a phone the table of contents is folded and opens on demand',
  ONCE,
  async ({ page, site, problems }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(site('chapters/alliances/'));
    const link = page.locator('.toc a', { hasText: 'The Iran Factor' });
    await expect(link).toBeHidden();
    await page.getByText('On this page').click();
    await link.click();
    await expect(
      page.getByRole('heading', { name: 'The Iran Factor — A Dangerous New Dimension' }),
    ).toBeInViewport();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  },
);

test('the skip link moves focus to the main content', ONCE, async ({ page, site, problems }) => {
  await page.goto(site('chapters/energy/'));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  expect(problems).toEqual([]);
});
