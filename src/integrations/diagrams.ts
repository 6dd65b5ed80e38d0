import { globSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { HastPluginDefinition } from 'satteri';
import { findFences } from '../lib/diagrams/fences.ts';
import { writeLabelFontSubset } from '../lib/diagrams/font.ts';
import { diagramsHastPlugin } from '../lib/diagrams/hast-plugin.ts';
import { DiagramService } from '../lib/diagrams/service.ts';

export interface DiagramsOptions {
  /** Glob (from the project root) of the documents whose ```mermaid fences are pre-rendered. */
  sources: string;
  /** The committed folder of rendered SVGs and the label font subset. */
  cacheDir: string;
}

/** `DIAGRAMS_CACHE=off` renders every diagram afresh: a cold build, e.g. to time one. */
const ignoreCache = process.env['DIAGRAMS_CACHE'] === 'off';

/**
 * Mermaid diagrams rendered at build time. The integration renders every fence the sources hold
 * before any page is built (one browser, only for what the cache lacks) and prunes stale renders
 * after a full build; the hast plugin puts each figure in place of its fence.
 */
export function mermaidDiagrams(options: DiagramsOptions): {
  integration: AstroIntegration;
  hastPlugin: HastPluginDefinition;
} {
  let root = process.cwd();
  let service: DiagramService | undefined;
  const getService = () =>
    (service ??= new DiagramService({ cacheDir: resolve(root, options.cacheDir), ignoreCache }));
  let keep: Set<string> | undefined;

  const integration: AstroIntegration = {
    name: 'mermaid-diagrams',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        const files = globSync(options.sources, { cwd: root }).sort();
        const fences = files.flatMap((file) => findFences(join(root, file), root));
        // The browser is only needed for what the cache lacks; do not leave it running either way.
        const { rendered, cached } = await getService()
          .prepare(fences)
          .finally(() => getService().close());
        keep = new Set(fences.map((fence) => getService().keyOf(fence.source)));
        const fontBytes = await writeLabelFontSubset(
          fences.map((fence) => fence.source),
          resolve(root, options.cacheDir, 'labels.woff2'),
        );
        logger.info(
          `${fences.length} diagrams: ${rendered} rendered, ${cached} from cache; label font ${fontBytes} B ` +
            `(${Math.round(performance.now() - started)} ms)`,
        );
      },
      'astro:build:done': async ({ logger }) => {
        const current = getService();
        await current.close();
        const removed = keep ? current.cache.prune(new Set([...keep, ...current.used])) : [];
        if (removed.length) logger.info(`pruned ${removed.length} stale diagram renders`);
      },
      'astro:server:done': async () => {
        await service?.close();
      },
    },
  };
  return { integration, hastPlugin: diagramsHastPlugin(getService) };
}
