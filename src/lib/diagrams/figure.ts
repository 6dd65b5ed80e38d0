import type { RenderedDiagram } from './cache.ts';

/**
 * The HTML a fence becomes: the SVG for the eye, a caption, and the same relations as a list that
 * screen readers, search and text-only readers get (the SVG itself is hidden from search).
 */
export function figureHtml(diagram: RenderedDiagram): string {
  const items = diagram.relations.map((relation) => `<li>${escapeHtml(relation)}</li>`).join('');
  return (
    `<figure class="diagram">` +
    // Focusable because on a narrow screen a wide diagram scrolls inside this box.
    `<div class="diagram__canvas" tabindex="0">${diagram.svg}</div>` +
    `<figcaption class="diagram__caption">${escapeHtml(diagram.title)}</figcaption>` +
    `<details class="diagram__text"><summary>Diagram as text</summary>` +
    (diagram.description ? `<p>${escapeHtml(diagram.description)}</p>` : '') +
    `<ul>${items}</ul></details>` +
    `</figure>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
