import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

/** Small helpers for the HTML this site writes and rewrites at build time. */

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/**
 * An HTML fragment as a hast tree, parsed by parse5 as the HTML standard says. Without source
 * positions: hast-util-from-html records them, at twice the cost, and nothing here reads them.
 */
export function htmlFragmentTree(html: string): Root {
  return fromParse5(parseFragment(html)) as Root;
}

/** Text made safe for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An element's attribute without a namespace prefix (so `href`, not `xlink:href`). */
export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name && !attr.prefix)?.value;
}

/** Visits every element of a parse5 tree, template contents included, in document order. */
export function walkElements(node: Node, visit: (element: Element) => void): void {
  if ('tagName' in node) visit(node);
  const children =
    'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) walkElements(child, visit);
}
