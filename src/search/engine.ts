/**
 * Pagefind's search engine, through its documented JavaScript API only (pagefind.js: `options`,
 * `init`, `preload`, `debouncedSearch`, `search`, `filters`, and each result's `data()`), loaded
 * once, when the reader first shows an intent to search.
 */
import { withBase } from '../lib/urls.ts';
import { bundlePath, HIGHLIGHT_PARAM, RANKING } from './config.ts';

export type Filters = Record<string, string[]>;

/** The fields of a result's data this site shows (see Pagefind's `PagefindSearchFragment`). */
export interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: Record<string, string>;
  sub_results: {
    title: string;
    url: string;
    excerpt: string;
    locations: number[];
    anchor?: { element: string; id: string };
  }[];
}

export interface SearchResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

export interface SearchResults {
  results: SearchResult[];
  unfilteredResultCount: number;
}

interface SearchOptions {
  filters?: Filters;
}

/** The documented module interface of pagefind.js (Pagefind 1.6). */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResults>;
  debouncedSearch(
    term: string | null,
    options?: SearchOptions,
    debounceMs?: number,
  ): Promise<SearchResults | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let engine: Promise<PagefindModule> | undefined;

/**
 * Fetches and starts Pagefind: its script, WebAssembly, entry and metadata. Called on intent (the
 * pointer over or focus on the search control, `/`, Ctrl/Cmd+K) so it is ready as the reader types.
 * Search runs on the main thread (`noWorker`): for an index this small a query takes a millisecond,
 * and the worker would be one more script (14 KB) to fetch before the first result.
 */
export function loadEngine(): Promise<PagefindModule> {
  engine ??= (async () => {
    const pagefind = (await import(
      /* @vite-ignore */ `${bundlePath()}pagefind.js`
    )) as PagefindModule;
    await pagefind.options({
      baseUrl: withBase(''),
      highlightParam: HIGHLIGHT_PARAM,
      ranking: RANKING,
      noWorker: true,
    });
    await pagefind.init();
    return pagefind;
  })().catch((error: unknown) => {
    // Forget a failed load (a dropped connection, say), so the next attempt starts afresh.
    engine = undefined;
    throw error;
  });
  return engine;
}
