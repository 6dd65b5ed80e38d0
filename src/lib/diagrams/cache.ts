import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the page needs of one rendered diagram; stored as `<key>.svg` plus `<key>.json`. */
export interface RenderedDiagram {
  /** The post-processed SVG, ready to inline (ids already unique to this diagram). */
  svg: string;
  /** Mermaid's accTitle: the accessible name and the caption. */
  title: string;
  /** Mermaid's accDescr. */
  description: string;
  /** The diagram's relations as sentences, read from Mermaid's parsed model. */
  relations: string[];
}

type DiagramMeta = Omit<RenderedDiagram, 'svg'>;

/** Normalises the fence text the same way wherever it was read (mdast value or hast text). */
export function normaliseSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').trimEnd();
}

/** A hash of the source and of every setting that shapes the output: change either and it re-renders. */
export function cacheKey(source: string, settings: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify({ source: normaliseSource(source), settings }))
    .digest('hex')
    .slice(0, 16);
}

export class DiagramCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  read(key: string): RenderedDiagram | undefined {
    const svgFile = join(this.dir, `${key}.svg`);
    const metaFile = join(this.dir, `${key}.json`);
    if (!existsSync(svgFile) || !existsSync(metaFile)) return undefined;
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as DiagramMeta;
    return { ...meta, svg: readFileSync(svgFile, 'utf8').trimEnd() };
  }

  write(key: string, diagram: RenderedDiagram): void {
    mkdirSync(this.dir, { recursive: true });
    const { svg, ...meta } = diagram;
    writeFileSync(join(this.dir, `${key}.svg`), `${svg}\n`);
    writeFileSync(join(this.dir, `${key}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  }

  /** Deletes every entry whose key is not in `keep`; returns the deleted keys. */
  prune(keep: ReadonlySet<string>): string[] {
    if (!existsSync(this.dir)) return [];
    const removed = new Set<string>();
    for (const file of readdirSync(this.dir)) {
      const match = /^([0-9a-f]{16})\.(svg|json)$/.exec(file);
      if (!match || keep.has(match[1]!)) continue;
      rmSync(join(this.dir, file));
      removed.add(match[1]!);
    }
    return [...removed];
  }
}
