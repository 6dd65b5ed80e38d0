import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One rendered diagram as the cache keeps it: `<key>.svg` (the drawing) plus `<key>.json` (the rest). */
export interface DiagramRecord {
  /** The post-processed SVG, ready to inline (ids already unique to this diagram). */
  svg: string;
  /** Mermaid's accTitle: the accessible name and the caption. */
  title: string;
  /** Mermaid's accDescr. */
  description: string;
  /** The diagram's relations as sentences, read from Mermaid's parsed model. */
  relations: string[];
  /** Every character the drawing's labels use, sorted: what the label font must hold. */
  characters: string;
}

type DiagramMeta = Omit<DiagramRecord, 'svg'>;

const ENTRY = /^([0-9a-f]{16})\.(svg|json)$/;

/**
 * A hash of the source and of every setting that shapes the output: change either and it
 * re-renders. Line endings and trailing blank lines are not part of a diagram.
 */
export function cacheKey(source: string, settings: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify({ source: source.replace(/\r\n?/g, '\n').trimEnd(), settings }))
    .digest('hex')
    .slice(0, 16);
}

export class DiagramCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  read(key: string): DiagramRecord | undefined {
    const svgFile = join(this.dir, `${key}.svg`);
    const metaFile = join(this.dir, `${key}.json`);
    if (!existsSync(svgFile) || !existsSync(metaFile)) return undefined;
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Partial<DiagramMeta>;
    // An entry from before a field existed is a miss, rendered again, never half a diagram.
    if (typeof meta.characters !== 'string') return undefined;
    return { ...(meta as DiagramMeta), svg: readFileSync(svgFile, 'utf8').trimEnd() };
  }

  write(key: string, diagram: DiagramRecord): void {
    mkdirSync(this.dir, { recursive: true });
    const { svg, ...meta } = diagram;
    writeFileSync(join(this.dir, `${key}.svg`), `${svg}\n`);
    writeFileSync(join(this.dir, `${key}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  }

  /** Deletes every entry whose key is not in `keep`, leaving other files; returns the deleted keys. */
  prune(keep: ReadonlySet<string>): string[] {
    if (!existsSync(this.dir)) return [];
    const removed = new Set<string>();
    for (const file of readdirSync(this.dir)) {
      const key = ENTRY.exec(file)?.[1];
      if (key === undefined || keep.has(key)) continue;
      rmSync(join(this.dir, file));
      removed.add(key);
    }
    return [...removed];
  }
}
