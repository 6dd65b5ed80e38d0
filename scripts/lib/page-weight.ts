import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';

export type ResourceKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
export interface Bytes {
  raw: number;
  gzip: number;
}
export interface PageWeight {
  path: string;
  requests: number;
  byKind: Record<ResourceKind, Bytes>;
  total: Bytes;
  /** Every URL fetched, to spot what should not be there. */
  urls: string[];
}

const KINDS: ResourceKind[] = ['html', 'css', 'js', 'font', 'image', 'other'];

function kindOf(resourceType: string, url: string): ResourceKind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || url.endsWith('.css')) return 'css';
  if (resourceType === 'script' || /\.m?js(\?|$)/.test(url)) return 'js';
  if (resourceType === 'font' || /\.woff2?(\?|$)/.test(url)) return 'font';
  if (resourceType === 'image') return 'image';
  return 'other';
}

/**
 * What a first visit to a page costs: every response body, by kind, raw and gzip-compressed
 * (compressed here at level 9, so the figure does not depend on the server's settings). A fresh
 * context with a phone-sized viewport, so nothing is cached.
 */
export async function measurePageWeight(
  browser: Browser,
  url: string,
  path: string,
): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: WEIGHED_VIEWPORT });
  try {
    return (await weighPageLoad(await context.newPage(), url, path)).weight;
  } finally {
    await context.close();
  }
}

/** The viewport first visits are weighed in. */
export const WEIGHED_VIEWPORT = { width: 412, height: 915 } as const;

/**
 * Loads `url` in `page` (whose context has nothing cached yet) until the network is idle, and
 * weighs what came, as `measurePageWeight` does; also gives the document's HTTP status.
 */
export async function weighPageLoad(
  page: Page,
  url: string,
  path: string,
): Promise<{ weight: PageWeight; status: number | undefined }> {
  const pending: Promise<void>[] = [];
  const weight: PageWeight = {
    path,
    requests: 0,
    byKind: Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0 }])) as Record<
      ResourceKind,
      Bytes
    >,
    total: { raw: 0, gzip: 0 },
    urls: [],
  };
  const weigh = (response: Response) => {
    pending.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const kind = kindOf(response.request().resourceType(), response.url());
        const gzip = gzipSync(body, { level: 9 }).length;
        weight.requests++;
        weight.urls.push(response.url());
        weight.byKind[kind].raw += body.length;
        weight.byKind[kind].gzip += Math.min(gzip, body.length);
      })(),
    );
  };
  page.on('response', weigh);
  const document = await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', weigh);
  await Promise.all(pending);
  for (const kind of KINDS) {
    weight.total.raw += weight.byKind[kind].raw;
    weight.total.gzip += weight.byKind[kind].gzip;
  }
  return { weight, status: document?.status() };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
