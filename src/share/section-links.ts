import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';
import type { Element, ElementContent } from 'hast';

/**
 * A link to every chapter section (h2, h3) and every timeline event: it sits at the end of the
 * heading, shows on hover and on keyboard focus, and works as a plain link without JavaScript.
 * `public/site.js` also copies the full URL when it is activated. Search does not index it and paper
 * does not show it.
 *
 * The heading keeps its own text as its accessible name (`aria-labelledby` points at a span around
 * the text), so a screen reader's list of headings does not repeat "Link to this section".
 */
export const SECTION_LINK_CLASS = 'section-link';
export const SECTION_LINK_ATTRIBUTE = 'data-section-link';

export function sectionLinkLabel(title: string, kind: 'section' | 'event' = 'section'): string {
  return `Link to this ${kind}: ${title}`;
}

/** The id of the span that names a heading which carries a section link. */
export function headingLabelId(id: string): string {
  return `${id}-label`;
}

function linkElement(id: string, title: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: [SECTION_LINK_CLASS],
      href: `#${id}`,
      ariaLabel: sectionLinkLabel(title),
      dataSectionLink: '',
      dataPagefindIgnore: '',
      dataPrint: 'hide',
    },
    children: [],
  };
}

const LINKED_LEVELS = new Set(['h2', 'h3']);

/**
 * Sätteri hast plugin. It gives every heading the id Astro would give it (github-slugger over the
 * heading text, in document order, an id already set winning: Astro's own heading-ids plugin runs
 * later and keeps ids it finds), so the link can point at it, then adds the link to h2 and h3.
 * A factory: Sätteri calls it once per document, so each document gets its own slugger.
 */
export function sectionLinks(): () => HastPluginDefinition {
  return () => {
    const slugger = new GithubSlugger();
    return defineHastPlugin({
      name: 'section-links',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const existing = node.properties?.['id'];
          const id = typeof existing === 'string' ? existing : slugger.slug(text);
          if (!LINKED_LEVELS.has(node.tagName)) {
            if (typeof existing !== 'string') ctx.setProperty(node, 'id', id);
            return;
          }
          const title = text.trim();
          const label: Element = {
            type: 'element',
            tagName: 'span',
            properties: { id: headingLabelId(id) },
            children: [...node.children] as ElementContent[],
          };
          return {
            ...node,
            properties: { ...node.properties, id, ariaLabelledBy: [headingLabelId(id)] },
            children: [label, linkElement(id, title)],
          };
        },
      },
    });
  };
}
