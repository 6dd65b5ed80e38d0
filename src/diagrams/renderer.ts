import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';
import {
  COPY_GLOBAL,
  MERMAID_ENTRY,
  MERMAID_ORIGIN,
  MermaidModules,
  installConfigCopy,
} from './mermaid-modules.ts';
import { LABEL_FONT_FAMILY, MERMAID_CONFIG, labelFontSource } from './settings.ts';

/** What Mermaid drew for one diagram and what its parsed model says, before any post-processing. */
export interface RawRender {
  svg: string;
  type: string;
  title: string;
  description: string;
  nodes: { id: string; label: string }[];
  /** `directed` is false for plain lines (`---`), which state a link, not a direction. */
  edges: { from: string; to: string; label: string; directed: boolean }[];
}

/** Mermaid's own message for a diagram it cannot parse or draw. */
export class MermaidSyntaxError extends Error {}

/** No Chromium could be started; the message says how to get one. */
export class BrowserUnavailableError extends Error {}

export interface RendererOptions {
  env?: NodeJS.ProcessEnv;
  /** Most pages rendering at once; each is its own renderer process with its own Mermaid. */
  pages: number;
}

/**
 * One headless Chromium that renders Mermaid diagrams on up to `pages` pages at once. Mermaid keeps
 * global state, so a page renders one diagram at a time; each page lives in its own browser context
 * (its own renderer process), so they draw in parallel. Pages open as work queues up, so rendering
 * one changed diagram starts one page, and a cold build of many starts them all.
 */
export class MermaidRenderer {
  private readonly browser: Browser;
  private readonly maxPages: number;
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  private opened = 0;
  private readonly modules = new MermaidModules(rendererPage());

  private constructor(browser: Browser, maxPages: number) {
    this.browser = browser;
    this.maxPages = Math.max(1, maxPages);
  }

  static async launch({ env = process.env, pages }: RendererOptions): Promise<MermaidRenderer> {
    let browser: Browser;
    try {
      browser = await launchChromium(env);
    } catch (error) {
      throw new BrowserUnavailableError(
        `no Chromium could be started (${firstLine(error)}). Install one (Debian/Ubuntu: apt install chromium), ` +
          'point CHROMIUM_PATH at a Chromium binary, or run `npx playwright install chromium`.',
      );
    }
    const renderer = new MermaidRenderer(browser, pages);
    try {
      // The first page opens now, so a page that cannot be set up fails the launch, not a render.
      renderer.release(await renderer.openPage());
      return renderer;
    } catch (error) {
      // Do not leave a browser behind when the page that renders diagrams cannot be set up.
      await browser.close();
      throw error;
    }
  }

  /** Renders one diagram; `id` becomes the SVG's id and Mermaid's prefix for the ids inside it. */
  async render(id: string, source: string): Promise<RawRender> {
    const page = await this.acquire();
    try {
      const outcome = await page.evaluate(renderInPage, { id, source });
      if ('error' in outcome) throw new MermaidSyntaxError(outcome.error);
      return outcome;
    } finally {
      this.release(page);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page) return page;
    if (this.opened < this.maxPages) return this.openPage();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  private async openPage(): Promise<Page> {
    this.opened += 1;
    try {
      const context = await this.browser.newContext();
      // Before any script of the page: Mermaid's modules read their configuration as they load.
      await context.addInitScript(installConfigCopy, COPY_GLOBAL);
      await context.route(`${MERMAID_ORIGIN}/**`, (route) =>
        route.fulfill(this.modules.respond(new URL(route.request().url()).pathname)),
      );
      const page = await context.newPage();
      await page.goto(`${MERMAID_ORIGIN}/`);
      await page.evaluate(initialisePage, {
        config: MERMAID_CONFIG,
        family: LABEL_FONT_FAMILY,
      });
      return page;
    } catch (error) {
      this.opened -= 1;
      throw error;
    }
  }
}

/**
 * The page every renderer page opens, made once: the label font inline (labels are measured here,
 * so in the very font the site draws them in) and Mermaid's modules, loaded before the page is.
 */
function rendererPage(): string {
  const font = readFileSync(labelFontSource()).toString('base64');
  return (
    `<!doctype html><html><head><title>Diagrams</title>` +
    `<style>@font-face{font-family:"${LABEL_FONT_FAMILY}";` +
    `src:url(data:font/woff2;base64,${font}) format("woff2");}</style>` +
    `<script type="module">import mermaid from "${MERMAID_ENTRY}"; window.mermaid = mermaid;</script>` +
    `</head><body></body></html>`
  );
}

/** In the page: waits for the font, configures Mermaid, and keeps a handle on the flowchart parser. */
async function initialisePage({
  config,
  family,
}: {
  config: typeof MERMAID_CONFIG;
  family: string;
}): Promise<void> {
  await document.fonts.load(`16px "${family}"`);
  // The page's module script sets it; it is missing when a module failed to load or run.
  if (!('mermaid' in window))
    throw new Error("Mermaid's modules did not load in the renderer page");
  window.mermaid.initialize(config);
  // Mermaid parses every flowchart with one parser object and points its `yy` at the model (the
  // FlowDB) of the diagram being drawn; reading it after `render` gives the text alternative the
  // very model that was drawn, without parsing the source a second time. The public API does not
  // expose the model; this and `getDiagramFromText` are the deprecated-but-present way in.
  const probe = await window.mermaid.mermaidAPI.getDiagramFromText('flowchart TD\n  A');
  window.flowchartParser = probe.parser as unknown as FlowchartParser;
}

/** In the page: renders one diagram and reads its model. */
async function renderInPage({
  id,
  source,
}: {
  id: string;
  source: string;
}): Promise<RawRender | { error: string }> {
  let rendered;
  try {
    rendered = await window.mermaid.render(id, source);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
  const type = rendered.diagramType;
  if (!type.startsWith('flowchart'))
    return { svg: rendered.svg, type, title: '', description: '', nodes: [], edges: [] };
  const db = window.flowchartParser.parser.yy;
  return {
    svg: rendered.svg,
    type,
    title: db.getAccTitle(),
    description: db.getAccDescription(),
    nodes: [...db.getVertices().values()].map((v) => ({ id: v.id, label: v.text ?? v.id })),
    edges: db.getEdges().map((e) => ({
      from: e.start,
      to: e.end,
      label: e.text ?? '',
      directed: e.type !== 'arrow_open',
    })),
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

/** The part of Mermaid's flowchart parser and model the text alternative reads. */
interface FlowchartParser {
  parser: {
    yy: {
      getAccTitle(): string;
      getAccDescription(): string;
      getVertices(): Map<string, { id: string; text?: string }>;
      getEdges(): { start: string; end: string; text?: string; type?: string }[];
    };
  };
}

declare global {
  interface Window {
    mermaid: import('mermaid').Mermaid;
    flowchartParser: FlowchartParser;
  }
}
