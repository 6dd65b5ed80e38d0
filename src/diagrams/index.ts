import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { HastPluginEntry } from 'satteri';
import { figureHtml } from './figure.ts';
import { FIGURE_MODULE, PLUGIN_NAME, diagramsHastPlugin } from './hast-plugin.ts';
import { DiagramService } from './service.ts';
import { DIAGRAM_LANG } from './settings.ts';
import { lateFontWarning, wideDiagramWarning } from './warnings.ts';

export interface DiagramsOptions {
  /** The committed folder of rendered diagrams and the label font, from the project root. */
  cacheDir?: string;
  /** Most diagrams rendered at once (browser pages); defaults to the machine's parallelism. */
  concurrency?: number;
}

export const DEFAULT_CACHE_DIR = 'content/.diagram-cache';

/**
 * Mermaid diagrams rendered at build time, as one integration: it adds its own hast plugin to the
 * Sätteri Markdown processor (Markdown and MDX), which puts a figure in place of each ```mermaid
 * fence, from the committed cache or rendered in one headless Chromium for what the cache lacks.
 * After a build it prunes renders nothing used and cuts the label font to the labels.
 *
 * `DIAGRAMS_CACHE=off` renders every diagram afresh (a cold build, e.g. to time one);
 * `DIAGRAMS_CONCURRENCY=n` sets how many render at once.
 */
export function diagrams(options: DiagramsOptions = {}): AstroIntegration {
  let service: DiagramService | undefined;
  let assetsDir = '_astro';
  return {
    name: 'diagrams',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger }) => {
        await service?.close();
        const root = fileURLToPath(config.root);
        const fromEnv = Number(process.env['DIAGRAMS_CONCURRENCY']);
        const current = new DiagramService({
          cacheDir: join(root, options.cacheDir ?? DEFAULT_CACHE_DIR),
          ignoreCache: process.env['DIAGRAMS_CACHE'] === 'off',
          ...(options.concurrency || fromEnv
            ? { concurrency: options.concurrency ?? fromEnv }
            : {}),
        });
        service = current;
        const plugins = hastPluginsOf(config.markdown.processor);
        // Set up again (a dev server restart) on the same processor: replace, never add twice.
        const previous = plugins.findIndex(
          (plugin) =>
            (typeof plugin === 'object' || typeof plugin === 'function') &&
            plugin &&
            'name' in plugin &&
            plugin.name === PLUGIN_NAME,
        );
        if (previous >= 0) plugins.splice(previous, 1);
        plugins.push(
          diagramsHastPlugin({
            service: current,
            root,
            onDiagram: (diagram, fence) => {
              const warning = wideDiagramWarning(diagram, fence);
              if (warning) logger.warn(warning);
            },
          }),
        );
        const highlight = excludeDiagramsFromHighlighting(config.markdown.syntaxHighlight);
        updateConfig({
          ...(highlight ? { markdown: { syntaxHighlight: highlight } } : {}),
          // Each diagram's figure, as the module the chapters that show it import (hast-plugin.ts).
          vite: {
            plugins: [
              {
                name: 'diagram-figures',
                resolveId: (id: string) => (id.startsWith(FIGURE_MODULE) ? `\0${id}` : null),
                async load(id: string) {
                  if (!id.startsWith(`\0${FIGURE_MODULE}`)) return null;
                  const key = id.slice(FIGURE_MODULE.length + 1);
                  const diagram = current.handedOut(key);
                  if (!diagram)
                    throw new Error(`No fence of this build has the diagram ${key} (${id}).`);
                  return `export default ${JSON.stringify(figureHtml(await diagram))};`;
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!service) return;
        const summary = await service.finish({ prune: true });
        const total = summary.rendered + summary.cached;
        const rendered = summary.rendered
          ? `${summary.rendered} rendered in ${(summary.renderMs / 1000).toFixed(1)} s ` +
            `(${Math.round(summary.renderMs / summary.rendered)} ms each)`
          : '0 rendered';
        logger.info(
          `${total} diagrams (${summary.fences} fences): ${rendered}, ${summary.cached} from cache; ` +
            `label font ${summary.fontBytes} B${summary.fontChanged ? ' (recut)' : ''}` +
            (summary.pruned ? `; pruned ${summary.pruned} unused renders` : ''),
        );
        const late = lateFontWarning(
          service.fontAdditions,
          service.font.bytes(),
          join(fileURLToPath(dir), assetsDir),
        );
        if (late) logger.warn(late);
      },
      'astro:server:done': async () => {
        await service?.close();
      },
    },
  };
}

/** The Sätteri processor's own plugin list, which it reads when it renders (Markdown and MDX). */
function hastPluginsOf(processor: AstroConfig['markdown']['processor']): HastPluginEntry[] {
  const plugins = (processor.options as { hastPlugins?: unknown }).hastPlugins;
  if (processor.name !== 'satteri' || !Array.isArray(plugins)) {
    throw new Error(
      `The diagrams integration needs the Sätteri Markdown processor (Astro's default), but ` +
        `markdown.processor is "${processor.name}". Remove that setting or use satteri() from ` +
        `@astrojs/markdown-satteri.`,
    );
  }
  return plugins as HastPluginEntry[];
}

/** A ```mermaid fence must reach the diagrams plugin as code, not as highlighted markup. */
function excludeDiagramsFromHighlighting(
  highlight: AstroConfig['markdown']['syntaxHighlight'],
): { type: 'shiki' | 'prism'; excludeLangs: string[] } | undefined {
  if (highlight === false) return undefined;
  if (typeof highlight === 'string') return { type: highlight, excludeLangs: [DIAGRAM_LANG] };
  if (highlight.excludeLangs?.includes(DIAGRAM_LANG)) return undefined;
  // Astro's config merge appends this list to the one already set.
  return { type: highlight.type, excludeLangs: [DIAGRAM_LANG] };
}
