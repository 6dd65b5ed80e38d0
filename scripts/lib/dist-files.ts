/** Walking a built site: its files, and the page path each HTML file is served at. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { distFiles } from '../../src/lib/dist-files.ts';

export { distFiles };

/** The total size in bytes of the files under `dir`, 0 when it does not exist. */
export function distBytes(dir: string): number {
  return distFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
}

/** The path a static host serves an HTML file at: `chapters/x/index.html` → `/base/chapters/x/`. */
export function pagePath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}
