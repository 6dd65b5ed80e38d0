import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rendered cards are committed (`content/.card-cache/<key>.png`), so a build draws only the cards
 * whose key is new, and an unchanged build starts no browser. The key covers everything that shapes
 * the picture: the card's words, and the design's own key (`cardDesignKey`).
 */
export function cardCacheKey(content: unknown, designKey: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ content, design: designKey }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * What every card shares: the design (stylesheet, fitting script, size) and the font bytes. Hashed
 * once per build, not once per card: the fonts are most of the bytes.
 */
export function cardDesignKey(design: string, fonts: unknown): string {
  return createHash('sha256').update(JSON.stringify({ design, fonts })).digest('hex');
}

export class CardCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Where the render of `key` is, if the cache has it. */
  find(key: string): string | undefined {
    const file = join(this.dir, `${key}.png`);
    return existsSync(file) ? file : undefined;
  }

  /** Keeps the render of `key`; returns where it is. */
  write(key: string, png: Buffer): string {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${key}.png`);
    writeFileSync(file, png);
    return file;
  }

  /** Deletes every render whose key is not in `keep`; returns the deleted keys. */
  prune(keep: ReadonlySet<string>): string[] {
    if (!existsSync(this.dir)) return [];
    const removed: string[] = [];
    for (const file of readdirSync(this.dir)) {
      const match = /^([0-9a-f]{16})\.png$/.exec(file);
      if (!match || keep.has(match[1]!)) continue;
      rmSync(join(this.dir, file));
      removed.push(match[1]!);
    }
    return removed;
  }
}
