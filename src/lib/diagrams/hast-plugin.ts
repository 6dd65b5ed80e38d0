import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToHast, type HastPluginDefinition } from 'satteri';
import { DIAGRAM_LANG } from './fences.ts';
import { figureHtml } from './figure.ts';
import type { DiagramService } from './service.ts';

/**
 * Sätteri hast plugin (Markdown and MDX alike): swaps each ```mermaid fence for its figure.
 * The integration has normally rendered every fence already, so this only reads the cache.
 */
export function diagramsHastPlugin(service: () => DiagramService): HastPluginDefinition {
  return {
    name: 'mermaid-diagrams',
    options: { position: true },
    element: {
      filter: ['pre'],
      async visit(pre, ctx) {
        const code = pre.children.find(
          (child) => child.type === 'element' && child.tagName === 'code',
        );
        if (!code || code.type !== 'element') return;
        const classes = code.properties?.['className'];
        if (!Array.isArray(classes) || !classes.includes(`language-${DIAGRAM_LANG}`)) return;
        const file = ctx.fileURL
          ? relative(process.cwd(), fileURLToPath(ctx.fileURL))
          : '(unknown file)';
        const diagram = await service().diagramFor({
          source: ctx.textContent(code),
          file,
          line: pre.position?.start.line ?? 0,
        });
        const tree = htmlToHast(figureHtml(diagram), { fragment: true });
        return 'children' in tree ? tree.children[0] : undefined;
      },
    },
  };
}
