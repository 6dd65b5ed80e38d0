import { parse, walk } from 'css-tree';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { RenderedDiagram } from './service.ts';
import { MIN_SCALE, PHONE_COLUMN_WIDTH } from './settings.ts';
import { svgWidth } from './svg.ts';

/**
 * What a fence becomes: a caption, the SVG for the eye, and the same relations as a list that
 * screen readers, search and text-only readers get (the SVG itself is hidden from search).
 */
export function diagramFigure(diagram: RenderedDiagram): Element {
  // A diagram that may scroll sideways on a phone must be reachable by keyboard to be scrolled.
  const scrollable = svgWidth(diagram.svg) * MIN_SCALE > PHONE_COLUMN_WIDTH;
  // The caption comes first, as a chart's title: a figure's caption must be its first or last child.
  return h('figure.diagram', [
    h('figcaption.diagram__caption', diagram.title),
    h(
      'div.diagram__canvas',
      scrollable ? { tabIndex: 0, role: 'group', ariaLabel: `Diagram: ${diagram.title}` } : {},
      [diagram.svg],
    ),
    h('details.diagram__text', [
      h('summary', 'Diagram as text'),
      diagram.description ? h('p', diagram.description) : undefined,
      h(
        'ul',
        diagram.relations.map((relation) => h('li', relation)),
      ),
    ]),
  ]);
}

/**
 * The figure as one HTML string, for the page to take as it is (`set:html`): compiled into each
 * chapter's module as an element tree instead, every diagram's SVG became thousands of JSX calls
 * for the bundler to parse and keep, the build's largest cost per chapter. Written the way Astro
 * writes an element tree (inline styles as `property:value` joined by `;`, empty attributes bare),
 * so the page is byte for byte what it was.
 */
export function figureHtml(diagram: RenderedDiagram): string {
  return toHtml(astroStyles(diagramFigure(diagram)), { collapseEmptyAttributes: true });
}

function astroStyles<T extends ElementContent>(node: T): T {
  if (node.type !== 'element') return node;
  const style = node.properties['style'];
  return {
    ...node,
    properties:
      typeof style === 'string'
        ? { ...node.properties, style: astroStyle(style) }
        : node.properties,
    children: node.children.map(astroStyles),
  };
}

/** `a: 1; b: 2;` as Astro writes a style it parsed: `a:1;b:2`. */
function astroStyle(style: string): string {
  const declarations: string[] = [];
  walk(parse(style, { context: 'declarationList', parseValue: false }), {
    visit: 'Declaration',
    enter(node) {
      const value = node.value.type === 'Raw' ? node.value.value.trim() : '';
      if (value)
        declarations.push(`${node.property}:${value}${node.important ? '!important' : ''}`);
    },
  });
  return declarations.join(';');
}
