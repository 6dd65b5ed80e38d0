/**
 * Search at build time, as one Astro integration: the query folding the browser bundles (from the
 * actors' names, as the virtual module `virtual:search-folding`), and at the end of `astro build`
 * the Pagefind index of the built pages and the vocabulary behind "Did you mean …?".
 */
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { ACTORS_FILE, actorSchema } from '../facts/actor.ts';
import { readDataFile } from '../facts/files.ts';
import { distFiles } from '../lib/dist-files.ts';
import { foldingTable, type ActorNames } from './query.ts';
import { indexedPage, namesBodyAttribute } from './indexed-html.ts';
import { vocabularyWriter } from './vocabulary.ts';

/** The part of Pagefind's Node API the index build uses; tests pass a stand-in. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

export interface SearchIndexResult {
  pageCount: number;
  outputPath: string;
}

/**
 * What the index build hands the text it indexes to (the vocabulary): each page's text as the page
 * is read, while Pagefind indexes the pages before it, then `finish` while Pagefind writes the
 * bundle. Both processes stay busy, and the end of the build waits only for the longer of the two.
 */
export interface IndexedTextReader<T> {
  /** What Pagefind indexes of one page that marks a body, in file order. */
  add(text: string): void;
  /** Called once every page is read; its result is returned beside the index's. */
  finish(): Promise<T>;
}

/** Where the bundle goes inside the built site; the client loads it from `${BASE_URL}pagefind/`. */
export const BUNDLE_DIR = 'pagefind';

const FOLDING_MODULE = 'virtual:search-folding';

/** Pages handed to Pagefind and not yet indexed, at most: enough to keep both processes busy. */
const PAGES_IN_FLIGHT = 8;

function failOn(step: string, siteDir: string, errors: string[]): void {
  if (errors.length > 0) {
    throw new Error(`Search index: ${step} failed for ${siteDir}:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Indexes the built HTML in `siteDir` and writes the Pagefind bundle to `siteDir/pagefind/`. Each
 * page is parsed once and handed to Pagefind as `indexableHtml` makes it (words split at closed-up
 * dashes), under its path in the site, so its URL is the one `addDirectory` would give it. Pages opt
 * in with `data-pagefind-body`; an index without any means the markup lost it, so that fails too.
 * `reader` gets the indexed text of every page (see `IndexedTextReader`).
 */
export async function buildSearchIndex(
  siteDir: string,
  api?: PagefindApi,
): Promise<SearchIndexResult & { read: undefined }>;
export async function buildSearchIndex<T>(
  siteDir: string,
  api: PagefindApi,
  reader: IndexedTextReader<T>,
): Promise<SearchIndexResult & { read: T }>;
export async function buildSearchIndex<T>(
  siteDir: string,
  api: PagefindApi = pagefind,
  reader?: IndexedTextReader<T>,
): Promise<SearchIndexResult & { read: T | undefined }> {
  try {
    const created = await api.createIndex({});
    failOn('creating the index', siteDir, created.errors);
    const index = created.index;
    if (!index) throw new Error(`Search index: Pagefind returned no index for ${siteDir}`);

    const files = distFiles(siteDir, '.html');
    if (files.length === 0) {
      throw new Error(`Search index: no HTML pages found in ${siteDir}; was the site built?`);
    }
    // Pagefind indexes in its own process: while it reads one page, this one parses the next.
    const inFlight = new Set<Promise<void>>();
    for (const sourcePath of files) {
      // Once any page marks a body, Pagefind drops the pages that mark none: they need not be sent,
      // nor decoded (the whole-article page alone is most of the site's bytes). The vocabulary fails
      // if none does.
      const bytes = await readFile(join(siteDir, sourcePath));
      if (!namesBodyAttribute(bytes)) continue;
      const page = indexedPage(bytes.toString('utf8'));
      if (page.text === undefined) continue;
      const added = index
        .addHTMLFile({ sourcePath, content: page.indexable })
        .then((result) => failOn(`reading ${sourcePath}`, siteDir, result.errors));
      inFlight.add(added);
      // A page Pagefind refused stays in the set, so the next wait throws its error.
      void added.then(
        () => inFlight.delete(added),
        () => undefined,
      );
      // The reader's share of the page, while Pagefind has it.
      reader?.add(page.text);
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);

    // Pagefind writes the bundle in its own process; the reader finishes here.
    const writing = index.writeFiles({ outputPath: join(siteDir, BUNDLE_DIR) });
    const [written, alongside] = await Promise.allSettled([
      writing,
      (async () => reader?.finish())(),
    ]);
    if (written.status === 'rejected') throw written.reason;
    failOn('writing the bundle', siteDir, written.value.errors);
    if (alongside.status === 'rejected') throw alongside.reason;
    return {
      pageCount: files.length,
      outputPath: written.value.outputPath,
      read: alongside.value,
    };
  } finally {
    await api.close();
  }
}

/**
 * The actors' names, read through the facts' own schema (src/facts/), for folding queries. A file
 * the facts refuse stops the build here too, with their messages (file and line).
 */
export function readActorNames(root: string): ActorNames[] {
  const problems: string[] = [];
  const actors = readDataFile(root, ACTORS_FILE, actorSchema, problems);
  if (problems.length > 0) throw new Error(`Search folding:\n  ${problems.join('\n  ')}`);
  return actors.entries.map(({ data }) => data);
}

/** Builds the search index and vocabulary at the end of `astro build`, and serves the folding table. */
export function searchIndex(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'search',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, addWatchFile }) => {
        root = fileURLToPath(config.root);
        const actorsPath = resolve(root, ACTORS_FILE);
        addWatchFile(actorsPath);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'search-folding',
                resolveId: (id: string) => (id === FOLDING_MODULE ? `\0${FOLDING_MODULE}` : null),
                load(id: string) {
                  if (id !== `\0${FOLDING_MODULE}`) return null;
                  this.addWatchFile(actorsPath);
                  const table = foldingTable(readActorNames(root));
                  return `export default ${JSON.stringify(table)};`;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        // The vocabulary counts the pages' words as Pagefind indexes them, and is written while
        // Pagefind writes its bundle.
        const {
          pageCount,
          outputPath,
          read: vocabulary,
        } = await buildSearchIndex(siteDir, pagefind, vocabularyWriter(siteDir, root));
        logger.info(`indexed ${pageCount} HTML files into ${outputPath}`);
        logger.info(
          `wrote ${vocabulary.words} words and ${vocabulary.alternatives} other spellings to ${vocabulary.path}`,
        );
      },
    },
  };
}
