import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

/**
 * Citeproc's entries kept from one build to the next. Formatting is the most expensive step of a
 * chapter page (a thousand chapters take about two seconds for their three styles), and an entry is
 * a pure function of the engine, the style, the locale and the record, which is what its key holds;
 * a build formats only the records whose key is new. The file is not committed: a fresh clone
 * formats everything once. Entries no build has used for `KEEP_UNUSED_DAYS` leave it when it is
 * next written, so it holds about what the site needs, not every record it ever had.
 */
export const REFERENCE_CACHE_FILE = 'node_modules/.cache/site-citations/references.json';

const KEEP_UNUSED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Layout of the file; a file of another layout is read as empty. */
const FILE_VERSION = 1;

interface CacheFile {
  version: number;
  /** Key → [the entry's HTML as Citeproc gave it, when a build last used it (ms since 1970)]. */
  entries: Record<string, [html: string, used: number]>;
}

/** The versions of the packages that turn a record into an entry: a new one formats afresh. */
function engineVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const versionOf = (from: NodeJS.Require, name: string) => {
    const path = from.resolve(`${name}/package.json`);
    return {
      path,
      version: (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version,
    };
  };
  const core = versionOf(require, '@citation-js/core');
  const csl = versionOf(require, '@citation-js/plugin-csl');
  // Citeproc as the CSL plugin resolves it (it is the plugin's dependency, not ours).
  const citeproc = versionOf(createRequire(csl.path), 'citeproc');
  return { core: core.version, csl: csl.version, citeproc: citeproc.version };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export class ReferenceCache {
  readonly file: string;
  private readonly now: number;
  private readonly entries = new Map<string, { html: string; used: number }>();
  private readonly engine = JSON.stringify(engineVersions());
  private changed = false;
  private warned = false;

  /** Reads the cache at `file`; a missing or unreadable file is an empty cache. */
  constructor(file: string, now: number = Date.now()) {
    this.file = file;
    this.now = now;
    let stored: Partial<CacheFile> = {};
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    } catch {
      // Not there yet, or cut short by a build that was stopped: it is only a cache.
    }
    if (stored.version !== FILE_VERSION || typeof stored.entries !== 'object') return;
    for (const [key, value] of Object.entries(stored.entries ?? {})) {
      const [html, used]: unknown[] = Array.isArray(value) ? value : [];
      if (typeof html === 'string' && typeof used === 'number')
        this.entries.set(key, { html, used });
    }
  }

  /**
   * What makes a style's entries other than the record: the engine's versions, the style's CSL, the
   * locale and the options the bibliography is made with. Hashed once per style.
   */
  styleKey(style: { xml: string }, locale: string, options: object): string {
    return sha256(JSON.stringify({ engine: this.engine, xml: style.xml, locale, options }));
  }

  /** The key of one record's entry in a style (`styleKey`). */
  key(styleKey: string, record: object): string {
    return sha256(`${styleKey}\n${JSON.stringify(record)}`);
  }

  /** The entry kept under `key`, if any; marks it used by this build. */
  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Refreshed at most daily, so a build that formats nothing new need not write the file.
    if (this.now - entry.used > DAY_MS) {
      entry.used = this.now;
      this.changed = true;
    }
    return entry.html;
  }

  set(key: string, html: string): void {
    this.entries.set(key, { html, used: this.now });
    this.changed = true;
  }

  /**
   * Writes the cache if anything changed, without the entries unused for `KEEP_UNUSED_DAYS`. The
   * file is replaced whole (written beside it, then renamed), so a build reading it at the same
   * time sees the old one or the new one. A cache that cannot be written (a read-only
   * `node_modules`) costs time, not the build: it says so once and goes on.
   */
  save(): void {
    if (!this.changed) return;
    const entries: CacheFile['entries'] = {};
    for (const [key, { html, used }] of this.entries)
      if (this.now - used <= KEEP_UNUSED_DAYS * DAY_MS) entries[key] = [html, used];
    const partial = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(
        partial,
        JSON.stringify({ version: FILE_VERSION, entries } satisfies CacheFile),
      );
      renameSync(partial, this.file);
    } catch (error) {
      if (!this.warned)
        console.warn(
          `The citation cache ${this.file} could not be written (${error instanceof Error ? error.message : String(error)}); every build will format every citation.`,
        );
      this.warned = true;
    }
    this.changed = false;
  }
}

let projectCache: ReferenceCache | undefined;

/** The cache of the project being built (from where `astro build` or `astro dev` runs). */
export function projectReferenceCache(): ReferenceCache {
  return (projectCache ??= new ReferenceCache(resolve(REFERENCE_CACHE_FILE)));
}
