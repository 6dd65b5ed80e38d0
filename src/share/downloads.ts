/**
 * The files the site offers that are not pages: every citation record in each downloadable form
 * (`cite/<record id>.bib|ris|json`) and every page's social card (`cards/<name>.png`). A build
 * writes them once its pages are written, the dev server answers them on request; both make them
 * from the project's files with the same functions the pages' links and meta tags use
 * (`allRecords`, `allCards`).
 *
 * Not Astro routes: at a thousand chapters they are four thousand small files, and Astro's cost per
 * route (about 1.5 ms here) was a sixth of the whole build.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readChapterList } from '../article/chapters.ts';
import { readFactsData } from '../facts/files.ts';
import { allCards, CARD_DIRECTORY, type CardContent } from './cards/card.ts';
import { CARD_CACHE_DIR, renderCards } from './cards/render.ts';
import { bibtex, cslJson, ris } from './cite/files.ts';
import type { CitationRecord } from './cite/record.ts';
import { allRecords, CITE_DIRECTORY, CITE_FORMATS, citeFile, type CiteFormat } from './records.ts';

export interface ShareSources {
  records: CitationRecord[];
  cards: CardContent[];
}

/** Where the site will be served, as the pages' absolute URLs say it. */
export interface SiteAddress {
  site: URL;
  /** With leading and trailing slash. */
  base: string;
}

/**
 * The records and cards, read from the project's files: the chapters' frontmatter and the number of
 * entries in the actors and events files (one actor and one timeline event each), as the pages read
 * them through Astro's collections. A file that cannot be read fails with its own message.
 */
export function readShareSources(root: string, address: SiteAddress): ShareSources {
  // Only the chapters' frontmatter: their prose is no part of a record or a card.
  const chapters = readChapterList(root);
  const data = readFactsData(root);
  if (!data.ok) throw new Error(data.problems.join('\n'));
  return {
    records: allRecords(chapters, address.site, address.base),
    cards: allCards({
      chapters,
      eventCount: data.events.entries.length,
      actorCount: data.actors.entries.length,
    }),
  };
}

const CITE_WRITERS: Record<CiteFormat, (record: CitationRecord) => string> = {
  bib: bibtex,
  ris,
  json: cslJson,
};

export interface Download {
  /** Path inside the site, without the base. */
  path: string;
  type: string;
  body: string | Uint8Array;
}

/** Every record in every downloadable form, its text written only when asked for. */
function* citeDownloads(
  records: readonly CitationRecord[],
): Generator<Omit<Download, 'body'> & { body: () => string }> {
  for (const record of records)
    for (const format of Object.keys(CITE_FORMATS) as CiteFormat[])
      yield {
        path: citeFile(record, format),
        type: CITE_FORMATS[format].type,
        body: () => CITE_WRITERS[format](record),
      };
}

/** The card's path in the site, and where its PNG is. */
function cardFile(
  card: CardContent,
  pngs: ReadonlyMap<string, string>,
): { path: string; png: string } {
  const png = pngs.get(card.file);
  if (!png) throw new Error(`The social card ${card.file} was not rendered.`);
  return { path: CARD_DIRECTORY + card.file, png };
}

/** Whether `path` (inside the site, without the base) is where downloads live: cheap, reads nothing. */
export function inDownloadFolder(path: string): boolean {
  return path.startsWith(CITE_DIRECTORY) || path.startsWith(CARD_DIRECTORY);
}

/** The download at `path` (inside the site, without the base), or `undefined` if there is none. */
export async function downloadAt(
  path: string,
  sources: ShareSources,
  options: { root: string },
): Promise<Download | undefined> {
  for (const download of citeDownloads(sources.records))
    if (download.path === path) return { ...download, body: download.body() };
  const card = sources.cards.find((c) => CARD_DIRECTORY + c.file === path);
  if (!card) return undefined;
  const { files } = await renderCards([card], { cacheDir: resolve(options.root, CARD_CACHE_DIR) });
  const { png } = cardFile(card, files);
  return { path, type: 'image/png', body: readFileSync(png) };
}

/** Small files in flight at once: enough to keep the disk busy, few enough not to queue thousands. */
const WRITES_IN_FLIGHT = 8;

/** Runs `write` for every item, at most `WRITES_IN_FLIGHT` at a time, in order of starting. */
async function writeAll<T>(items: readonly T[], write: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const writer = async () => {
    while (next < items.length) await write(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, items.length) }, writer));
}

/**
 * Writes every download into the built site. Cards come from their cache or are drawn (one
 * Chromium for all of them); renders no card uses any more leave the cache. The writes wait on the
 * disk, not on this thread, so a build runs them while it does its other work (see integration.ts).
 */
export async function writeDownloads(
  siteDir: string,
  sources: ShareSources,
  options: { root: string },
): Promise<{ citeFiles: number; cardsDrawn: number; cardsCached: number }> {
  const cards = await renderCards(sources.cards, {
    cacheDir: resolve(options.root, CARD_CACHE_DIR),
    prune: true,
  });
  const cites = [...citeDownloads(sources.records)];
  const cardFiles = sources.cards.map((card) => cardFile(card, cards.files));
  const directories = new Set(
    [...cites, ...cardFiles].map((file) => dirname(join(siteDir, file.path))),
  );
  await Promise.all([...directories].map((dir) => mkdir(dir, { recursive: true })));
  // Each text made as it is written, each card copied from the cache by the file system.
  await writeAll(cites, (cite) => writeFile(join(siteDir, cite.path), cite.body()));
  await writeAll(cardFiles, (card) => copyFile(card.png, join(siteDir, card.path)));
  return { citeFiles: cites.length, cardsDrawn: cards.rendered, cardsCached: cards.cached };
}
