import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition } from 'satteri';
import { figureHtml } from './figure.ts';
import type { DiagramFence, DiagramService, RenderedDiagram } from './service.ts';
import { DIAGRAM_LANG } from './settings.ts';

export const PLUGIN_NAME = 'diagrams';

export interface DiagramsHastPluginOptions {
  service: DiagramService;
  /** The project root, which file names in messages are relative to. */
  root: string;
  /** Told about every fence once its diagram is ready: where the build's warnings come from. */
  onDiagram?: (diagram: RenderedDiagram, fence: DiagramFence) => void;
}

/**
 * Sätteri hast plugin (Markdown and MDX alike): the one place fences are found. Each ```mermaid
 * fence becomes its figure, as one piece of HTML (see `figureHtml`); the fences of a document are
 * rendered (or read from the cache) at once.
 */
export function diagramsHastPlugin({
  service,
  root,
  onDiagram,
}: DiagramsHastPluginOptions): HastPluginDefinition {
  return {
    name: PLUGIN_NAME,
    options: { position: true },
    element: {
      filter: ['pre'],
      async visit(pre, ctx) {
        const code = pre.children.find(
          (child) => child.type === 'element' && child.tagName === 'code',
        );
        if (code?.type !== 'element') return;
        const classes = code.properties['className'];
        if (!Array.isArray(classes) || !classes.includes(`language-${DIAGRAM_LANG}`)) return;
        const fence: DiagramFence = {
          source: ctx.textContent(code),
          file: ctx.fileURL ? relative(root, fileURLToPath(ctx.fileURL)) : '(unknown file)',
          line: pre.position?.start.line ?? 0,
        };
        const diagram = await service.diagramFor(fence);
        onDiagram?.(diagram, fence);
        const html = figureHtml(diagram);
        // MDX compiles to JSX, which has no raw HTML node: there the figure is Astro's
        // <Fragment set:html="…" />, one string in the chapter's module.
        if (ctx.sourceFormat === 'markdown') return { type: 'raw', value: html };
        return {
          type: 'mdxJsxFlowElement',
          name: 'Fragment',
          attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
          children: [],
        };
      },
    },
  };
}
