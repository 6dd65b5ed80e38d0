import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { test, expect, ONCE, sidewaysScroll } from './fixtures.ts';
import { axeViolations } from '../support/axe.ts';
import { buildPlaceModel } from '../../src/maps/model.ts';
import { readPlacesInput } from '../../src/maps/files.ts';

// Which page shows which maps, from the data: a chapter's maps on its page, the rest on /places/.
const result = buildPlaceModel(readPlacesInput());
if (!result.ok) throw new Error(`the places data has problems:\n${result.problems.join('\n')}`);
const MAPS = result.model.maps.map((map) => ({
  ...map,
  page: map.chapter ? `chapters/${map.chapter.id}/` : 'places/',
}));
const PAGES = [...new Set(MAPS.map((m) => m.page))];
// The page area of A4 with the print stylesheet's margins, in CSS px (as in print.spec.ts).
const PRINTABLE = { width: Math.floor((176 * 96) / 25.4), height: Math.floor((259 * 96) / 25.4) };

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Each label's box on screen and the box of its map. */
async function labelBoxes(
  svg: Locator,
): Promise<{ map: Rect; labels: (Rect & { text: string })[] }> {
  return svg.evaluate((element) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      map: box(element),
      labels: [...element.querySelectorAll('text')].map((t) => ({
        ...box(t),
        text: t.textContent ?? '',
      })),
    };
  });
}

function expectLabelsInsideAndApart(what: string, map: Rect, labels: (Rect & { text: string })[]) {
  expect(labels.length, what).toBeGreaterThan(3);
  for (const label of labels) {
    expect(label.left, `${what}: ${label.text}`).toBeGreaterThanOrEqual(map.left - 0.5);
    expect(label.right, `${what}: ${label.text}`).toBeLessThanOrEqual(map.right + 0.5);
    expect(label.top, `${what}: ${label.text}`).toBeGreaterThanOrEqual(map.top - 0.5);
    expect(label.bottom, `${what}: ${label.text}`).toBeLessThanOrEqual(map.bottom + 0.5);
  }
  // Labels never overlap, nor do the lines of one label.
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      const overlap =
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      if (overlap) expect(`${a.text} / ${b.text}`, `${what}: labels overlap`).toBe('');
    }
  }
}

/**
 * How the map's label backdrops show: whether they are drawn, their fill, whether they come after
 * every boundary and before every label, and the labels whose lines are not inside a backdrop.
 */
async function backdropsOf(svg: Locator): Promise<{
  shown: boolean;
  fill: string;
  betweenBoundariesAndLabels: boolean;
  uncovered: string[];
}> {
  return svg.evaluate((element) => {
    const layer = element.querySelector('.map-label-backdrops')!;
    const follows = (a: Element, b: Element) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    const boundaries = [...element.querySelectorAll('.map-land, .map-country, .map-borders')];
    const labels = [...element.querySelectorAll<SVGTextElement>('.map-label')];
    const rects = [...layer.querySelectorAll<SVGRectElement>('rect')].map((r) => r.getBBox());
    return {
      shown: getComputedStyle(layer).display !== 'none',
      fill: getComputedStyle(layer).fill,
      betweenBoundariesAndLabels:
        boundaries.every((b) => follows(b, layer)) && labels.every((l) => follows(layer, l)),
      uncovered: labels
        .filter((label) => {
          const b = label.getBBox();
          return !rects.some(
            (r) =>
              r.x <= b.x + 0.5 &&
              r.y <= b.y + 0.5 &&
              r.x + r.width >= b.x + b.width - 0.5 &&
              r.y + r.height >= b.y + b.height - 0.5,
          );
        })
        .map((label) => label.textContent ?? ''),
    };
  });
}

async function figureOf(page: Page, id: string): Promise<Locator> {
  const figure = page.locator(`figure.place-map[data-place-map="${id}"]`);
  await expect(figure).toHaveCount(1);
  return figure;
}

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('every map is drawn, named by its caption, and lists its places with links that land', async ({
    page,
    site,
    problems,
  }) => {
    const targets = new Set<string>();
    for (const map of MAPS) {
      await page.goto(site(map.page));
      const figure = await figureOf(page, map.id);
      await expect(figure.locator('figcaption')).toHaveText(map.title);
      const image = figure.getByRole('img', { name: map.title, exact: true });
      await expect(image).toBeVisible();
      const box = (await image.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(200);
      // Every place has its label on the map and its line in the key, with a link.
      const items = figure.locator('.place-map__places > li');
      await expect(items).toHaveCount(map.entries.length);
      for (const [i, entry] of map.entries.entries()) {
        await expect(
          figure.locator(`svg text[data-place="${entry.place.id}"]`).first(),
        ).toBeVisible();
        await expect(items.nth(i).getByRole('link').first()).toHaveText(entry.place.name);
      }
      await expect(figure.locator('.place-map__credit')).toContainText(
        /Natural Earth [\d.]+ \(1:50m\), from world-atlas [\d.]+, drawn as the data has them\./,
      );
      for (const href of await figure
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)))
        targets.add(href);
    }
    // Every link in the keys leads to a page that has the element it points at.
    const byPage = Map.groupBy(
      [...targets].map((href) => new URL(href)),
      (url) => url.origin + url.pathname,
    );
    for (const [pageUrl, urls] of byPage) {
      const response = await page.goto(pageUrl);
      expect(response?.status(), pageUrl).toBe(200);
      for (const url of urls.filter((u) => u.hash))
        await expect(
          page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`),
          url.href,
        ).toHaveCount(1);
    }
    expect(targets.size).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  test('the places page lists every place with the sections that name it', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('places/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Places');
    for (const place of result.model.places) {
      const entry = page
        .locator(`[data-place="${place.id}"]`)
        .filter({ has: page.locator(`h3#${place.id}`) });
      await expect(entry.getByRole('heading', { level: 3 }), place.id).toHaveText(place.name);
      await expect(entry.locator('[data-mentions] a'), place.id).toHaveCount(
        result.model.mentionsByPlace.get(place.id)!.length,
      );
    }
    await page.getByRole('contentinfo').getByRole('link', { name: 'Places' }).click();
    await expect(page).toHaveURL(/\/places\/$/);
    expect(problems).toEqual([]);
  });
});

test(
  'on a 360 px phone labels stay inside their map, never overlap, and only the map scrolls',
  ONCE,
  async ({ page, site, problems }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const url of PAGES) {
      await page.goto(site(url));
      expect(await sidewaysScroll(page), url).toBeLessThanOrEqual(0);
    }
    for (const map of MAPS) {
      await page.goto(site(map.page));
      const figure = await figureOf(page, map.id);
      const svg = figure.locator('svg');
      const { map: box, labels } = await labelBoxes(svg);
      expectLabelsInsideAndApart(`${map.id} at 360 px`, box, labels);
      // Labels stay legible: the map shrinks only so far, then scrolls inside its box, by keyboard too.
      const scale = await svg.evaluate(
        (el) => el.getBoundingClientRect().width / (el as SVGSVGElement).viewBox.baseVal.width,
      );
      expect(scale * 12, `${map.id}: smallest label in px`).toBeGreaterThanOrEqual(10);
      const canvas = figure.locator('.place-map__canvas');
      await canvas.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => canvas.evaluate((el) => el.scrollLeft), map.id).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  },
);

for (const colorScheme of ['light', 'dark'] as const) {
  test(
    `on a desk in the ${colorScheme} theme, labels are in the text colour, inside and apart; axe finds nothing`,
    ONCE,
    async ({ page, site, problems }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme });
      for (const map of MAPS) {
        await page.goto(site(map.page));
        const figure = await figureOf(page, map.id);
        const { map: box, labels } = await labelBoxes(figure.locator('svg'));
        expectLabelsInsideAndApart(`${map.id} at 1280 px`, box, labels);
        const colours = await figure.evaluate((el) => ({
          label: getComputedStyle(el.querySelector('.map-label--city')!).fill,
          text: getComputedStyle(document.body).color,
          water: getComputedStyle(el.querySelector('.map-water')!).fill,
          land: getComputedStyle(el.querySelector('.map-land')!).fill,
        }));
        expect(colours.label, map.id).toBe(colours.text);
        expect(colours.water, map.id).not.toBe(colours.land);
        // On screen the labels' halos keep lines out of them; the paper backdrops stay hidden.
        expect((await backdropsOf(figure.locator('svg'))).shown, map.id).toBe(false);
      }
      for (const url of PAGES) {
        await page.goto(site(url));
        expect(await axeViolations(page, url, { include: 'figure.place-map' })).toEqual([]);
      }
      expect(problems).toEqual([]);
    },
  );
}

test(
  'printed, each map is black on white and fits one page with its caption and key',
  ONCE,
  async ({ page, site, problems }, testInfo) => {
    await page.setViewportSize(PRINTABLE);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const map of MAPS) {
      await page.goto(site(map.page));
      const figure = await figureOf(page, map.id);
      const box = (await figure.boundingBox())!;
      expect(box.width, map.id).toBeLessThanOrEqual(PRINTABLE.width);
      expect(box.height, map.id).toBeLessThanOrEqual(PRINTABLE.height);
      const colours = await figure.evaluate((el) => ({
        label: getComputedStyle(el.querySelector('.map-label')!).fill,
        land: getComputedStyle(el.querySelector('.map-land')!).fill,
        water: getComputedStyle(el.querySelector('.map-water')!).fill,
        country: getComputedStyle(el.querySelector('.map-country')!).fill,
      }));
      expect(colours, map.id).toEqual({
        label: 'rgb(0, 0, 0)',
        land: 'rgb(255, 255, 255)',
        water: 'rgb(255, 255, 255)',
        country: 'rgb(255, 255, 255)',
      });
      // Without halos on paper, each label sits on a white box drawn over the boundaries.
      expect(await backdropsOf(figure.locator('svg')), map.id).toEqual({
        shown: true,
        fill: 'rgb(255, 255, 255)',
        betweenBoundariesAndLabels: true,
        uncovered: [],
      });
    }
    // On real paper: the page that has a chapter map's caption also has the end of its key.
    for (const map of MAPS.filter((m) => m.chapter)) {
      await page.goto(site(map.page));
      const file = testInfo.outputPath(`${map.id}.pdf`);
      await page.pdf({ path: file, format: 'A4' });
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1],
      );
      const texts = Array.from({ length: pages }, (_, i) =>
        execFileSync(
          'pdftotext',
          ['-f', `${i + 1}`, '-l', `${i + 1}`, '-enc', 'UTF-8', file, '-'],
          {
            encoding: 'utf8',
          },
        ).replace(/\s+/g, ' '),
      );
      const onPage = texts.findIndex((text) => text.includes(map.title));
      expect(onPage, `${map.id}: caption in the PDF`).toBeGreaterThanOrEqual(0);
      const last = map.entries.at(-1)!;
      expect(texts[onPage], `${map.id}: the key's last place on the caption's page`).toContain(
        `${last.place.name} (`,
      );
      expect(texts[onPage], `${map.id}: the credit on the caption's page`).toContain(
        'drawn as the data has them',
      );
    }
    expect(problems).toEqual([]);
  },
);
