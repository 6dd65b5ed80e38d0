import type { RenderedDiagram } from './cache.ts';
import { escapeHtml } from '../html.ts';

/** How far diagrams.css lets a diagram shrink (min-width: 70 %), and the prose column on a 360 px phone. */
const MIN_SCALE = 0.7;
const PHONE_COLUMN_WIDTH = 320;

/**
 * The HTML a fence becomes: a caption, the SVG for the eye, and the same relations as a list that
 * screen readers, search and text-only readers get (the SVG itself is hidden from search).
 */
export function figureHtml(diagram: RenderedDiagram): string {
  const items = diagram.relations.map((relation) => `<li>${escapeHtml(relation)}</li>`).join('');
  const width = Number(/\swidth="(\d+)"/.exec(diagram.svg)?.[1] ?? 0);
  // A diagram that may scroll sideways on a phone must be reachable by keyboard to be scrolled.
  const scrollable =
    width * MIN_SCALE > PHONE_COLUMN_WIDTH
      ? ` tabindex="0" role="group" aria-label="${escapeHtml(`Diagram: ${diagram.title}`)}"`
      : '';
  return (
    // The caption comes first, as a chart's title: a figure's caption must be its first or last child.
    `<figure class="diagram">` +
    `<figcaption class="diagram__caption">${escapeHtml(diagram.title)}</figcaption>` +
    `<div class="diagram__canvas"${scrollable}>${diagram.svg}</div>` +
    `<details class="diagram__text"><summary>Diagram as text</summary>` +
    (diagram.description ? `<p>${escapeHtml(diagram.description)}</p>` : '') +
    `<ul>${items}</ul></details>` +
    `</figure>`
  );
}
