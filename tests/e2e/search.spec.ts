import type { Page, Locator } from '@playwright/test';
import { test, expect } from './fixtures.ts';

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

async function search(scope: Locator, query: string): Promise<Locator> {
  const box = scope.getByRole('searchbox');
  await box.fill(query);
  await expect(scope.locator('pagefind-summary')).toContainText(`for ${query}`);
  return resultItems(scope);
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
  expect(fetched.filter((path) => /\/pagefind\/|search-ui|search\.[\w-]+\.css/.test(path))).toEqual(
    [],
  );

  // Asking for search is what loads it; what is typed meanwhile is not lost.
  await page.keyboard.press('/');
  await page.keyboard.type('Sputnik');
  const dialog = page.getByRole('dialog', DIALOG);
  await expect(dialog.getByRole('searchbox')).toHaveValue('Sputnik');
  await expect(dialog.locator('pagefind-summary')).toHaveText('1 result for Sputnik');
  expect(fetched.some((path) => path.endsWith('/pagefind/pagefind-component-ui.js'))).toBe(true);
  expect(problems).toEqual([]);
});

test('each known name leads first to its chapter, with a section link that exists', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site('chapters/history/'));
  const dialog = await openWithSlash(page);
  for (const [query, slug] of EXPECTED_FIRST) {
    const first = (await search(dialog, query)).first();
    const links = first.getByRole('link');
    await expect(links.first(), query).toHaveAttribute('href', new RegExp(`/chapters/${slug}/\\?`));
    await expect(first.locator('mark').first(), query).toBeVisible();
    // A sub-result: a link to a section of that chapter, whose anchor is on the page.
    const sectionHref = await links.nth(1).getAttribute('href');
    const sectionUrl = new URL(sectionHref!, page.url());
    expect(sectionUrl.pathname, query).toMatch(new RegExp(`/chapters/${slug}/$`));
    expect(sectionUrl.hash, query).not.toBe('');
    const html = await (await page.request.get(sectionUrl.href)).text();
    expect(html, `${query}: ${sectionUrl.hash}`).toContain(
      `id="${decodeURIComponent(sectionUrl.hash.slice(1))}"`,
    );
  }
  expect(problems).toEqual([]);
});

test('forgiving matches: folded accents, the people for the place, quoted phrases, and advice on no result', async ({
  page,
  site,
  problems,
}) => {
  await page.goto(site());
  const dialog = await openWithSlash(page);

  const turkiye = await search(dialog, 'Turkiye');
  await expect(turkiye.first().locator('mark').first()).toHaveText('Türkiye');

  // Only two chapters say "Azerbaijani"; every chapter speaks of Azerbaijan, and all are found.
  const people = await search(dialog, 'Azerbaijani');
  await expect(people).toHaveCount(8);

  const phrase = await search(dialog, '"Operation Spiderweb"');
  await expect(phrase).toHaveCount(1);
  await expect(phrase.first().getByRole('link').first()).toHaveAttribute(
    'href',
    /\/chapters\/incident-chain\//,
  );

  const reversed = await search(dialog, '"Spiderweb Operation"');
  await expect(reversed).toHaveCount(0);
  await expect(dialog.locator('pagefind-summary')).toHaveText(
    'No results for "Spiderweb Operation"',
  );
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
  await expect(resultItems(main)).toHaveCount(2);
  await expect(resultItems(main).first().getByRole('link').first()).toHaveAttribute(
    'href',
    /\/chapters\/energy\//,
  );

  // Narrow by chapter: the address follows, and opening it again gives the same results.
  await main.getByRole('combobox', { name: 'Chapter' }).click();
  await page.getByRole('option', { name: /^6\. Alliances and Realignments/ }).click();
  await expect(resultItems(main)).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]chapter=6\.\+Alliances\+and\+Realignments/);
  await page.reload();
  await expect(resultItems(main)).toHaveCount(1);
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
