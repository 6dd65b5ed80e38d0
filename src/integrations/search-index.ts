import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** The part of Pagefind's Node API the index build uses; tests pass a stand-in. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

export interface SearchIndexResult {
  pageCount: number;
  outputPath: string;
}

/** Where the bundle goes inside the built site; the client loads it from `${BASE_URL}pagefind/`. */
export const BUNDLE_DIR = 'pagefind';

function failOn(step: string, siteDir: string, errors: string[]): void {
  if (errors.length > 0) {
    throw new Error(`Search index: ${step} failed for ${siteDir}:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Indexes the built HTML in `siteDir` and writes the Pagefind bundle to `siteDir/pagefind/`.
 * Pages opt in with `data-pagefind-body`; an empty index means the markup lost it, so that fails too.
 */
export async function buildSearchIndex(
  siteDir: string,
  api: PagefindApi = pagefind,
): Promise<SearchIndexResult> {
  try {
    const created = await api.createIndex({});
    failOn('creating the index', siteDir, created.errors);
    const index = created.index;
    if (!index) throw new Error(`Search index: Pagefind returned no index for ${siteDir}`);

    const added = await index.addDirectory({ path: siteDir });
    failOn('reading the HTML', siteDir, added.errors);
    if (added.page_count === 0) {
      throw new Error(`Search index: no HTML pages found in ${siteDir}; was the site built?`);
    }

    const written = await index.writeFiles({ outputPath: join(siteDir, BUNDLE_DIR) });
    failOn('writing the bundle', siteDir, written.errors);
    return { pageCount: added.page_count, outputPath: written.outputPath };
  } finally {
    await api.close();
  }
}

/** Builds the search index from the finished site at the end of `astro build`. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pageCount, outputPath } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pageCount} HTML files into ${outputPath}`);
      },
    },
  };
}
