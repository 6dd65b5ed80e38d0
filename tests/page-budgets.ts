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

export type PageKind = 'home' | 'chapter' | 'search' | 'print' | 'other';

export const PAGE_BUDGETS: Record<PageKind, Budget> = {
  home: { html: 3_600, css: 4_400, js: 3_700, font: 0, total: 11_900 },
  // The label font of the diagrams (a subset, ~9 KB) is the one font any page loads.
  chapter: { html: 8_600, css: 5_700, js: 3_700, font: 10_100, total: 28_200 },
  // The search page loads the search interface and Pagefind's engine up front: that is what it is for.
  search: { html: 1_800, css: 4_400, js: 24_400, font: 0, total: 95_500 },
  print: { html: 21_300, css: 6_200, js: 3_700, font: 10_100, total: 38_500 },
  // Timeline, actors, about, 404.
  other: { html: 7_500, css: 5_050, js: 3_700, font: 0, total: 16_700 },
};

export function pageKind(pathname: string, base: string): PageKind {
  const path = pathname.slice(base.length - 1);
  if (path === '/') return 'home';
  if (path.startsWith('/chapters/')) return 'chapter';
  if (path === '/search/') return 'search';
  if (path === '/print/') return 'print';
  return 'other';
}
