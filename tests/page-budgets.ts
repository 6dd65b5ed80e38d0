import type { PageWeight } from '../scripts/lib/page-weight.ts';

/**
 * First-view budgets per kind of page, in gzip bytes (see scripts/lib/page-weight.ts for how they
 * are measured). Each is what `npm run bench` measured for the heaviest page of its kind plus about
 * 8 %, so a 10 % regression fails `npm test`. Raise one only with a reason in the commit message.
 */
export interface Budget {
  html: number;
  css: number;
  js: number;
  font: number;
  total: number;
}

export type PageKind = 'home' | 'chapter' | 'search' | 'print' | 'places' | 'other';

export const PAGE_BUDGETS: Record<PageKind, Budget> = {
  home: { html: 3_900, css: 4_800, js: 4_000, font: 0, total: 12_800 },
  // The label font of the diagrams (a subset, ~9 KB) is the one font any page loads.
  // A chapter with a map carries it inline: ~6 KB of SVG and ~1.5 KB of key (incident chain).
  chapter: { html: 17_500, css: 7_400, js: 4_000, font: 10_100, total: 40_000 },
  // The search page loads the search interface and Pagefind's engine up front: that is what it is for.
  search: { html: 1_800, css: 4_400, js: 24_400, font: 0, total: 95_500 },
  print: { html: 40_000, css: 7_800, js: 4_000, font: 10_100, total: 62_000 },
  // Two maps inline (~10 KB gzip) and every place with the sections that name it.
  places: { html: 19_000, css: 5_700, js: 4_000, font: 0, total: 29_000 },
  // Timeline, actors, about, 404. The timeline is among the heaviest: 25 events with their quotes,
  // among them the century and decade events and the multi-sentence quotes of the faithful layer.
  other: { html: 8_200, css: 5_600, js: 4_000, font: 0, total: 18_000 },
};

export function pageKind(pathname: string, base: string): PageKind {
  const path = pathname.slice(base.length - 1);
  if (path === '/') return 'home';
  if (path.startsWith('/chapters/')) return 'chapter';
  if (path === '/search/') return 'search';
  if (path === '/print/') return 'print';
  if (path === '/places/') return 'places';
  return 'other';
}

/** Each resource kind over the page's budget, as a message; none when the page is within it. */
export function budgetOverruns(weight: PageWeight, base: string): string[] {
  const kind = pageKind(weight.path, base);
  const budget = PAGE_BUDGETS[kind];
  const measured: Budget = {
    html: weight.byKind.html.gzip,
    css: weight.byKind.css.gzip,
    js: weight.byKind.js.gzip,
    font: weight.byKind.font.gzip,
    total: weight.total.gzip,
  };
  return (Object.keys(budget) as (keyof Budget)[])
    .filter((resource) => measured[resource] > budget[resource])
    .map(
      (resource) =>
        `${weight.path}: ${resource} ${measured[resource]} B gzip > ${kind} budget ${budget[resource]} B`,
    );
}
