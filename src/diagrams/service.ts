import { availableParallelism } from 'node:os';
import type { Element } from 'hast';
import { DiagramCache, cacheKey, type DiagramRecord } from './cache.ts';
import { LabelFont } from './font.ts';
import { BrowserUnavailableError, MermaidRenderer, MermaidSyntaxError } from './renderer.ts';
import { renderSettings } from './settings.ts';
import { labelCharacters, parseSvg, prepareSvg, serializeSvg } from './svg.ts';
import { describeRelations } from './text-alternative.ts';

/** One ```mermaid fence, with where it is so messages can point at it. */
export interface DiagramFence {
  source: string;
  /** Path relative to the project root, as an author would type it. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** What a page needs of one diagram: the drawing as a tree, and its words. */
export interface RenderedDiagram extends Omit<DiagramRecord, 'svg'> {
  svg: Element;
}

export interface DiagramServiceOptions {
  cacheDir: string;
  /** Ignore cached renders (they are still rewritten): how to time or force a cold build. */
  ignoreCache?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Most diagrams rendered at once (browser pages); defaults to the machine's parallelism. */
  concurrency?: number;
}

export interface DiagramRunSummary {
  /** Fences handed in; `rendered` and `cached` count each diagram once, however many fences share it. */
  fences: number;
  rendered: number;
  cached: number;
  /** Wall time from the first render asked for to the last one finished. */
  renderMs: number;
  /** Cache entries deleted because no page used them. */
  pruned: number;
  fontBytes: number;
  fontChanged: boolean;
}

/** The browser closes once it has had nothing to render for this long. */
const IDLE_MS = 5_000;

export function describeFence(fence: Pick<DiagramFence, 'file' | 'line'>): string {
  return `${fence.file}:${fence.line}`;
}

/**
 * Hands out diagrams: from the committed cache when the source and settings are unchanged, else
 * rendered in the one browser this service starts on first need (several pages at once) and shares
 * until it has been idle a while. Each diagram is read or rendered once per run, however many fences
 * share it. Keeps the label font holding every character the diagrams' labels use.
 */
export class DiagramService {
  readonly cache: DiagramCache;
  readonly font: LabelFont;
  /** Keys handed out since the service started: what a full build keeps. */
  readonly used = new Set<string>();
  /** Diagrams whose labels needed characters the label font lacked; the font was recut for them. */
  readonly fontAdditions: { fence: DiagramFence; characters: string[] }[] = [];
  private readonly ignoreCache: boolean;
  private readonly env: NodeJS.ProcessEnv;
  private readonly concurrency: number;
  private readonly settings = renderSettings();
  private readonly diagrams = new Map<string, Promise<RenderedDiagram>>();
  private renderer: Promise<MermaidRenderer> | undefined;
  private active = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly counts = { fences: 0, rendered: 0, cached: 0, firstStart: 0, lastEnd: 0 };

  constructor({
    cacheDir,
    ignoreCache = false,
    env = process.env,
    concurrency = Math.min(8, availableParallelism()),
  }: DiagramServiceOptions) {
    this.cache = new DiagramCache(cacheDir);
    this.font = new LabelFont(cacheDir);
    this.ignoreCache = ignoreCache;
    this.env = env;
    this.concurrency = concurrency;
  }

  keyOf(source: string): string {
    return cacheKey(source, this.settings);
  }

  async diagramFor(fence: DiagramFence): Promise<RenderedDiagram> {
    const key = this.keyOf(fence.source);
    this.used.add(key);
    this.counts.fences += 1;
    let diagram = this.diagrams.get(key);
    if (!diagram) {
      diagram = this.load(key, fence);
      this.diagrams.set(key, diagram);
      // A failure is not remembered: the next build, or the next edit in dev, tries again.
      diagram.catch(() => this.diagrams.delete(key));
    }
    const result = await diagram;
    this.coverLabels(result, fence);
    return result;
  }

  /** A diagram a fence of this run was given, by its key; undefined when none was. */
  handedOut(key: string): Promise<RenderedDiagram> | undefined {
    return this.diagrams.get(key);
  }

  /** Closes the browser, deletes cache entries nothing used (`prune`), and cuts the font to fit. */
  async finish({ prune }: { prune: boolean }): Promise<DiagramRunSummary> {
    await this.close();
    const pending = [...this.used].flatMap((key) => this.diagrams.get(key) ?? []);
    const characters = (await Promise.allSettled(pending)).flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [...outcome.value.characters] : [],
    );
    const pruned = prune ? this.cache.prune(this.used).length : 0;
    const font = await this.font.cut(characters);
    return {
      fences: this.counts.fences,
      rendered: this.counts.rendered,
      cached: this.counts.cached,
      renderMs: this.counts.lastEnd - this.counts.firstStart,
      pruned,
      fontBytes: font.bytes,
      fontChanged: font.changed,
    };
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const renderer = this.renderer;
    this.renderer = undefined;
    if (renderer) await (await renderer.catch(() => undefined))?.close();
  }

  private async load(key: string, fence: DiagramFence): Promise<RenderedDiagram> {
    const record = this.ignoreCache ? undefined : this.cache.read(key);
    if (record) {
      this.counts.cached += 1;
      return { ...record, svg: parseSvg(record.svg) };
    }
    this.active += 1;
    clearTimeout(this.idleTimer);
    if (this.counts.rendered === 0) this.counts.firstStart = performance.now();
    try {
      const diagram = await this.render(key, fence);
      this.counts.rendered += 1;
      return diagram;
    } finally {
      this.counts.lastEnd = performance.now();
      this.active -= 1;
      if (this.active === 0) this.idleTimer = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
  }

  private async render(key: string, fence: DiagramFence): Promise<RenderedDiagram> {
    const where = describeFence(fence);
    let renderer: MermaidRenderer;
    try {
      renderer = await (this.renderer ??= MermaidRenderer.launch({
        env: this.env,
        pages: this.concurrency,
      }));
    } catch (error) {
      this.renderer = undefined;
      if (!(error instanceof BrowserUnavailableError)) throw error;
      throw new Error(
        `The diagram ${diagramName(fence.source)} at ${where} is new or changed, so it must be rendered, but ${error.message}`,
        { cause: error },
      );
    }
    const id = `diagram-${key}`;
    let raw;
    try {
      raw = await renderer.render(id, fence.source);
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
    const svg = prepareSvg(raw.svg, id);
    const diagram: RenderedDiagram = {
      svg,
      title: raw.title.trim(),
      description: raw.description.trim(),
      relations: describeRelations(raw),
      characters: labelCharacters(svg),
    };
    this.cache.write(key, { ...diagram, svg: serializeSvg(svg) });
    return diagram;
  }

  /** Recuts the label font at once when a diagram needs characters it lacks. */
  private coverLabels(diagram: RenderedDiagram, fence: DiagramFence): void {
    const missing = this.font.missing(diagram.characters);
    if (missing.length === 0) return;
    this.fontAdditions.push({ fence, characters: missing });
    // Written at once, so a stylesheet not yet bundled picks it up; a failure shows in finish().
    this.font.add(missing).catch(() => undefined);
  }
}

/** The accTitle, or else the first line: how an author recognises a diagram Mermaid never parsed. */
function diagramName(source: string): string {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim();
  return `"${title ?? source.trim().split('\n')[0]!.trim()}"`;
}
