import type { Element } from 'hast';
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
