/**
 * First-view budgets per kind of page, in gzip bytes (see tests/support/page-weight.ts for how they
 * are measured). Set from what `npm run bench` measured, with under 10 % headroom, so a 10 %
 * regression fails `npm test`. Raise one only with a reason in the commit message.
 */
export interface Budget {
  html: number;
  css: number;
  js: number;
  font: number;
  total: number;
}

export const PAGE_BUDGETS: Record<'home' | 'chapter' | 'other', Budget> = {
  home: { html: 2_400, css: 2_500, js: 1_100, font: 0, total: 6_300 },
  chapter: { html: 4_150, css: 2_500, js: 1_100, font: 0, total: 8_000 },
  other: { html: 4_150, css: 2_500, js: 1_100, font: 0, total: 8_000 },
};

export function budgetFor(pathname: string, base: string): Budget {
  const path = pathname.slice(base.length - 1);
  if (path === '/') return PAGE_BUDGETS.home;
  if (path.startsWith('/chapters/')) return PAGE_BUDGETS.chapter;
  return PAGE_BUDGETS.other;
}
