import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../lib/chromium.ts';
import { CARD_SIZE, type CardContent } from './content.ts';
import { CardCache, cardCacheKey, cardDesignKey } from './cache.ts';
import { CARD_CSS, FIT_SCRIPT, cardBody, cardFonts, cardHtml } from './design.ts';

/** Where rendered cards are kept, from the project root. */
export const CARD_CACHE_DIR = 'content/.card-cache';
/** The largest card the site accepts: platforms fetch it on every share. */
export const CARD_MAX_BYTES = 100 * 1024;

export interface RenderedCards {
  /**
   * Where each card's PNG is, in the cache, by card file name: a thousand cards are 60 MB, better
   * copied by the file system than held in memory.
   */
  files: Map<string, string>;
  rendered: number;
  cached: number;
}

/**
 * Every card as a PNG: from the cache when its key is known, else drawn in one headless Chromium
 * (src/lib/chromium.ts) that is closed before returning. With `prune`, renders no card uses any
 * more are deleted from the cache.
 */
export async function renderCards(
  cards: readonly CardContent[],
  options: { cacheDir?: string; prune?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<RenderedCards> {
  const cache = new CardCache(resolve(options.cacheDir ?? CARD_CACHE_DIR));
  const fonts = cardFonts();
  const designKey = cardDesignKey(
    JSON.stringify({ css: CARD_CSS, fit: FIT_SCRIPT, size: CARD_SIZE }),
    fonts,
  );
  const files = new Map<string, string>();
  const keys = new Set<string>();
  const missing: { card: CardContent; key: string }[] = [];
  for (const card of cards) {
    const key = cardCacheKey(card, designKey);
    keys.add(key);
    const png = cache.find(key);
    if (png) files.set(card.file, png);
    else missing.push({ card, key });
  }
  if (missing.length) {
    let browser: Browser;
    try {
      browser = await launchChromium(options.env);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new Error(
        `${missing.length} social card(s) (${missing.map((m) => m.card.file).join(', ')}) are new or changed and must be ` +
          `drawn, but no Chromium could be started (${reason}). Install one (Debian/Ubuntu: apt install chromium), ` +
          'point CHROMIUM_PATH at a Chromium binary, or run `npx playwright install chromium`.',
        { cause: error },
      );
    }
    try {
      const page = await browser.newPage({ viewport: CARD_SIZE, deviceScaleFactor: 1 });
      let loaded = false;
      for (const { card, key } of missing) {
        // The page, with its embedded fonts, is loaded once; each next card only replaces the
        // body (decoding the fonts again took as long as drawing the card).
        if (loaded)
          await page.evaluate((body) => {
            document.body.innerHTML = body;
          }, cardBody(card));
        else await page.setContent(cardHtml(card, fonts));
        loaded = true;
        await page.evaluate(() => document.fonts.ready);
        await page.evaluate(FIT_SCRIPT);
        const png = await page.screenshot({ type: 'png' });
        if (png.length > CARD_MAX_BYTES)
          throw new Error(
            `The social card ${card.file} is ${png.length} bytes, over the ${CARD_MAX_BYTES}-byte limit; simplify the design in src/share/cards/design.ts.`,
          );
        files.set(card.file, cache.write(key, png));
      }
    } finally {
      await browser.close();
    }
  }
  if (options.prune) cache.prune(keys);
  return { files, rendered: missing.length, cached: cards.length - missing.length };
}
