import type { Element, Root, RootContent } from 'hast';

/** Visits every element of a hast tree, template contents included, in document order. */
export function eachElement(node: Root | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') {
    visit(node);
    if (node.content) eachElement(node.content, visit);
  }
  if ('children' in node) for (const child of node.children) eachElement(child, visit);
}

/** Properties (hast names) whose value is a space-separated list of ids. */
const ID_LIST_PROPERTIES = new Set([
  'htmlFor',
  'form',
  'list',
  'headers',
  'ariaActiveDescendant',
  'ariaControls',
  'ariaDescribedBy',
  'ariaDetails',
  'ariaErrorMessage',
  'ariaFlowTo',
  'ariaLabelledBy',
  'ariaOwns',
]);

/** Properties whose value may be a `#fragment` link to an element of the same tree. */
const FRAGMENT_PROPERTIES = new Set(['href', 'xLinkHref']);

/** `url(#id)`, quoted or not, as CSS and SVG presentation attributes write it. */
const URL_REFERENCE = /url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g;

/** In a stylesheet, a `url(#id)` or else an `#id` selector: one pass, so no name is renamed twice. */
const STYLE_REFERENCE = /url\(\s*(['"]?)#([^'")\s]+)\1\s*\)|#(-?[A-Za-z_][\w-]*)/g;

/**
 * Renames the ids of a tree so it can sit beside others on one page, and every reference to them
 * with it: `#fragment` links (`href`, `xlink:href`), id lists (`aria-labelledby`, `for`, …),
 * `url(#…)` in any attribute, and `#id` selectors and `url(#…)` in `<style>`. `rename` gives an id's
 * new name, or `undefined` to keep it. Returns the ids renamed, old to new.
 *
 * One function for every place ids need scoping: each diagram's SVG, and each chapter of the
 * whole-article page.
 */
export function scopeIds(
  tree: Root | Element,
  rename: (id: string) => string | undefined,
): ReadonlyMap<string, string> {
  const renamed = new Map<string, string>();
  eachElement(tree, (element) => {
    const id = element.properties['id'];
    if (typeof id !== 'string' || id === '' || renamed.has(id)) return;
    const to = rename(id);
    if (to !== undefined && to !== id) renamed.set(id, to);
  });
  if (renamed.size === 0) return renamed;

  const renameId = (id: string) => renamed.get(id) ?? id;
  const renameUrls = (text: string) =>
    text.replace(URL_REFERENCE, (whole, quote: string, id: string) =>
      renamed.has(id) ? `url(${quote}#${renameId(id)}${quote})` : whole,
    );

  eachElement(tree, (element) => {
    const properties = element.properties;
    for (const [name, value] of Object.entries(properties)) {
      if (name === 'id') {
        if (typeof value === 'string') properties[name] = renameId(value);
      } else if (ID_LIST_PROPERTIES.has(name)) {
        properties[name] = Array.isArray(value)
          ? value.map((ref) => (typeof ref === 'string' ? renameId(ref) : ref))
          : typeof value === 'string'
            ? value.split(/\s+/).map(renameId).join(' ')
            : value;
      } else if (FRAGMENT_PROPERTIES.has(name) && typeof value === 'string') {
        if (value.startsWith('#')) {
          const target = safeDecode(value.slice(1));
          if (renamed.has(target)) properties[name] = `#${renameId(target)}`;
        }
      } else if (typeof value === 'string' && value.includes('url(')) {
        properties[name] = renameUrls(value);
      }
    }
    if (element.tagName === 'style') {
      for (const child of element.children) {
        if (child.type !== 'text') continue;
        child.value = child.value.replace(
          STYLE_REFERENCE,
          (
            whole,
            quote: string | undefined,
            url: string | undefined,
            selector: string | undefined,
          ) => {
            if (url !== undefined)
              return renamed.has(url) ? `url(${quote}#${renameId(url)}${quote})` : whole;
            return selector !== undefined && renamed.has(selector)
              ? `#${renameId(selector)}`
              : whole;
          },
        );
      }
    }
  });
  return renamed;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
