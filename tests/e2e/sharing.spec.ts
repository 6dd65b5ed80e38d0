import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { parseHTML } from 'linkedom';
import type { Page } from '@playwright/test';
import { test, expect, sitemapUrls } from './fixtures.ts';
import { readArticle } from '../../src/article/chapters.ts';

const ROOT = new URL('../../', import.meta.url);
/** Chapter slugs in reading order, from content/chapters/ through the article model. */
const CHAPTER_SLUGS = readArticle().chapters.map((chapter) => chapter.id);
const EVENTS = parseYaml(readFileSync(new URL('content/events.yaml', ROOT), 'utf8')) as Record<
  string,
  { date: string; title: string }
>;

/** Absolute URLs in the pages carry the public SITE_URL; fetch them from the local server. */
function served(publicUrl: string, site: (path?: string) => string): string {
  const url = new URL(publicUrl);
  return new URL(url.pathname + url.search, new URL(site()).origin).href;
}

/** A page's meta tag named `key`, whether by `property` (Open Graph) or `name`. */
const metaTag = (key: string) => `head meta[property="${key}"], head meta[name="${key}"]`;

async function meta(page: Page, key: string): Promise<string> {
  const content = await page.locator(metaTag(key)).first().getAttribute('content');
  expect(content, key).not.toBeNull();
  return content!;
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('section links', () => {
  test('a heading’s link is named, shows on keyboard focus, and goes to its section', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('chapters/energy/'));
    const heading = page.locator('.prose h2').first();
    const title = (await heading.textContent())!.trim();
    // The heading keeps its own name; the link has the longer one.
    await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toHaveCount(1);
    const link = page.getByRole('link', { name: `Link to this section: ${title}`, exact: true });
    const id = await heading.getAttribute('id');
    await expect(link).toHaveAttribute('href', `#${id}`);
    await expect(link).toHaveCSS('opacity', '0');
    // Tab through the page as a keyboard user would until the link has focus.
    for (let stop = 0; stop < 60; stop++) {
      await page.keyboard.press('Tab');
      if (await link.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(link).toBeFocused();
    await expect(link).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(heading).toBeInViewport();
    expect(problems).toEqual([]);
  });

  test('activating it copies the full URL and says so politely', async ({
    page,
    context,
    site,
    problems,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(site('chapters/energy/'));
    const heading = page.locator('.prose h3, .prose h2').last();
    const title = (await heading.textContent())!.trim();
    await heading.hover();
    const link = heading.getByRole('link', { name: `Link to this section: ${title}` });
    await expect(link).toHaveCSS('opacity', '1');
    await link.click();
    const expected = site(`chapters/energy/#${await heading.getAttribute('id')}`);
    await expect(page).toHaveURL(expected);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    const status = page.getByRole('status').filter({ hasText: 'Link copied' });
    await expect(status).toHaveText(`Link copied: ${expected}`);
    await expect(status).toHaveAttribute('role', 'status');
    expect(problems).toEqual([]);
  });

  test('every chapter heading and every timeline event has one, and none is printed', async ({
    page,
    site,
    problems,
  }) => {
    for (const slug of CHAPTER_SLUGS) {
      await page.goto(site(`chapters/${slug}/`));
      const headings = page.locator('.prose :is(h2, h3)');
      const links = page.locator('.prose :is(h2, h3) > a[data-section-link]');
      await expect(links).toHaveCount(await headings.count());
      for (const link of await links.all()) {
        const target = (await link.getAttribute('href'))!.slice(1);
        await expect(page.locator(`[id="${target}"]`)).toHaveCount(1);
      }
    }
    await page.goto(site('timeline/'));
    const events = page.locator('li.event');
    await expect(events).toHaveCount(Object.keys(EVENTS).length);
    for (const [id, event] of Object.entries(EVENTS)) {
      await expect(
        page.getByRole('link', { name: `Link to this event: ${event.title}`, exact: true }),
      ).toHaveAttribute('href', `#event-${id}`);
    }
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('a[data-section-link]').first()).toBeHidden();
    await page.goto(site('chapters/energy/'));
    await expect(page.locator('a[data-section-link]').first()).toBeHidden();
    expect(problems).toEqual([]);
  });

  test('the whole-article page links each section to its own scoped id', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('print/'));
    const links = page.locator('article a[data-section-link]');
    expect(await links.count()).toBe(await page.locator('article .prose :is(h3, h4)').count());
    for (const link of await links.all()) {
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^#[a-z0-9-]+--/);
      await expect(page.locator(`[id="${href.slice(1)}"]`)).toHaveCount(1);
    }
    expect(problems).toEqual([]);
  });

  test('search indexes headings as written, without the links', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('chapters/energy/'));
    const titles = await page.evaluate(async (url) => {
      const pagefind = (await import(url)) as {
        options: (o: { noWorker: boolean }) => Promise<void>;
        search: (q: string) => Promise<{
          results: { data: () => Promise<{ url: string; sub_results: { title: string }[] }> }[];
        }>;
      };
      // As the site's search does (src/search/engine.ts): the CSP lets no worker start.
      await pagefind.options({ noWorker: true });
      const found = await pagefind.search('TANAP');
      const data = await Promise.all(found.results.map((r) => r.data()));
      return data.flatMap((d) => d.sub_results.map((s) => s.title));
    }, site('pagefind/pagefind.js'));
    const headings = await page.locator('.prose h2').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles.filter((t) => headings.includes(t) || /link/i.test(t)))
      expect(headings).toContain(title);
    expect(titles.join(' ')).not.toMatch(/Link to this/);
    expect(problems).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('section links are plain links and the access date is left for the reader', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('chapters/energy/'));
    const heading = page.locator('.prose h2').nth(1);
    await heading.hover();
    await heading.locator('a[data-section-link]').click();
    await expect(page).toHaveURL(new RegExp(`#${await heading.getAttribute('id')}$`));
    const cite = page.getByRole('region', { name: 'Cite this chapter' });
    await expect(cite.getByRole('button')).toHaveCount(0);
    await expect(cite.locator('[data-accessed]')).toHaveText('[date you read it]');
    expect(problems).toEqual([]);
  });
});

test('every page’s social card is a 1200×630 PNG under 100 KB, and chapters have their own', async ({
  page,
  site,
  problems,
}) => {
  const urls = await sitemapUrls(page, site);
  const cards = new Map<string, Buffer>();
  for (const url of urls) {
    // As a platform reads a shared link: the page's HTML as served, no scripts run.
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const { document } = parseHTML(await response.text());
    const meta = (key: string) => {
      const content = document.querySelector(metaTag(key))?.getAttribute('content');
      expect(content, `${url}: ${key}`).toBeTruthy();
      return content!;
    };
    const image = meta('og:image');
    expect(image, url).toMatch(/^https?:\/\//);
    expect(new URL(image).pathname.startsWith(new URL(site()).pathname), url).toBe(true);
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(meta('og:image:alt').length).toBeGreaterThan(20);
    expect(meta('twitter:card')).toBe('summary_large_image');
    if (!cards.has(image)) {
      const response = await page.request.get(served(image, site));
      expect(response.status(), image).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      const bytes = await response.body();
      expect(pngSize(bytes), image).toEqual({ width: 1200, height: 630 });
      expect(bytes.length, image).toBeLessThan(100 * 1024);
      cards.set(image, bytes);
    }
  }
  const chapterCards = [...cards].filter(([url]) => /chapter-/.test(url));
  expect(chapterCards).toHaveLength(CHAPTER_SLUGS.length);
  expect(chapterCards[0]![1].equals(chapterCards[1]![1])).toBe(false);
  expect(problems).toEqual([]);
});

test('the meta tags carry each page’s title and URL, and never the local preview server on the web', async ({
  page,
  site,
  problems,
}, testInfo) => {
  for (const path of ['', 'chapters/energy/', 'timeline/', 'data/']) {
    await page.goto(site(path));
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    expect(served(canonical, site)).toBe(site(path));
    expect(await meta(page, 'og:url')).toBe(canonical);
    expect(await meta(page, 'og:title')).toBe(await page.title());
    if (testInfo.project.name === 'subpath') {
      // Built with SITE_URL: nothing may point at the preview server.
      const html = await page.content();
      expect(html).not.toContain('localhost:4321');
    }
  }
  await page.goto(site('chapters/energy/'));
  const title = (await page.locator('h1').textContent())!.trim();
  expect(await meta(page, 'citation_title')).toBe(title);
  expect(await meta(page, 'citation_public_url')).toBe(
    await page.locator('link[rel="canonical"]').getAttribute('href'),
  );
  expect(await meta(page, 'citation_publication_date')).toMatch(/^\d{4}\/\d{2}$/);
  await expect(page.locator('meta[name="citation_author"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test.describe('cite this', () => {
  test('BibTeX and RIS downloads parse back to the chapter’s title and URL', async ({
    page,
    site,
    problems,
  }) => {
    for (const slug of [CHAPTER_SLUGS[0]!, 'energy']) {
      await page.goto(site(`chapters/${slug}/`));
      const title = (await page.locator('h1').textContent())!.trim();
      const url = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
      const cite = page.getByRole('region', { name: 'Cite this chapter' });
      for (const format of ['BibTeX', 'RIS', 'CSL-JSON']) {
        const link = cite.getByRole('link', { name: format, exact: true });
        await expect(link).toHaveAttribute('download', '');
        const response = await page.request.get(
          new URL((await link.getAttribute('href'))!, page.url()).href,
        );
        expect(response.status()).toBe(200);
        const [record] = (await Cite.async(await response.text())).data as {
          title: string;
          URL: string;
          author?: unknown;
        }[];
        expect(record!.title, format).toBe(title);
        expect(record!.URL, format).toBe(url);
        expect(record!.author, format).toBeUndefined();
      }
    }
    expect(problems).toEqual([]);
  });

  test('each style’s reference copies, with today as the access date where the style has one', async ({
    page,
    context,
    site,
    problems,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(site());
    const cite = page.getByRole('region', { name: 'Cite the whole article' });
    const url = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    for (const style of ['APA 7', 'Chicago (author-date)', 'MLA 9']) {
      await cite.getByRole('button', { name: `Copy the ${style} reference` }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied, style).toContain('Azerbaijan’s Quiet Pivot');
      expect(copied, style).toContain(url);
      await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText(
        `${style} reference copied`,
      );
    }
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const today = new Date();
    expect(copied).toMatch(
      new RegExp(`Accessed ${today.getDate()} \\S+ ${today.getFullYear()}\\.$`),
    );
    expect(problems).toEqual([]);
  });
});

test.describe('data', () => {
  test('the timeline and actors link to /data/, whose JSON and CSV hold every event', async ({
    page,
    site,
    problems,
  }) => {
    for (const path of ['timeline/', 'actors/']) {
      await page.goto(site(path));
      await page.getByRole('link', { name: 'data to download' }).click();
      await expect(page).toHaveURL(site('data/'));
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
    const download = async (name: string) => {
      const link = page.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('download', '');
      const response = await page.request.get(
        new URL((await link.getAttribute('href'))!, page.url()).href,
      );
      expect(response.status(), name).toBe(200);
      return response.text();
    };
    const json = JSON.parse(await download('events.json')) as {
      asOf: string;
      fields: Record<string, string>;
      rows: { id: string; date: string; title: string; url: string }[];
    };
    const csv = parseCsv<{ id: string; date: string; title: string; url: string }>(
      await download('events.csv'),
      { bom: true, columns: true },
    );
    const expected = Object.entries(EVENTS)
      .map(([id, e]) => ({ id, date: e.date, title: e.title }))
      .sort((a, b) => a.id.localeCompare(b.id));
    for (const rows of [json.rows, csv]) {
      expect(
        rows
          .map(({ id, date, title }) => ({ id, date, title }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      ).toEqual(expected);
    }
    expect(Object.keys(json.fields)).toEqual(Object.keys(csv[0]!));
    // Every field is described on the page, and the as-of date is said.
    for (const field of Object.keys(json.fields))
      await expect(
        page.locator('dt code', { hasText: new RegExp(`^${field}$`) }).first(),
      ).toBeVisible();
    await expect(page.locator('main')).toContainText(`As of`);
    // The chapter URL with its anchor leads to the passage.
    const first = csv[0]!;
    await page.goto(served(first.url, site));
    await expect(page.locator(`[id="${new URL(first.url).hash.slice(1)}"]`)).toHaveCount(1);
    const actors = JSON.parse(await (await page.request.get(site('data/actors.json'))).text()) as {
      rows: unknown[];
    };
    expect(actors.rows.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
