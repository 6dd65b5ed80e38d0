import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { readArticle } from '../../src/article/chapters.ts';
import { normalise } from '../../src/article/text.ts';

/** Chapter slugs in reading order, from content/chapters/ through the article model. */
const CHAPTER_SLUGS = readArticle().chapters.map((chapter) => chapter.id);

/** The text of the section a heading opens: the heading and everything up to the next h2 or h3. */
/** The article's words in one section: diagrams are the editors' own, so they do not count as mentions. */
async function sectionText(page: Page, id: string): Promise<string> {
  const text = await page.evaluate((headingId) => {
    const heading = document.getElementById(headingId);
    if (!heading) return '';
    let text = heading.textContent ?? '';
    for (
      let node = heading.nextElementSibling;
      node && !/^H[23]$/.test(node.tagName);
      node = node.nextElementSibling
    ) {
      if (node.matches('figure.diagram, figure.place-map')) continue;
      // The claim labels between sentences are the site's, not the article's words.
      const words = node.cloneNode(true) as Element;
      for (const label of words.querySelectorAll('.claim')) label.remove();
      text += `\n${words.textContent}`;
    }
    return text;
  }, id);
  return normalise(text);
}

test.describe('the timeline', () => {
  test('lists the dated events in order, grouped by century, decade and year', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('timeline/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    // The article dates Baku's fall under the Russian Empire only to the century and Russia's arming
    // of both sides only to the decade: those stretches open the timeline, then the years follow.
    expect(headings.slice(0, 2)).toEqual(['19th century', '1990s']);
    const years = headings.slice(2);
    expect(years.every((y) => /^\d{4}$/.test(y))).toBe(true);
    expect(years).toEqual([...years].sort());
    expect(years).toEqual(
      expect.arrayContaining(['1999', '2018', '2020', '2022', '2023', '2024', '2025']),
    );

    const dates = await page.locator('.event__date').allTextContents();
    const expected = [
      '19th century',
      '1990s',
      '1999',
      'June 2018',
      '2020',
      '2023',
      '25 December 2024',
      'Early 2025',
      '1 June 2025',
      'June 2025',
      'July 2025',
      'August 2025',
      'October 2025',
      '14 November 2025',
    ];
    const positions = expected.map((date) => dates.map((d) => d.trim()).indexOf(date));
    expect(
      positions.every((p) => p >= 0),
      `dates on the page: ${dates.join(', ')}`,
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    // Each event sits under the heading of its own year, decade or century. A year's dates are
    // machine-readable; HTML cannot write a decade or a century, so those are plain text.
    for (const section of await page.locator('main section').all()) {
      const heading = (await section.getByRole('heading', { level: 2 }).textContent())!;
      for (const date of await section.locator('.event__date').all()) {
        if (/^\d{4}$/.test(heading)) {
          expect(await date.locator('time').getAttribute('datetime')).toMatch(
            new RegExp(`^${heading}`),
          );
        } else {
          await expect(date.locator('time')).toHaveCount(0);
          await expect(date).toHaveText(heading);
        }
      }
    }

    const june = page.locator('.event', { has: page.locator('time', { hasText: /^June 2025$/ }) });
    await expect(june).toHaveCount(2);
    await expect(june.filter({ hasText: 'Yekaterinburg' })).toHaveCount(1);
    await expect(june.filter({ hasText: 'Pashinyan visited Istanbul' })).toHaveCount(1);
    await expect(
      page.locator('.event', { hasText: 'Trans-Balkan pipeline' }).locator('time'),
    ).toHaveText('July 2025');
    await expect(
      page.locator('.event', { hasText: 'Tehran filed a formal protest' }).locator('time'),
    ).toHaveText('July 2025');
    await expect(
      page.locator('.event', { hasText: 'SOCAR-linked facilities in Odesa' }).locator('time'),
    ).toHaveText('August 2025');
    await expect(
      page.locator('.event', { hasText: 'Iskander missile struck' }).locator('time'),
    ).toHaveText('14 November 2025');
    expect(problems).toEqual([]);
  });

  test('shows the article’s own labels as text', async ({ page, site, problems }) => {
    await page.goto(site('timeline/'));
    const spiderweb = page.locator('.event', {
      has: page.locator('time', { hasText: '1 June 2025' }),
    });
    await expect(spiderweb.getByRole('link', { name: /^Alleged/ })).toBeVisible();
    await expect(spiderweb.getByRole('link', { name: /^Denied by Baku/ })).toBeVisible();
    const iran = page.locator('.event', { hasText: 'Tehran filed a formal protest' });
    await expect(iran.locator('.claim__text')).toHaveText(['Alleged by Tehran', 'Denied by Baku']);
    const unlabelled = page.locator('.event', { hasText: 'Yekaterinburg' });
    await expect(unlabelled.locator('.claim')).toHaveCount(0);

    await spiderweb.getByRole('link', { name: /^Denied by Baku/ }).click();
    await expect(page).toHaveURL(/\/about\/#labels$/);
    await expect(page.getByRole('heading', { name: 'Claim labels' })).toBeInViewport();
    expect(problems).toEqual([]);
  });

  test('says exactly what it includes, and the page agrees', async ({ page, site, problems }) => {
    await page.goto(site('timeline/'));
    const scope = (await page.locator('[data-timeline-scope]').textContent())!.replace(/\s+/g, ' ');
    const events = page.locator('.event');
    const count = await events.count();
    expect(scope).toMatch(
      new RegExp(`^\\s*${count} events in date order, each dated as precisely`),
    );
    expect(scope).not.toMatch(/every (dated )?event (in|of) the (article|analysis)/i);
    // "…dated as precisely as the article dates it: 3 to the day, … and 1 to the century."
    const precisions = /dates it: (.*?)\./.exec(scope)![1]!;
    const counted = [...precisions.matchAll(/(\d+) to (?:the|part of a) (\w+)/g)];
    expect(counted.reduce((sum, m) => sum + Number(m[1]), 0)).toBe(count);
    const days = await page
      .locator('.event time')
      .evaluateAll(
        (times) =>
          times.filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.getAttribute('datetime') ?? '')).length,
      );
    expect(Number(counted.find((m) => m[2] === 'day')?.[1] ?? 0)).toBe(days);
    const plain = await page.locator('.event__date:not(:has(time))').allTextContents();
    expect(Number(counted.find((m) => m[2] === 'decade')?.[1] ?? 0)).toBe(
      plain.filter((d) => /\d0s$/.test(d.trim())).length,
    );
    expect(Number(counted.find((m) => m[2] === 'century')?.[1] ?? 0)).toBe(
      plain.filter((d) => /century$/.test(d.trim())).length,
    );
    expect(problems).toEqual([]);
  });

  test('every event links to the section of its chapter that tells it', async ({
    page,
    site,
    problems,
  }) => {
    test.setTimeout(60_000); // every chapter that tells an event is loaded
    // Jump straight to the anchor, as with smooth scrolling switched off by the reader.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(site('timeline/'));
    const events = await page.locator('.event').evaluateAll((elements) =>
      elements.map((event) => ({
        date: event.querySelector('.event__date')?.textContent?.trim() ?? '',
        quote: event.querySelector('blockquote')?.textContent ?? '',
        href: event.querySelector<HTMLAnchorElement>('.event__source a')?.href ?? '',
      })),
    );
    expect(events.length).toBeGreaterThanOrEqual(20);
    // Each link followed as the browser follows it; a chapter is loaded once, and the events it
    // tells are reached by moving to their anchors within it (the keyboard test below clicks one).
    for (const { date, quote, href } of events) {
      const target = new URL(href);
      const id = decodeURIComponent(target.hash.slice(1));
      expect(id, `${date} links to a section`).not.toBe('');
      const current = new URL(page.url());
      if (current.pathname === target.pathname)
        await page.evaluate((hash) => (location.hash = hash), target.hash);
      else await page.goto(href);
      await expect(page.locator(`[id="${id}"]`), `${date}: #${id}`).toBeInViewport();
      expect(await sectionText(page, id), `${date}: the quote is in #${id}`).toContain(
        normalise(quote),
      );
    }
    expect(problems).toEqual([]);
  });

  test('a reader reaches the chapter from an event with the keyboard', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('timeline/'));
    const link = page
      .locator('.event', { has: page.locator('time', { hasText: '25 December 2024' }) })
      .locator('.event__source a');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/chapters\/incident-chain\/#the-azerbaijan-airlines-tragedy$/);
    await expect(
      page.getByRole('heading', { name: 'The Azerbaijan Airlines Tragedy' }),
    ).toBeInViewport();
    expect(problems).toEqual([]);
  });

  test('prints without its year navigation and every event', async ({ page, site, problems }) => {
    await page.goto(site('timeline/'));
    const count = await page.locator('.event').count();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Dates' })).toBeHidden();
    await expect(page.locator('.event:visible')).toHaveCount(count);
    expect(problems).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the timeline and an actor page are complete', async ({ page, site, problems }) => {
    await page.goto(site('timeline/'));
    await expect(
      page.locator('.event', { hasText: 'The recent crisis began on 25 December 2024.' }),
    ).toBeVisible();
    await page.goto(site('actors/csto/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CSTO');
    await expect(page.locator('.event time')).toHaveText(['1999']);
    expect(problems).toEqual([]);
  });
});

test.describe('the actors', () => {
  test('the index groups actors by kind', async ({ page, site, problems }) => {
    await page.goto(site('actors/'));
    const kinds = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(kinds).toEqual(
      expect.arrayContaining(['States', 'Organisations', 'Infrastructure', 'Operations']),
    );
    const group = (kind: string) =>
      page.locator('section', { has: page.getByRole('heading', { level: 2, name: kind }) });
    for (const name of [
      'Azerbaijan',
      'Russia',
      'Türkiye',
      'Israel',
      'Iran',
      'Armenia',
      'Ukraine',
    ]) {
      await expect(group('States').getByRole('link', { name, exact: true })).toBeVisible();
    }
    for (const name of ['European Union', 'CSTO', 'SOCAR', 'Sputnik']) {
      await expect(group('Organisations').getByRole('link', { name, exact: true })).toBeVisible();
    }
    for (const name of ['TANAP', 'Zangezur Corridor']) {
      await expect(group('Infrastructure').getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(
      group('Operations').getByRole('link', { name: 'Operation Spiderweb', exact: true }),
    ).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('Türkiye’s page lists every section that mentions it, as Turkey or as Türkiye', async ({
    page,
    site,
    problems,
  }) => {
    // What the chapters actually say, section by section.
    const expected = new Map<string, string>();
    for (const slug of CHAPTER_SLUGS) {
      await page.goto(site(`chapters/${slug}/`));
      const ids = await page
        .locator('.prose :is(h2, h3)')
        .evaluateAll((headings) => headings.map((h) => h.id));
      for (const id of ids) {
        const text = await sectionText(page, id);
        const names = ['Turkey', 'Türkiye', 'Turkish'].filter((name) =>
          new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(text),
        );
        if (names.length) expected.set(`/chapters/${slug}/#${id}`, names.join(', '));
      }
      const leadIn = await page.locator('.prose > p').first().textContent();
      expect(ids.length > 0 || !/Turkey|Türkiye|Turkish/.test(leadIn ?? '')).toBe(true);
    }
    const spellings = [...expected.values()];
    expect(spellings.some((s) => s.includes('Turkey') && !s.includes('Türkiye'))).toBe(true);
    expect(spellings.some((s) => s.includes('Türkiye') && !s.includes('Turkey'))).toBe(true);

    await page.goto(site('actors/'));
    await page.getByRole('link', { name: 'Türkiye', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Türkiye');
    const mentions = page.locator('[data-mentions] li');
    const listed = await mentions.evaluateAll((items) =>
      items.map((li) => {
        const url = new URL(li.querySelector('a')!.href);
        return {
          path: url.pathname.replace(/^\/explainer/, '') + url.hash,
          // What the reader sees after the section's link: the words that named the actor.
          terms: li.textContent.replace(li.querySelector('a')!.textContent, ''),
        };
      }),
    );
    expect(listed.map((l) => l.path).sort()).toEqual([...expected.keys()].sort());
    for (const { path, terms } of listed) {
      for (const name of expected.get(path)!.split(', ')) expect(terms, path).toContain(name);
    }

    // A mention link lands on its section.
    await page
      .getByRole('link', { name: 'Turkey–Armenia–Azerbaijan: A New Diplomatic Triangle' })
      .click();
    await expect(
      page.getByRole('heading', { name: 'Turkey–Armenia–Azerbaijan: A New Diplomatic Triangle' }),
    ).toBeInViewport();
    expect(problems).toEqual([]);
  });
});

test.describe('claim labels in the chapters', () => {
  test('stand right after the sentences that state them and explain themselves', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('chapters/incident-chain/'));
    const cases = [
      { name: /^Unverified/, after: 'these claims remain unverified. ' },
      { name: /^Verified/, after: 'precision-guided munitions is verified. ' },
      { name: /^Alleged/, after: 'into deep Russian territory on 1 June 2025. ' },
      { name: /^Denied by Baku/, after: 'Baku denied involvement. ' },
    ];
    for (const { name, after } of cases) {
      const label = page.locator('.prose').getByRole('link', { name });
      await expect(label).toHaveCount(1);
      await label.scrollIntoViewIfNeeded();
      await expect(label).toBeVisible();
      const before = await label.evaluate((el) => el.previousSibling?.textContent ?? '');
      expect(before.endsWith(after), `text before the label: …${before.slice(-60)}`).toBe(true);
    }
    await page.goto(site('chapters/alliances/'));
    await expect(page.locator('.prose .claim__text')).toHaveText([
      'Alleged by Tehran',
      'Denied by Baku',
    ]);
    await page
      .locator('.prose')
      .getByRole('link', { name: /^Alleged by Tehran/ })
      .click();
    await expect(page).toHaveURL(/\/about\/#labels$/);
    for (const label of ['Verified', 'Unverified', 'Alleged', 'Denied']) {
      await expect(
        page.locator('#labels ~ dl dt .claim__text', { hasText: new RegExp(`^${label}$`) }),
      ).toHaveCount(1);
    }
    expect(problems).toEqual([]);
  });
});

test('every page links to the timeline, the actors and the about page, which gives the “as of” date', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site('chapters/energy/'));
  const footer = page.getByRole('navigation', { name: 'Footer' });
  await footer.getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
  await page
    .getByRole('navigation', { name: 'Footer' })
    .getByRole('link', { name: 'Actors' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Actors');
  await page
    .getByRole('navigation', { name: 'Footer' })
    .getByRole('link', { name: 'About' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About this site');
  await expect(page.locator('main')).toContainText('as of November 2025');
  await expect(page.locator('footer')).toContainText('as of November 2025');
  expect(problems).toEqual([]);
});
