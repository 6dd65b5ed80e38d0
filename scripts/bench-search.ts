/**
 * Search figures for `npm run bench`, measured from the network log of a real Chromium against the
 * built site served by nginx (gzip as served): for a first query on a freshly loaded chapter, the
 * requests and bytes on the wire from the reader's first sign of intent to the results on screen,
 * the time from that intent until the engine is loaded, and from the last keystroke to the results;
 * then the bytes a further query costs. Each run is a new browser context with an empty cache.
 * Run alone with `npx node scripts/bench-search.ts` after `npm run build`.
 * The end-to-end budget test (tests/e2e/search.spec.ts) uses the same measurement.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { distFiles } from './lib/dist-files.ts';
import { serveWithNginx } from './lib/nginx.ts';

/** One response as it crossed the wire. */
export interface WireRequest {
  path: string;
  /** Body as sent (gzip where the server compressed it) plus headers. */
  bytes: number;
  /** When the response ended, in milliseconds since the epoch. */
  endedAt: number;
}

/** The engine a query needs before any index chunk: Pagefind's script, its worker, WebAssembly, entry and metadata. */
const ENGINE_FILE =
  /\/pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta)$/;

/** Records every finished request of a page, with its size on the wire, from the moment it is called. */
export function recordWire(page: Page): {
  requests: WireRequest[];
  /** Resolves once the sizes of all requests finished so far are known. */
  settled(): Promise<WireRequest[]>;
  /** Starts a new tally (what came before is dropped). */
  reset(): void;
} {
  let pending: Promise<WireRequest>[] = [];
  const onFinished = (request: Request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const timing = request.timing();
        let body = sizes.responseBodySize;
        // Chromium reports no body size for a worker's script; count it as nginx sends it
        // (gzip at its default level 1) so a worker is not free.
        const response = await request.response();
        if (body === 0 && response) {
          const raw = await response.body().catch(() => Buffer.alloc(0));
          const gzipped = response.headers()['content-encoding'] === 'gzip';
          body = gzipped ? gzipSync(raw, { level: 1 }).length : raw.length;
        }
        return {
          path: new URL(request.url()).pathname,
          bytes: body + sizes.responseHeadersSize,
          endedAt: timing.startTime + timing.responseEnd,
        };
      })(),
    );
  };
  page.on('requestfinished', onFinished);
  const log = {
    requests: [] as WireRequest[],
    async settled() {
      log.requests = await Promise.all(pending);
      return log.requests;
    },
    reset() {
      pending = [];
      log.requests = [];
    },
  };
  return log;
}

export const sumBytes = (requests: WireRequest[]): number =>
  requests.reduce((sum, r) => sum + r.bytes, 0);

interface PageTiming {
  intent: number;
  lastKey: number;
  results: number;
}

/**
 * Watches the page for the moment results for `query` are on screen: the open dialog's status line
 * says "… for <query>" and at least one result link is shown. Times are epoch milliseconds.
 */
async function watchForResults(page: Page, query: string): Promise<void> {
  await page.evaluate((query) => {
    const now = () => performance.timeOrigin + performance.now();
    const timing: PageTiming = { intent: 0, lastKey: 0, results: 0 };
    (window as unknown as { searchBench: PageTiming }).searchBench = timing;
    const trigger = document.querySelector('[data-search-trigger]');
    trigger?.addEventListener('pointerover', () => (timing.intent ||= now()), { capture: true });
    document.addEventListener('keydown', () => (timing.intent ||= now()), true);
    // The last change to the query: a keystroke, or a paste.
    document.addEventListener('input', () => (timing.lastKey = now()), true);
    const check = () => {
      const status =
        document.querySelector('dialog[open] :is([role="status"], pagefind-summary)')
          ?.textContent ?? '';
      const shown = document.querySelector(
        'dialog[open] :is([aria-label="Search results"] a[href], .pf-result-link)',
      );
      if (!timing.results && shown && status.trim().endsWith(` for ${query}`))
        timing.results = now();
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, query);
}

const benchTiming = (page: Page) =>
  page.evaluate(() => (window as unknown as { searchBench: PageTiming }).searchBench);

export interface FirstQuery {
  query: string;
  /** Requests under /pagefind/ before any sign of intent (must be none). */
  pagefindBeforeIntent: string[];
  /** From intent to results on screen (and the network quiet again). */
  requests: WireRequest[];
  wireBytes: number;
  keystrokeToResultsMs: number;
  /** From intent until the last engine file (script, worker, WebAssembly, entry, metadata) arrived. */
  intentToReadyMs: number;
}

export type Intent = 'key' | 'pointer';

/** Types the query a key at a time, or with no delay pastes it in one go, as a reader would. */
async function enter(page: Page, query: string, typingDelayMs: number): Promise<void> {
  if (typingDelayMs > 0) await page.keyboard.type(query, { delay: typingDelayMs });
  else await page.keyboard.insertText(query);
}

/**
 * A reader on a chapter page opens search and types a one-word query: with `key`, `/` then typing at
 * once; with `pointer`, the pointer rests on the header's search control, then a click and typing.
 */
export async function firstQuery(
  page: Page,
  pageUrl: string,
  query: string,
  { intent = 'key', typingDelayMs = 0 }: { intent?: Intent; typingDelayMs?: number } = {},
): Promise<FirstQuery> {
  const wire = recordWire(page);
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  const pagefindBeforeIntent = (await wire.settled())
    .map((r) => r.path)
    .filter((path) => path.includes('/pagefind/'));
  wire.reset();
  await watchForResults(page, query);
  if (intent === 'pointer') {
    const trigger = page.locator('[data-search-trigger]').first();
    await trigger.hover();
    await page.waitForLoadState('networkidle');
    await trigger.click();
  } else {
    await page.keyboard.press('/');
  }
  await page.locator('dialog[open] input[type="search"]').waitFor();
  await enter(page, query, typingDelayMs);
  await page.waitForFunction(
    () => (window as unknown as { searchBench: PageTiming }).searchBench.results > 0,
  );
  await page.waitForLoadState('networkidle');
  const timing = await benchTiming(page);
  const requests = await wire.settled();
  const engineEnd = Math.max(
    ...requests.filter((r) => ENGINE_FILE.test(r.path)).map((r) => r.endedAt),
  );
  return {
    query,
    pagefindBeforeIntent,
    requests,
    wireBytes: sumBytes(requests),
    keystrokeToResultsMs: Math.round(timing.results - timing.lastKey),
    intentToReadyMs: Math.round(engineEnd - timing.intent),
  };
}

/** With results for one query on screen, the reader replaces it with another: what that costs. */
export async function furtherQuery(
  page: Page,
  query: string,
  { typingDelayMs = 0 }: { typingDelayMs?: number } = {},
): Promise<{
  query: string;
  requests: WireRequest[];
  wireBytes: number;
  keystrokeToResultsMs: number;
}> {
  const wire = recordWire(page);
  await watchForResults(page, query);
  const box = page.locator('dialog[open] input[type="search"]');
  await box.selectText();
  await enter(page, query, typingDelayMs);
  await page.waitForFunction(
    () => (window as unknown as { searchBench: PageTiming }).searchBench.results > 0,
  );
  await page.waitForLoadState('networkidle');
  const timing = await benchTiming(page);
  const requests = await wire.settled();
  return {
    query,
    requests,
    wireBytes: sumBytes(requests),
    keystrokeToResultsMs: Math.round(timing.results - timing.lastKey),
  };
}

export interface SearchBench {
  /** Bytes on disk of dist/pagefind: everything Pagefind wrote. */
  bundleBytes: number;
  /** The part that is the index itself (word index, fragments, filters, metadata), not code or styles. */
  indexBytes: number;
  runs: {
    query: string;
    next: string;
    first: Omit<FirstQuery, 'requests'> & { requests: number };
    further: { wireBytes: number; requests: number };
  }[];
  median: {
    firstWireBytes: number;
    firstRequests: number;
    furtherWireBytes: number;
    keystrokeToResultsMs: number;
    intentToReadyMs: number;
  };
  /** The requests of the first run, to see what a first query costs file by file. */
  sample: WireRequest[];
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

export interface SearchBenchOptions {
  distDir?: string;
  /** The chapter the reader starts on. */
  page?: string;
  queries?: string[];
  intent?: Intent;
  /** Pause between keystrokes: 0 pastes the query at once (the engine may still be loading); ~120 is a typist. */
  typingDelayMs?: number;
}

export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchBench> {
  const {
    distDir = 'dist',
    page: pagePath = 'chapters/history/',
    queries = DEFAULT_QUERIES,
    intent = 'key',
    typingDelayMs = 0,
  } = options;
  const files = filesUnder(join(distDir, 'pagefind'));
  const bundleBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const indexBytes = files
    .filter((f) => /\.(pf_index|pf_fragment|pf_filter|pf_meta)$/.test(f.path))
    .reduce((sum, f) => sum + f.bytes, 0);

  const site = await serveWithNginx(distDir);
  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const runs: SearchBench['runs'] = [];
    let sample: WireRequest[] = [];
    for (const [i, query] of queries.entries()) {
      const next = queries[(i + 1) % queries.length]!;
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const first = await firstQuery(page, site.url + pagePath, query, { intent, typingDelayMs });
      const further = await furtherQuery(page, next, { typingDelayMs });
      await context.close();
      if (i === 0) sample = first.requests;
      runs.push({
        query,
        next,
        first: { ...first, requests: first.requests.length },
        further: { wireBytes: further.wireBytes, requests: further.requests.length },
      });
    }
    return {
      bundleBytes,
      indexBytes,
      runs,
      median: {
        firstWireBytes: median(runs.map((r) => r.first.wireBytes)),
        firstRequests: median(runs.map((r) => r.first.requests)),
        furtherWireBytes: median(runs.map((r) => r.further.wireBytes)),
        keystrokeToResultsMs: median(runs.map((r) => r.first.keystrokeToResultsMs)),
        intentToReadyMs: median(runs.map((r) => r.first.intentToReadyMs)),
      },
      sample,
    };
  } finally {
    await browser.close();
    await site.stop();
  }
}

/** The three ways a first query is measured: pasted at once, typed, and typed after pointing at the control. */
export const SEARCH_BENCH_RUNS: { label: string; intent: Intent; typingDelayMs: number }[] = [
  { label: '`/`, then pasted at once', intent: 'key', typingDelayMs: 0 },
  { label: '`/`, then typed (120 ms per key)', intent: 'key', typingDelayMs: 120 },
  { label: 'pointer on the control, click, typed', intent: 'pointer', typingDelayMs: 120 },
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The search section of the benchmark report, as Markdown. */
export function searchBenchTable(runs: { label: string; result: SearchBench }[]): string[] {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    `Pagefind bundle on disk: ${kb(runs[0]!.result.bundleBytes)}, of which the index itself ${kb(runs[0]!.result.indexBytes)}. Medians over ${runs[0]!.result.runs.length} one-word queries on a freshly loaded chapter, each in a new browser with an empty cache; bytes as sent by nginx (gzip), headers included.`,
    '',
    '| first query | requests | bytes on the wire | further query | last keystroke → results | intent → engine ready |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(({ label, result: { median } }) =>
      row([
        label,
        median.firstRequests,
        kb(median.firstWireBytes),
        kb(median.furtherWireBytes),
        `${Math.round(median.keystrokeToResultsMs)} ms`,
        `${Math.round(median.intentToReadyMs)} ms`,
      ]),
    ),
  ];
}

if (import.meta.main) {
  // `npx node scripts/bench-search.ts [distDir]`
  const distDir = process.argv[2] ?? 'dist';
  const runs = [];
  for (const { label, intent, typingDelayMs } of SEARCH_BENCH_RUNS) {
    const result = await benchSearch({ distDir, intent, typingDelayMs });
    runs.push({ label, result });
    if (process.env.BENCH_VERBOSE)
      console.error(
        label,
        JSON.stringify(
          result.runs.map((r) => [
            r.query,
            r.first.wireBytes,
            r.first.requests,
            r.first.keystrokeToResultsMs,
            r.further.wireBytes,
          ]),
        ),
        result.sample.map((r) => `${r.path} ${r.bytes}`),
      );
  }
  console.log(searchBenchTable(runs).join('\n'));
}
