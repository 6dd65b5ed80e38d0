/**
 * Search figures for `npm run bench`: the size of the Pagefind bundle on disk, and for a first query
 * on a freshly loaded chapter the bytes fetched and the time from the last keystroke to the results
 * on screen (median over several queries, each in a new browser context with an empty cache).
 * Run alone with `node scripts/bench-search.ts` after `npm run build`.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { distFiles } from './lib/dist-files.ts';
import { serveStatic } from './lib/static-server.ts';

export interface SearchBench {
  /** Bytes on disk of dist/pagefind: everything Pagefind wrote. */
  bundleBytes: number;
  /** The part that is the index itself (word index, fragments, filters, metadata), not code or styles. */
  indexBytes: number;
  queries: { query: string; fetchedBytes: number; keystrokeToResultsMs: number }[];
  medianFetchedBytes: number;
  medianKeystrokeToResultsMs: number;
}

export const DEFAULT_QUERIES = [
  'Iskander',
  'Sputnik',
  'TANAP',
  'Zangezur',
  'Turkiye',
  'peacekeepers',
  'Spiderweb',
  'Bayraktar',
];

function filesUnder(dir: string): { path: string; bytes: number }[] {
  return distFiles(dir).map((path) => ({ path, bytes: statSync(join(dir, path)).size }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One first query: load a chapter, open search with `/`, type, wait for the first result link. */
async function firstQuery(browser: Browser, pageUrl: string, query: string, typingDelayMs: number) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
  );
  await page.evaluate((query) => {
    const timing = { lastKey: 0, results: 0 };
    (window as unknown as { benchTiming: typeof timing }).benchTiming = timing;
    document.addEventListener('keydown', () => (timing.lastKey = performance.now()), true);
    // Results for the whole query: earlier keystrokes may already have shown results for a prefix.
    new MutationObserver(() => {
      const summary = document.querySelector('dialog[open] pagefind-summary')?.textContent ?? '';
      const shown = document.querySelector('dialog[open] .pf-result-link');
      if (!timing.results && shown && summary.endsWith(` for ${query}`))
        timing.results = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, query);
  await page.keyboard.press('/');
  await page.getByRole('searchbox').waitFor();
  await page.keyboard.type(query, { delay: typingDelayMs });
  await page.waitForFunction(
    () => (window as unknown as { benchTiming: { results: number } }).benchTiming.results > 0,
  );
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(
    () => (window as unknown as { benchTiming: { lastKey: number; results: number } }).benchTiming,
  );
  const fetchedBytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return { query, fetchedBytes, keystrokeToResultsMs: Math.round(timing.results - timing.lastKey) };
}

export interface SearchBenchOptions {
  distDir?: string;
  /** The chapter the reader starts on. */
  page?: string;
  queries?: string[];
  /** Pause between keystrokes: 0 is a paste (worst case, the engine is still loading); ~120 is a typist. */
  typingDelayMs?: number;
}

export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchBench> {
  const {
    distDir = 'dist',
    page = 'chapters/history/',
    queries = DEFAULT_QUERIES,
    typingDelayMs = 0,
  } = options;
  const files = filesUnder(join(distDir, 'pagefind'));
  const bundleBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const indexBytes = files
    .filter((f) => /\.(pf_index|pf_fragment|pf_filter|pf_meta)$/.test(f.path))
    .reduce((sum, f) => sum + f.bytes, 0);

  const site = await serveStatic(distDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const results = [];
    for (const query of queries)
      results.push(await firstQuery(browser, site.url + page, query, typingDelayMs));
    return {
      bundleBytes,
      indexBytes,
      queries: results,
      medianFetchedBytes: median(results.map((r) => r.fetchedBytes)),
      medianKeystrokeToResultsMs: median(results.map((r) => r.keystrokeToResultsMs)),
    };
  } finally {
    await browser.close();
    await site.stop();
  }
}

if (import.meta.main) {
  for (const typingDelayMs of [0, 120]) {
    const { bundleBytes, indexBytes, medianFetchedBytes, medianKeystrokeToResultsMs, queries } =
      await benchSearch({ typingDelayMs });
    console.log(
      JSON.stringify({
        typingDelayMs,
        bundleBytes,
        indexBytes,
        medianFetchedBytes,
        medianKeystrokeToResultsMs,
        queries,
      }),
    );
  }
}
