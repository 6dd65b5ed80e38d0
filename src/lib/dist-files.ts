/** Walking a built site's files: the search index reads its pages, tooling and tests the rest. */
import { existsSync, readdirSync } from 'node:fs';
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
