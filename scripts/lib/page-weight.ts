import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

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
 * (compressed here at level 9, so the figure does not depend on the server's settings).
 */
export async function measurePageWeight(
  browser: Browser,
  url: string,
  path: string,
): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
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
  page.on('response', (response) => {
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
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  for (const kind of KINDS) {
    weight.total.raw += weight.byKind[kind].raw;
    weight.total.gzip += weight.byKind[kind].gzip;
  }
  await context.close();
  return weight;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
