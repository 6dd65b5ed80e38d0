/** Walking a built site: its files, and the page path each HTML file is served at. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir` (or those ending in `extension`), as sorted `/`-separated paths relative
 * to it; an empty list when `dir` does not exist.
 */
export function distFiles(dir: string, extension = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The total size in bytes of the files under `dir`, 0 when it does not exist. */
export function distBytes(dir: string): number {
  return distFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
}

/** The path a static host serves an HTML file at: `chapters/x/index.html` → `/base/chapters/x/`. */
export function pagePath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}
