import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.ts';
import { LABEL_FONT_FAMILY, MERMAID_CONFIG, labelFontSource, packageDir } from './settings.ts';

/** What Mermaid's parsed model says about one flowchart, before any post-processing. */
export interface RawRender {
  svg: string;
  type: string;
  title: string;
  description: string;
  nodes: { id: string; label: string }[];
  /** `directed` is false for plain lines (`---`), which state a link, not a direction. */
  edges: { from: string; to: string; label: string; directed: boolean }[];
}

/** Mermaid's own message for a diagram it cannot parse. */
export class MermaidSyntaxError extends Error {}

/** No Chromium could be started; the message says how to get one. */
export class BrowserUnavailableError extends Error {}

/**
 * One headless Chromium page with Mermaid 12's browser bundle loaded; renders diagrams one at a time
 * (Mermaid keeps global state, so renders must not overlap).
 */
export class MermaidRenderer {
  private queue: Promise<unknown> = Promise.resolve();

  private readonly browser: Browser;
  private readonly page: Page;

  private constructor(browser: Browser, page: Page) {
    this.browser = browser;
    this.page = page;
  }

  static async launch(env: NodeJS.ProcessEnv = process.env): Promise<MermaidRenderer> {
    let browser: Browser;
    try {
      browser = await chromium.launch(chromiumLaunchOptions(env));
    } catch (error) {
      throw new BrowserUnavailableError(
        `no Chromium could be started (${firstLine(error)}). Install one (Debian/Ubuntu: apt install chromium), ` +
          'point CHROMIUM_PATH at a Chromium binary, or run `npx playwright install chromium`.',
      );
    }
    try {
      const page = await browser.newPage();
      const font = readFileSync(labelFontSource()).toString('base64');
      // Labels are measured here, so they must be measured in the very font the page draws them in.
      await page.setContent(
        `<!doctype html><html><head><style>@font-face{font-family:"${LABEL_FONT_FAMILY}";` +
          `src:url(data:font/woff2;base64,${font}) format("woff2");}</style></head><body></body></html>`,
      );
      await page.addScriptTag({ path: join(packageDir('mermaid'), 'dist', 'mermaid.min.js') });
      await page.evaluate(
        async ({ config, family }) => {
          await document.fonts.load(`16px "${family}"`);
          window.mermaid.initialize(config);
        },
        { config: MERMAID_CONFIG, family: LABEL_FONT_FAMILY },
      );
      return new MermaidRenderer(browser, page);
    } catch (error) {
      // Do not leave a browser behind when the page that renders diagrams cannot be set up.
      await browser.close();
      throw error;
    }
  }

  /** Renders one diagram; `id` becomes the SVG's id and Mermaid's prefix for the ids inside it. */
  render(id: string, source: string): Promise<RawRender> {
    const result = this.queue.then(() => this.renderNow(id, source));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async renderNow(id: string, source: string): Promise<RawRender> {
    const outcome = await this.page.evaluate(
      async ({ id, source }) => {
        const mermaid = window.mermaid;
        try {
          await mermaid.parse(source);
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
        // The text alternative needs Mermaid's parsed model (nodes, edges, accTitle); the public API
        // (parse/render) does not expose it, so this uses the deprecated-but-present mermaidAPI.
        const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
        const db = diagram.db as {
          getAccTitle?: () => string;
          getAccDescription?: () => string;
          getVertices?: () => Map<string, { id: string; text?: string }>;
          getEdges?: () => { start: string; end: string; text?: string; type?: string }[];
        };
        const { svg } = await mermaid.render(id, source);
        document.getElementById(id)?.remove();
        return {
          svg,
          type: diagram.type,
          title: db.getAccTitle?.() ?? '',
          description: db.getAccDescription?.() ?? '',
          nodes: [...(db.getVertices?.().values() ?? [])].map((v) => ({
            id: v.id,
            label: v.text ?? v.id,
          })),
          edges: (db.getEdges?.() ?? []).map((e) => ({
            from: e.start,
            to: e.end,
            label: e.text ?? '',
            directed: e.type !== 'arrow_open',
          })),
        };
      },
      { id, source },
    );
    if ('error' in outcome) throw new MermaidSyntaxError(outcome.error);
    return outcome;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

declare global {
  interface Window {
    mermaid: import('mermaid').Mermaid;
  }
}
