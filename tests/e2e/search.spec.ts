import type { Page, Locator } from '@playwright/test';
import { test, expect, ONCE } from './fixtures.ts';
import { axeViolations } from '../support/axe.ts';
import { firstQuery, furtherQuery } from '../../scripts/bench-search.ts';
import { readArticle, textInReadingOrder } from '../../src/article/chapters.ts';

const DIALOG = { name: 'Search the article' };

/** Where each query should lead first, read from content/chapters/*.mdx. */
const EXPECTED_FIRST: [query: string, slug: string][] = [
  ['Iskander', 'incident-chain'], // the strike on the embassy in Kyiv, told in full there
  ['Sputnik', 'incident-chain'],
  ['TANAP', 'energy'],
  ['Zangezur', 'energy'],
  ['Turkiye', 'alliances'], // the text spells it Türkiye
  ['peacekeepers', 'wars-2020-2023'],
  ['Spiderweb', 'incident-chain'],
  ['Bayraktar', 'wars-2020-2023'],
];

async function openWithSlash(page: Page): Promise<Locator> {
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', DIALOG);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  return dialog;
}

function resultItems(scope: Locator): Locator {
  return scope.getByRole('list', { name: 'Search results' }).locator('> li');
}

/** The line that says, and announces, how many results the query found. */
const status = (scope: Locator) => scope.getByRole('status');

async function search(scope: Locator, query: string): Promise<Locator> {
  const box = scope.getByRole('searchbox');
  await box.fill(query);
  await expect(status(scope)).toContainText(`for ${query}`);
  return resultItems(scope);
}

/** The chapters (from content/chapters/, through the article model) and their words. */
const chapters = readArticle().chapters.map((chapter) => ({
  id: chapter.id,
  text: textInReadingOrder(chapter).join('\n'),
}));

/** The chapters whose text contains `words` (a string or a pattern). */
function chaptersSaying(words: string | RegExp): string[] {
  return chapters
    .filter((chapter) =>
      typeof words === 'string' ? chapter.text.includes(words) : words.test(chapter.text),
    )
    .map((chapter) => chapter.id);
}

/** Records what the page says to screen readers through live regions. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = ((window as unknown as { said: string[] }).said = []);
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[aria-live]')) {
        const text = region.textContent?.trim();
        if (text && said.at(-1) !== text) said.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('the first load of a chapter fetches no search code, styles or index', async ({
  page,
  site,
  problems,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(site('chapters/incident-chain/'));
  await page.waitForLoadState('networkidle');
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.filter((path) => /\/pagefind\/|\/search\/|search-ui/.test(path))).toEqual([]);

  // Asking for search is what loads it; what is typed meanwhile is not lost.
  await page.keyboard.press('/');
  await page.keyboard.type('Sputnik');
  const dialog = page.getByRole('dialog', DIALOG);
  await expect(dialog.getByRole('searchbox')).toHaveValue('Sputnik');
  await expect(status(dialog)).toHaveText('1 result for Sputnik');
  expect(fetched.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
  // Pagefind's own interface is not used, and the vocabulary is not needed for a query that finds.
  expect(fetched.filter((path) => /component-ui|vocabulary/.test(path))).toEqual([]);
  expect(problems).toEqual([]);
});

test('the pointer over, or focus on, the search control starts loading search before it is opened', async ({
  page,
  site,
  problems,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const trigger = page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('link', { name: 'Search' });

  await page.goto(site('chapters/energy/'));
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => path.includes('/pagefind/'))).toEqual([]);
  await trigger.hover();
  await expect
    .poll(() => fetched.filter((path) => path.includes('/pagefind/')))
    .toContainEqual(expect.stringMatching(/\/pagefind\/wasm\.[\w-]+\.pagefind$/));
  await expect(page.getByRole('dialog', DIALOG)).toHaveCount(0);

  fetched.length = 0;
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => path.includes('/pagefind/'))).toEqual([]);
  await trigger.focus();
  await expect
    .poll(() => fetched.filter((path) => path.includes('/pagefind/')))
    .toContainEqual(expect.stringMatching(/\/pagefind\/pagefind\.js$/));
  expect(problems).toEqual([]);
});

test.describe('what a first search costs', () => {
  // A budget from the network log, not a timing: every request and its bytes as nginx sent them.
  const FIRST_QUERY_BYTES = 110_000;
  const FIRST_QUERY_REQUESTS = 10;
  const FURTHER_QUERY_BYTES = 10_000;

  for (const [query, next] of [
    ['Iskander', 'Zangezur'],
    ['Azerbaijan', 'Russia'], // every chapter matches: only the results drawn are fetched
  ] as const)
    for (const typingDelayMs of [0, 100])
      test(`“${query}” ${typingDelayMs ? 'typed' : 'pasted'} on a chapter, then “${next}”`, async ({
        page,
        site,
        problems,
      }) => {
        const first = await firstQuery(page, site('chapters/history/'), query, { typingDelayMs });
        const list = first.requests.map((r) => `${r.path} ${r.bytes}`).join('\n');
        expect(first.pagefindBeforeIntent, 'nothing of search before intent').toEqual([]);
        expect(first.wireBytes, list).toBeLessThanOrEqual(FIRST_QUERY_BYTES);
        expect(first.requests.length, list).toBeLessThanOrEqual(FIRST_QUERY_REQUESTS);
        // Result data only for results drawn on screen.
        const drawn = await resultItems(page.getByRole('dialog', DIALOG)).count();
        const fragments = first.requests.filter((r) => r.path.endsWith('.pf_fragment'));
        if (typingDelayMs === 0) expect(fragments.length, list).toBe(drawn);
        else expect(fragments.length, list).toBeGreaterThanOrEqual(drawn);

        const further = await furtherQuery(page, next);
        expect(
          further.wireBytes,
          further.requests.map((r) => r.path).join('\n'),
        ).toBeLessThanOrEqual(FURTHER_QUERY_BYTES);
        expect(problems).toEqual([]);
      });
});

test('each known name leads first to its chapter, with a section link that exists', async ({
  page,
  site,
  problems,
}) => {
  // Opens each section's page in a browser tab of its own: slow on a busy machine.
  test.setTimeout(90_000);
  await page.goto(site('chapters/history/'));
  const dialog = await openWithSlash(page);
  for (const [query, slug] of EXPECTED_FIRST) {
    const first = (await search(dialog, query)).first();
    const links = first.getByRole('link');
    await expect(links.first(), query).toHaveAttribute('href', new RegExp(`/chapters/${slug}/\\?`));
    await expect(first.locator('mark').first(), query).toBeVisible();
    // A sub-result: a link to a section of that chapter, named as its heading reads there.
    const section = links.nth(1);
    const sectionUrl = new URL((await section.getAttribute('href'))!, page.url());
    expect(sectionUrl.pathname, query).toMatch(new RegExp(`/chapters/${slug}/$`));
    expect(sectionUrl.hash, query).not.toBe('');
    const target = await page.context().newPage();
    await target.goto(sectionUrl.href);
    const heading = target.locator(`[id="${decodeURIComponent(sectionUrl.hash.slice(1))}"]`);
    await expect(heading, `${query}: ${sectionUrl.hash}`).toHaveCount(1);
    await expect(section, query).toHaveText((await heading.textContent())!.trim());
    await target.close();
  }
  // Section titles read as headings: no "# " before them.
  await search(dialog, 'Azerbaijan');
  for (const text of await resultItems(dialog).getByRole('link').allTextContents())
    expect(text).not.toMatch(/^\s*#/);
  expect(problems).toEqual([]);
});

test('forgiving matches: folded accents, the people for the place, quoted phrases, and advice on no result', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site());
  const dialog = await openWithSlash(page);

  // Without its accent, and by its other name or adjective, Türkiye is found wherever the text
  // uses any of them.
  const turkish = chaptersSaying(/Türkiye|Turkey|Turkish/);
  for (const name of ['Turkiye', 'Turkey', 'Turkish']) {
    const results = await search(dialog, name);
    await expect(status(dialog)).toHaveText(`${turkish.length} results for ${name}`);
    await expect(results.first().locator('mark').first()).toHaveText(/^(Türkiye|Turkey|Turkish)/);
  }

  // Only two chapters say "Azerbaijani"; every chapter speaks of Azerbaijan, and all are found.
  await search(dialog, 'Azerbaijani');
  await expect(status(dialog)).toHaveText(`${chapters.length} results for Azerbaijani`);

  const phrase = await search(dialog, '"Operation Spiderweb"');
  await expect(phrase).toHaveCount(1);
  await expect(phrase.first().getByRole('link').first()).toHaveAttribute(
    'href',
    /\/chapters\/incident-chain\//,
  );

  const reversed = await search(dialog, '"Spiderweb Operation"');
  await expect(reversed).toHaveCount(0);
  await expect(status(dialog)).toHaveText('No results for "Spiderweb Operation"');
  await expect(dialog.getByText(/Try another spelling/)).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'browse the contents' })).toBeVisible();

  await search(dialog, 'Sputnik');
  await expect(dialog.getByText(/Try another spelling/)).toBeHidden();
  expect(problems).toEqual([]);
});

test('by keyboard alone: open, search, hear the count, choose, land on the highlighted section', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site('chapters/energy/'));
  await recordAnnouncements(page);
  const trigger = page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('link', { name: 'Search' });
  // Tab to the header control, open, and close again: focus comes back to it.
  for (let i = 0; i < 10 && !(await trigger.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', DIALOG);
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  // Ctrl+K opens it too; the count is announced.
  await page.keyboard.press('Control+k');
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('Spiderweb');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { said: string[] }).said))
    .toContain('1 result for Spiderweb');

  await expect(resultItems(dialog)).toHaveCount(1);
  // The page, then its sections: the one that tells of Spiderweb, and the diagram that names it.
  const links = resultItems(dialog).first().getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(2);
  const section = links.filter({ hasText: 'Operation Spiderweb — A Shadow War?' });
  await expect(section).toHaveCount(1);

  // Down to the first result, on down through its sections, Enter to go there.
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  for (let i = 0; i < 5 && !(await section.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(section).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(
    /\/chapters\/incident-chain\/\?pagefind-highlight=spiderweb#operation-spiderweb--a-shadow-war$/,
  );
  const heading = page.getByRole('heading', { name: 'Operation Spiderweb — A Shadow War?' });
  await expect(heading).toBeInViewport();
  const marks = page.locator('article mark.pagefind-highlight');
  await expect(marks.first()).toHaveText(/Spiderweb/i);
  expect(await marks.count()).toBeGreaterThanOrEqual(2);
  expect(problems).toEqual([]);
});

test('a result link with highlighted terms marks them only inside the article', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(
    site(
      'chapters/incident-chain/?pagefind-highlight=iskander#cold-gestures-and-unmistakable-messages',
    ),
  );
  const marks = page.locator('mark.pagefind-highlight');
  await expect(marks.first()).toHaveText('Iskander');
  const count = await marks.count();
  await expect(marks).toHaveText(Array.from({ length: count }, () => /^Iskander$/i));
  await expect(page.locator('article mark.pagefind-highlight')).toHaveCount(count);
  // The sentence the anchor leads to shows its mark on screen.
  await expect(
    page
      .locator('p', { hasText: 'Tensions escalated even further on 14 November 2025' })
      .locator('mark'),
  ).toBeInViewport();
  // Without the parameter nothing is marked and the highlighter is not fetched.
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto(site('chapters/incident-chain/'));
  await page.waitForLoadState('networkidle');
  await expect(page.locator('mark.pagefind-highlight')).toHaveCount(0);
  expect(fetched.filter((url) => url.includes('pagefind'))).toEqual([]);
  expect(problems).toEqual([]);
});

test('the search page runs the query and filters from its address, and keeps the address shareable', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site('search/?q=Zangezur'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
  const main = page.getByRole('main');
  await expect(main.getByRole('searchbox')).toHaveValue('Zangezur');
  await expect(status(main)).toHaveText(
    `${chaptersSaying('Zangezur').length} results for Zangezur`,
  );
  await expect(resultItems(main).first().getByRole('link').first()).toHaveAttribute(
    'href',
    /\/chapters\/energy\//,
  );

  // Narrow by chapter: the address follows, and opening it again gives the same results.
  await main.getByText('Filter by chapter, actor or place').click();
  await main
    .getByRole('combobox', { name: 'Chapter' })
    .selectOption({ label: '6. Alliances and Realignments' });
  await expect(status(main)).toHaveText('1 result for Zangezur');
  await expect(resultItems(main)).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]chapter=6\.\+Alliances\+and\+Realignments/);
  await page.reload();
  await expect(resultItems(main)).toHaveCount(1);
  await expect(main.getByRole('combobox', { name: 'Chapter' })).toHaveValue(
    '6. Alliances and Realignments',
  );
  await expect(resultItems(main).first().getByRole('link').first()).toHaveAttribute(
    'href',
    /\/chapters\/alliances\//,
  );

  await main.getByRole('searchbox').fill('Iran');
  await expect(page).toHaveURL(/[?&]q=Iran(&|$)/);
  expect(problems).toEqual([]);
});

test('the actor filter narrows results to chapters about that actor', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site('search/?q=Russia&actor=Sudan'));
  const main = page.getByRole('main');
  await expect(resultItems(main)).toHaveCount(1);
  await expect(resultItems(main).first().getByRole('link').first()).toHaveAttribute(
    'href',
    /\/chapters\/incident-chain\//,
  );
  expect(problems).toEqual([]);
});

test('the place filter narrows results to the chapters that name the place', async ({
  page,
  site,
  problems,
}) => {
  const naming = chaptersSaying('Odesa');
  expect(naming.length).toBeGreaterThan(0);
  await page.goto(site('search/?q=Azerbaijan&place=Odesa'));
  const main = page.getByRole('main');
  await expect(resultItems(main)).toHaveCount(naming.length);
  const hrefs = await resultItems(main).evaluateAll((items) =>
    items.map((item) => item.querySelector('a')?.getAttribute('href') ?? ''),
  );
  for (const href of hrefs) expect(href).toMatch(new RegExp(`/chapters/(${naming.join('|')})/`));
  // A filter from the address opens the filters, showing it chosen.
  await expect(main.getByRole('combobox', { name: 'Place' })).toHaveValue('Odesa');
  expect(problems).toEqual([]);
});

test.describe('no dead ends', () => {
  test('“Kiev” finds the chapters with the embassy strike, spelt Kyiv, and says so', async ({
    page,
    site,
    problems,
  }) => {
    const strike = chaptersSaying('Iskander missile struck Azerbaijan’s embassy in Kyiv');
    expect(strike.length).toBeGreaterThan(0);
    await page.goto(site('chapters/energy/'));
    const dialog = await openWithSlash(page);
    await dialog.getByRole('searchbox').fill('Kiev');
    await expect(status(dialog)).toHaveText(/ results? for Kyiv$/);
    await expect(dialog.getByText('the article spells Kiev as Kyiv')).toBeVisible();
    await expect(resultItems(dialog).first().getByRole('link').first()).toHaveAttribute(
      'href',
      new RegExp(`/chapters/(${strike.join('|')})/\\?pagefind-highlight=kyiv`),
    );
    await expect(resultItems(dialog).first().locator('mark').first()).toHaveText(/^Kyiv\b/);
    expect(problems).toEqual([]);
  });

  for (const [typed, meant] of [
    ['Kazakstan', 'Kazakhstan'], // a place
    ['Pashinian', 'Pashinyan'], // a name
  ] as const)
    test(`“${typed}” gets “Did you mean ${meant}?”, which, chosen, finds its chapter`, async ({
      page,
      site,
      problems,
    }) => {
      const chapters = chaptersSaying(meant);
      expect(chapters.length).toBeGreaterThan(0);
      await page.goto(site('chapters/history/'));
      const dialog = await openWithSlash(page);
      await dialog.getByRole('searchbox').fill(typed);
      await expect(status(dialog)).toHaveText(`No results for ${typed}`);
      const suggestion = dialog.getByRole('button', { name: meant, exact: true });
      await expect(dialog.getByText(`Did you mean ${meant}?`)).toBeVisible();
      // By keyboard: Tab reaches the suggestion, Enter runs it.
      for (
        let i = 0;
        i < 6 && !(await suggestion.evaluate((el) => el === document.activeElement));
        i++
      )
        await page.keyboard.press('Tab');
      await expect(suggestion).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog.getByRole('searchbox')).toHaveValue(meant);
      await expect(status(dialog)).toHaveText(
        `${chapters.length} ${chapters.length === 1 ? 'result' : 'results'} for ${meant}`,
      );
      await expect(resultItems(dialog).first().getByRole('link').first()).toHaveAttribute(
        'href',
        new RegExp(`/chapters/(${chapters.join('|')})/\\?`),
      );
      expect(problems).toEqual([]);
    });

  test('American spellings find the article’s British ones', async ({ page, site, problems }) => {
    await page.goto(site());
    const dialog = await openWithSlash(page);
    for (const [american, british] of [
      ['defense', 'defence'],
      ['normalization', 'normalisation'],
    ] as const) {
      await dialog.getByRole('searchbox').fill(american);
      await expect(status(dialog)).toHaveText(new RegExp(` for ${british}$`));
      await expect(resultItems(dialog).first().locator('mark').first()).toHaveText(
        new RegExp(british, 'i'),
      );
    }
    expect(problems).toEqual([]);
  });

  test('every word of the vocabulary is a word the index finds', async ({ page, site }) => {
    await page.goto(site());
    const vocabulary = (await (await page.request.get(site('search/vocabulary.json'))).json()) as {
      words: string[];
    };
    expect(vocabulary.words.length).toBeGreaterThan(500);
    const missing = await page.evaluate(
      async ({ bundle, words }) => {
        const pagefind = (await import(`${bundle}pagefind.js`)) as {
          options(o: object): Promise<void>;
          search(term: string): Promise<{ results: unknown[] }>;
        };
        await pagefind.options({ noWorker: true });
        const notFound: string[] = [];
        for (const word of words)
          if ((await pagefind.search(word)).results.length === 0) notFound.push(word);
        return notFound;
      },
      { bundle: site('pagefind/'), words: vocabulary.words },
    );
    expect(missing).toEqual([]);
  });
});

test(
  'axe finds no WCAG 2.2 A/AA violation in the dialog or on the search page, light or dark',
  ONCE,
  async ({ page, site, problems }) => {
    test.setTimeout(120_000);
    const audit = (what: string) => axeViolations(page, what);
    const report: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(site('chapters/energy/'));
      const dialog = await openWithSlash(page);
      await search(dialog, 'Zangezur');
      await dialog.getByText('Filter by chapter, actor or place').click();
      await expect(
        dialog.getByRole('combobox', { name: 'Actor' }).getByRole('option'),
      ).not.toHaveCount(1);
      report.push(...(await audit(`${scheme} dialog with results and filters`)));
      await dialog.getByRole('searchbox').fill('Kazakstan');
      await expect(dialog.getByText('Did you mean')).toBeVisible();
      report.push(...(await audit(`${scheme} dialog with a suggestion`)));
      await dialog.getByRole('searchbox').fill('Kiev');
      await expect(dialog.getByText('the article spells Kiev as Kyiv')).toBeVisible();
      report.push(...(await audit(`${scheme} dialog with a respelt query`)));

      await page.goto(site('search/?q=Russia&actor=Sudan'));
      await expect(status(page.getByRole('main'))).toHaveText('1 result for Russia');
      report.push(...(await audit(`${scheme} search page`)));
    }
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
  },
);

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search control is a link to the search page, which lists every chapter', async ({
    page,
    site,
    problems,
  }) => {
    await page.goto(site('chapters/energy/'));
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Search' })
      .click();
    await expect(page).toHaveURL(site('search/'));
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    const chapters = page.getByRole('main').getByRole('listitem').getByRole('link');
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveCount(0);
    await expect(chapters).toHaveCount(8);
    await chapters.last().click();
    await expect(page).toHaveURL(/\/chapters\/conclusion\/$/);
    expect(problems).toEqual([]);
  });
});

test('when the search interface cannot load, the search page still lists every chapter', async ({
  page,
  site,
}) => {
  await page.route('**/pagefind/**', (route) => route.abort());
  await page.goto(site('search/?q=TANAP'));
  await expect(
    page.getByText(/Search needs JavaScript, which is turned off or could not load/),
  ).toBeVisible();
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Energy and the Zangezur Corridor' }),
  ).toBeVisible();
});

test('when search cannot load, asking for it from a chapter leads to the search page’s chapter list', async ({
  page,
  site,
}) => {
  await page.route('**/pagefind/**', (route) => route.abort());
  await page.goto(site('chapters/energy/'));
  await page.keyboard.press('/');
  await expect(page).toHaveURL(site('search/'));
  await expect(
    page.getByText(/Search needs JavaScript, which is turned off or could not load/),
  ).toBeVisible();
});
