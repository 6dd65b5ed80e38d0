/**
 * `npm run bench`: builds the site and measures what readers and publishers pay for it.
 * Writes reports/bench.md and reports/bench.json (not committed) and prints the Markdown.
 * `BENCH_SCALING=10,100` picks the synthetic chapter counts (default 10,100,1000; `0` skips).
 * `BENCH_DIAGRAMS=500` sets how many new diagrams the cold diagram build renders (default 1000; `0` skips).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { distFiles, pagePath } from './lib/dist-files.ts';
import { serveWithNginx } from './lib/nginx.ts';
import { kb, measurePageWeight, type PageWeight } from './lib/page-weight.ts';
import { runLighthouse, type LighthouseSummary } from './lib/lighthouse.ts';
import { newDiagramsRun, type DiagramsRun } from './bench/diagrams.ts';
import { scalingRun, type ScalingRun } from './bench/scaling.ts';
import {
  benchSearch,
  SEARCH_BENCH_RUNS,
  searchBenchTable,
  type SearchBench,
} from './bench-search.ts';
import { mapTimings, mapWeights } from './bench/maps.ts';

interface BuildTiming {
  label: string;
  seconds: number;
}

function timedBuild(label: string, env: NodeJS.ProcessEnv = {}): BuildTiming {
  const started = performance.now();
  // As a publisher builds: the npm script carries the build's settings.
  const result = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error(`npm run build (${label}) failed with status ${result.status}`);
  return { label, seconds: (performance.now() - started) / 1000 };
}

// The diagram cache is warm in a clone (it is committed); DIAGRAMS_CACHE=off renders every diagram anew.
const builds: BuildTiming[] = [
  timedBuild('full build, diagrams rendered (cold cache)', { DIAGRAMS_CACHE: 'off' }),
  timedBuild('full build, diagrams from cache (warm)'),
];

// The home page and every chapter, as built.
const paths = distFiles('dist', 'index.html')
  .map((file) => pagePath(file, ''))
  .filter((path) => path === '' || /^chapters\/[^/]+\/$/.test(path));
const site = await serveWithNginx('dist');
const browser = await chromium.launch(chromiumLaunchOptions());
const weights: PageWeight[] = [];
const lighthouse: LighthouseSummary[] = [];
try {
  for (const path of paths)
    weights.push(await measurePageWeight(browser, site.url + path, `/${path}`));
  for (const path of ['', 'chapters/incident-chain/'])
    lighthouse.push(await runLighthouse(site.url + path));
} finally {
  await browser.close();
  await site.stop();
}

const mapPages = [
  'places',
  ...paths.filter((path) => path !== '').map((path) => path.slice(0, -1)),
];
const maps = { weights: mapWeights('dist', mapPages), timings: mapTimings() };

const search: { label: string; result: SearchBench }[] = [];
for (const { label, intent, typingDelayMs } of SEARCH_BENCH_RUNS)
  search.push({ label, result: await benchSearch({ intent, typingDelayMs }) });

const newDiagramCount = Number(process.env.BENCH_DIAGRAMS ?? 1000);
const newDiagrams: DiagramsRun | undefined =
  newDiagramCount > 0 ? newDiagramsRun(newDiagramCount) : undefined;

const scalingCounts = (process.env.BENCH_SCALING ?? '10,100,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const scaling: ScalingRun[] = scalingCounts.map((n) => scalingRun(n));

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const lines = [
  '# Benchmark',
  '',
  `Measured ${new Date().toISOString()} on ${process.platform}, Node ${process.version}.`,
  '',
  '## Build',
  '',
  '| build | seconds |',
  '| --- | ---: |',
  ...builds.map((b) => row([b.label, b.seconds.toFixed(1)])),
  '',
  ...(newDiagrams
    ? [
        '## New diagrams (a cold build of a site with diagrams of its own, none in the cache)',
        '',
        '| diagrams rendered | of | rendering s | per new diagram | whole build s |',
        '| ---: | ---: | ---: | ---: | ---: |',
        row([
          newDiagrams.rendered,
          newDiagrams.diagrams,
          newDiagrams.renderSeconds.toFixed(1),
          `${Math.round((1000 * newDiagrams.renderSeconds) / newDiagrams.rendered)} ms`,
          newDiagrams.buildSeconds.toFixed(1),
        ]),
        '',
      ]
    : []),
  '## First load per page (gzip / raw)',
  '',
  '| page | requests | HTML | CSS | JS | fonts | total gzip | total raw |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...weights.map((w) =>
    row([
      w.path,
      w.requests,
      `${kb(w.byKind.html.gzip)} / ${kb(w.byKind.html.raw)}`,
      `${kb(w.byKind.css.gzip)} / ${kb(w.byKind.css.raw)}`,
      `${kb(w.byKind.js.gzip)} / ${kb(w.byKind.js.raw)}`,
      kb(w.byKind.font.gzip),
      kb(w.total.gzip),
      kb(w.total.raw),
    ]),
  ),
  '',
  '## Maps (inline SVG per map, and the whole figure with its key)',
  '',
  `Checking the places and maps data: ${Math.round(maps.timings.checkMs)} ms. The first map drawn also loads the boundary data.`,
  '',
  '| map | page | SVG gzip / raw | figure gzip / raw | drawn in |',
  '| --- | --- | ---: | ---: | ---: |',
  ...maps.weights.map((w) =>
    row([
      w.id,
      w.page,
      `${kb(w.svg.gzip)} / ${kb(w.svg.raw)}`,
      `${kb(w.figure.gzip)} / ${kb(w.figure.raw)}`,
      `${Math.round(maps.timings.maps.find((t) => t.id === w.id)?.ms ?? NaN)} ms`,
    ]),
  ),
  '',
  '## Search (from intent to the first results of a one-word query on a chapter)',
  '',
  ...searchBenchTable(search),
  '',
  '## Lighthouse (mobile, simulated throttling)',
  '',
  '| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...lighthouse.map((l) =>
    row([
      new URL(l.url).pathname,
      l.scores.performance,
      l.scores.accessibility,
      l.scores['best-practices'],
      l.scores.seo,
      `${Math.round(l.metrics.lcpMs)} ms`,
      `${Math.round(l.metrics.tbtMs)} ms`,
      l.metrics.cls.toFixed(3),
    ]),
  ),
  '',
  '## Scaling: the same build on synthetic chapters',
  '',
  "Cold: the first build, every new chapter's social card drawn; warm: built again, the cards from the cache.",
  '',
  '| chapters | pages | cold CPU s | cold wall s | cold peak RSS | warm CPU s | warm wall s | warm peak RSS | output | search index |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...scaling.map((s) =>
    row([
      s.chapters,
      s.pages,
      ...[s.cold, s.warm].flatMap((b) => [
        b.cpuSeconds === undefined ? 'n/a' : b.cpuSeconds.toFixed(1),
        b.seconds.toFixed(1),
        b.peakRssMb === undefined ? 'n/a' : `${b.peakRssMb.toFixed(0)} MiB`,
      ]),
      `${s.outputMb.toFixed(1)} MB`,
      `${s.indexMb.toFixed(2)} MB`,
    ]),
  ),
  '',
];
const report = lines.join('\n');
await mkdir('reports', { recursive: true });
await writeFile('reports/bench.md', report);
await writeFile(
  'reports/bench.json',
  JSON.stringify({ builds, newDiagrams, weights, maps, search, lighthouse, scaling }, null, 2),
);
console.log(report);
