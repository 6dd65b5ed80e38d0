import { withBase } from '../lib/urls.ts';

/** Query parameter that carries the search terms to the result page, where they are highlighted. */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

/** Where `astro build` wrote the Pagefind bundle (see index-integration.ts). */
export function bundlePath(): string {
  return withBase('pagefind/');
}

/** The vocabulary behind "Did you mean …?" (see vocabulary.ts). */
export function vocabularyUrl(): string {
  return withBase('search/vocabulary.json');
}

/** The page with the search form, for sharing a query; the header link leads here without JavaScript. */
export function searchPageUrl(term = '', filters: Record<string, string[]> = {}): string {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const [name, values] of Object.entries(filters))
    for (const value of values) params.append(name, value);
  const query = params.toString();
  return withBase('search/') + (query ? `?${query}` : '');
}

/** Filters the chapters carry (src/pages/chapters/[slug].astro), with their labels. */
export const FILTERS = [
  { name: 'chapter', label: 'Chapter', all: 'All chapters' },
  { name: 'actor', label: 'Actor', all: 'All actors' },
  { name: 'place', label: 'Place', all: 'All places' },
] as const;

/**
 * Chapter lengths differ by a factor of five; Pagefind's default favours short pages so strongly that
 * a passing mention in a short chapter outranks the chapter that tells the story.
 */
export const RANKING = { pageLength: 0.3 };
