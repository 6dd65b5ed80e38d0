import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';
import { figureHtml } from './figure.ts';
import type { DiagramFence, DiagramService, RenderedDiagram } from './service.ts';
import { DIAGRAM_LANG } from './settings.ts';

export const PLUGIN_NAME = 'diagrams';

/**
 * Where an MDX document imports a diagram's figure from: one module per diagram (the diagrams
 * integration serves it), so a drawing shown in many chapters is one string in the build, not one
 * copy in each chapter's module.
 */
export const FIGURE_MODULE = 'virtual:diagram-figure/';

/** The name a document gives the figure it imports. */
function figureBinding(key: string): string {
  return `diagramFigure_${key}`;
}

export interface DiagramsHastPluginOptions {
  service: DiagramService;
  /** The project root, which file names in messages are relative to. */
  root: string;
  /** Told about every fence once its diagram is ready: where the build's warnings come from. */
  onDiagram?: (diagram: RenderedDiagram, fence: DiagramFence) => void;
}

/**
 * Sätteri hast plugin (Markdown and MDX alike): the one place fences are found. Each ```mermaid
 * fence becomes its figure (see `figureHtml`); the fences of a document are rendered (or read from
 * the cache) at once. In Markdown the figure is raw HTML; MDX compiles to JSX, which has none, so
 * there it is Astro's `<Fragment set:html={…} />` with the HTML imported from the diagram's module.
 * A plugin per document: each imports the figures it shows.
 */
export function diagramsHastPlugin(options: DiagramsHastPluginOptions): HastPluginEntry {
  const perDocument = (): HastPluginDefinition => documentPlugin(options);
  return Object.defineProperty(perDocument, 'name', { value: PLUGIN_NAME });
}

function documentPlugin({
  service,
  root,
  onDiagram,
}: DiagramsHastPluginOptions): HastPluginDefinition {
  const imported = new Set<string>();
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
        if (ctx.sourceFormat === 'markdown') return { type: 'raw', value: figureHtml(diagram) };
        const key = service.keyOf(fence.source);
        imported.add(key);
        return {
          type: 'mdxJsxFlowElement',
          name: 'Fragment',
          attributes: [
            {
              type: 'mdxJsxAttribute',
              name: 'set:html',
              value: { type: 'mdxJsxAttributeValueExpression', value: figureBinding(key) },
            },
          ],
          children: [],
        };
      },
    },
    after(tree, ctx) {
      [...imported].forEach((key, index) =>
        ctx.insertChildAt(tree, index, {
          type: 'mdxjsEsm',
          value: `import ${figureBinding(key)} from ${JSON.stringify(FIGURE_MODULE + key)};`,
        }),
      );
    },
  };
}
