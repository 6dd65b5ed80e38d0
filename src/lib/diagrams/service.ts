import { DiagramCache, cacheKey, normaliseSource, type RenderedDiagram } from './cache.ts';
import { describeFence, type DiagramFence } from './fences.ts';
import { BrowserUnavailableError, MermaidRenderer, MermaidSyntaxError } from './renderer.ts';
import { renderSettings } from './settings.ts';
import { prepareSvg } from './svg.ts';
import { describeRelations } from './text-alternative.ts';

export interface DiagramServiceOptions {
  cacheDir: string;
  /** Ignore cached renders (they are still rewritten): how to time or force a cold build. */
  ignoreCache?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Hands out rendered diagrams: from the committed cache when the source and settings are unchanged,
 * else rendered in the one browser this service starts on first need and shares for the whole build.
 */
export class DiagramService {
  readonly cache: DiagramCache;
  /** Keys handed out since the service started: what a full build needs to keep. */
  readonly used = new Set<string>();
  private readonly ignoreCache: boolean;
  private readonly env: NodeJS.ProcessEnv;
  private readonly settings = renderSettings();
  private renderer: Promise<MermaidRenderer> | undefined;
  private readonly fresh = new Map<string, Promise<RenderedDiagram>>();

  constructor({ cacheDir, ignoreCache = false, env = process.env }: DiagramServiceOptions) {
    this.cache = new DiagramCache(cacheDir);
    this.ignoreCache = ignoreCache;
    this.env = env;
  }

  keyOf(source: string): string {
    return cacheKey(source, this.settings);
  }

  async diagramFor(fence: DiagramFence): Promise<RenderedDiagram> {
    const key = this.keyOf(fence.source);
    this.used.add(key);
    const pending = this.fresh.get(key);
    if (pending) return pending;
    const cached = this.ignoreCache ? undefined : this.cache.read(key);
    if (cached) return cached;
    const rendering = this.render(key, fence);
    this.fresh.set(key, rendering);
    return rendering;
  }

  /** Renders every fence not yet cached; the first failure stops the build with its location. */
  async prepare(fences: readonly DiagramFence[]): Promise<{ rendered: number; cached: number }> {
    let rendered = 0;
    for (const fence of fences) {
      const key = this.keyOf(fence.source);
      if (!this.ignoreCache && !this.fresh.has(key) && this.cache.read(key)) {
        this.used.add(key);
        continue;
      }
      await this.diagramFor(fence);
      rendered += 1;
    }
    return { rendered, cached: fences.length - rendered };
  }

  async close(): Promise<void> {
    const renderer = this.renderer;
    this.renderer = undefined;
    if (renderer) await (await renderer.catch(() => undefined))?.close();
  }

  private async render(key: string, fence: DiagramFence): Promise<RenderedDiagram> {
    const where = describeFence(fence);
    const source = normaliseSource(fence.source);
    let renderer: MermaidRenderer;
    try {
      renderer = await (this.renderer ??= MermaidRenderer.launch(this.env));
    } catch (error) {
      if (!(error instanceof BrowserUnavailableError)) throw error;
      throw new Error(
        `The diagram ${diagramName(source)} at ${where} is new or changed, so it must be rendered, but ${error.message}`,
        { cause: error },
      );
    }
    const id = `diagram-${key}`;
    let raw;
    try {
      raw = await renderer.render(id, source);
    } catch (error) {
      if (error instanceof MermaidSyntaxError) {
        throw new Error(`Invalid Mermaid diagram in the fence at ${where}: ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
    if (!raw.type.startsWith('flowchart')) {
      throw new Error(
        `The diagram at ${where} is a "${raw.type}"; only flowcharts have a text alternative here.`,
      );
    }
    if (!raw.title.trim()) {
      throw new Error(
        `The diagram at ${where} has no accTitle; add one: it becomes the caption and accessible name.`,
      );
    }
    const diagram: RenderedDiagram = {
      svg: prepareSvg(raw.svg, id),
      title: raw.title.trim(),
      description: raw.description.trim(),
      relations: describeRelations(raw),
    };
    this.cache.write(key, diagram);
    return diagram;
  }
}

function diagramName(source: string): string {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim();
  return `"${title ?? source.split('\n')[0]!.trim()}"`;
}
