/**
 * What of a built page goes into the search index, by Pagefind's own rules: the contents of its
 * `data-pagefind-body` elements, without `data-pagefind-ignore` parts or the elements Pagefind
 * never indexes. Used to feed Pagefind and to build the vocabulary from the same text. Build-time
 * only (Node).
 */
import { parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { attribute } from '../lib/html.ts';
import { INDEX_WORD_BREAK } from './words.ts';

type Node = DefaultTreeAdapterTypes.Node;
type TextNode = DefaultTreeAdapterTypes.TextNode;

/** Elements whose text Pagefind never indexes (its parser's own list). */
const NOT_INDEXED = new Set([
  'head',
  'style',
  'script',
  'noscript',
  'label',
  'form',
  'svg',
  'footer',
  'nav',
  'iframe',
  'template',
]);

/** Visits the text nodes Pagefind indexes; false when the page marks no body (it is left out). */
function visitIndexedText(root: Node, visit: (text: TextNode) => void, blockEnd?: () => void) {
  let marked = false;
  const walk = (node: Node, inBody: boolean): void => {
    if ('tagName' in node) {
      if (NOT_INDEXED.has(node.tagName)) return;
      if (attribute(node, 'data-pagefind-ignore') !== undefined) return;
      if (attribute(node, 'data-pagefind-body') !== undefined) {
        marked = true;
        inBody = true;
      }
    }
    if (inBody && node.nodeName === '#text') visit(node as TextNode);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child, inBody);
    if (inBody && 'tagName' in node) blockEnd?.();
  };
  walk(root, false);
  return marked;
}

/**
 * One page, parsed once, as the search build needs it: `indexable`, the HTML Pagefind is given
 * (see `indexableHtml`), and `text`, what Pagefind indexes of it (see `indexedText`).
 */
export function indexedPage(html: string): { indexable: string; text: string | undefined } {
  const document = parse(html);
  const parts: string[] = [];
  let changed = false;
  const marked = visitIndexedText(
    document,
    (text) => {
      parts.push(text.value);
      const split = text.value.replace(CLOSED_DASH, `$1${INDEX_WORD_BREAK}`);
      if (split !== text.value) {
        text.value = split;
        changed = true;
      }
    },
    // An element's end ends a word, as it does for Pagefind.
    () => parts.push(' '),
  );
  return {
    indexable: changed ? serialize(document) : html,
    text: marked ? parts.join('') : undefined,
  };
}

/** The text Pagefind indexes from one page, or undefined when the page has no marked body. */
export function indexedText(html: string): string | undefined {
  return indexedPage(html).text;
}

/** A dash between two letters, with no space: "tightrope—carefully", "Armenia–Azerbaijan". */
const CLOSED_DASH = /(?<=\p{L})([–—])(?=\p{L})/gu;

/**
 * The page as Pagefind is given it. Pagefind splits words at spaces and, inside a word, only at
 * ASCII punctuation, so the word after an en or em dash set closed up ("tightrope—carefully") could
 * not be found. A hair space after such a dash, in the indexed copy only, lets it split there; the
 * page served to readers is not changed, and the interface takes the space out of what it shows.
 */
export function indexableHtml(html: string): string {
  return indexedPage(html).indexable;
}
