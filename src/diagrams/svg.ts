import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlFragmentTree } from '../lib/html.ts';
import { eachElement, scopeIds } from '../lib/scope-ids.ts';

/** Layout bookkeeping Mermaid leaves for its own runtime; readers never need it. */
const RUNTIME_PROPERTIES = ['dataPoints', 'dataLook', 'dataEt', 'dataEdge', 'dataId'];

/** Definitions Mermaid always emits, removed when nothing points at them. */
const DEFINITIONS = ['marker', 'filter', 'linearGradient'];

/** The one `<svg>` element of a serialized SVG, as a hast tree. */
export function parseSvg(html: string): Element {
  const svg = htmlFragmentTree(html).children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'svg',
  );
  if (!svg) throw new Error(`Expected an <svg> element, got: ${html.slice(0, 80)}…`);
  return svg;
}

export function serializeSvg(svg: Element): string {
  // Quotes and backticks stay as written; only what would end the value (`"` and `&`) is escaped.
  return toHtml(svg, { allowDangerousCharacters: true });
}

/** The width at full size, in CSS px, of an SVG `prepareSvg` made. */
export function svgWidth(svg: Element): number {
  return Number(svg.properties['width']);
}

/** Every character the drawing's labels use, sorted, once each. */
export function labelCharacters(svg: Element): string {
  const characters = new Set<string>();
  eachElement(svg, (element) => {
    if (element.tagName === 'text') for (const c of textOf(element)) characters.add(c);
  });
  return [...characters].sort().join('');
}

/**
 * Turns Mermaid's SVG into something safe to inline many times on one page: no embedded <style>
 * (the site's stylesheet colours it with its own custom properties), no runtime bookkeeping or empty
 * shapes, one text run per label line, every id unique to this diagram (`idPrefix`), and an
 * accessible image whose name is the diagram's title.
 */
export function prepareSvg(html: string, idPrefix: string): Element {
  const svg = parseSvg(html);
  removeElements(svg, (element) => element.tagName === 'style');
  eachElement(svg, (element) => {
    const properties = element.properties;
    for (const name of RUNTIME_PROPERTIES) delete properties[name];
    if (typeof properties['style'] === 'string' && /^[\s;]*$/.test(properties['style']))
      delete properties['style'];
    for (const name of ['fontStyle', 'fontWeight'])
      if (properties[name] === 'normal') delete properties[name];
  });
  removeElements(svg, isEmptyShape);
  // Edges without a label still get a label group with no text.
  removeElements(svg, (element) => hasClass(element, 'edgeLabel') && textOf(element) === '');
  eachElement(svg, mergeTextRuns);
  // Until nothing changes: a gradient only an unused marker pointed at goes with it.
  for (let removed = true; removed;) {
    const referenced = references(svg);
    removed = false;
    removeElements(svg, (element) => {
      const unused =
        DEFINITIONS.includes(element.tagName) && !referenced.has(String(element.properties['id']));
      removed ||= unused;
      return unused;
    });
  }
  removeElements(svg, (element) => element.tagName === 'defs' && element.children.length === 0);
  // Mermaid builds most ids from the diagram's own id already; the rest get it as a prefix.
  scopeIds(svg, (id) => (id.includes(idPrefix) ? undefined : `${idPrefix}-${id}`));
  svg.properties = rootProperties(svg);
  return svg;
}

/** A shape Mermaid draws with nothing to show: a bare `<rect>`, a label backdrop never sized, an empty `<g>`. */
function isEmptyShape(element: Element): boolean {
  if (element.children.length > 0) return false;
  const names = Object.keys(element.properties);
  if (element.tagName === 'g' || element.tagName === 'rect') {
    if (names.length === 0) return true;
  }
  return (
    element.tagName === 'rect' &&
    names.length === 2 &&
    hasClass(element, 'background') &&
    element.properties['className']?.toString() === 'background' &&
    element.properties['style'] === 'stroke: none'
  );
}

/** Mermaid wraps every word in its own `<tspan>`; one run per line reads and copies as plain text. */
function mergeTextRuns(parent: Element): void {
  const merged: ElementContent[] = [];
  for (const child of parent.children) {
    const previous = merged.at(-1);
    if (
      previous?.type === 'element' &&
      child.type === 'element' &&
      isTextRun(previous) &&
      isTextRun(child) &&
      JSON.stringify(previous.properties) === JSON.stringify(child.properties)
    ) {
      previous.children = [{ type: 'text', value: textOf(previous) + textOf(child) }];
      continue;
    }
    merged.push(child);
  }
  parent.children = merged;
}

function isTextRun(element: Element): boolean {
  return (
    element.tagName === 'tspan' &&
    hasClass(element, 'text-inner-tspan') &&
    element.children.every((child) => child.type === 'text')
  );
}

/** Ids that something in the tree points at, by `url(#…)` or a `#…` link. */
function references(tree: Element): Set<string> {
  const ids = new Set<string>();
  eachElement(tree, (element) => {
    for (const value of Object.values(element.properties)) {
      if (typeof value !== 'string') continue;
      for (const [, id] of value.matchAll(/url\(\s*['"]?#([^'")\s]+)/g)) ids.add(id!);
      if (value.startsWith('#')) ids.add(value.slice(1));
    }
  });
  return ids;
}

/** The root `<svg>`'s attributes, in order: what the page and assistive technology need. */
function rootProperties(svg: Element): Element['properties'] {
  const { id, viewBox, ariaLabelledBy, ariaDescribedBy } = svg.properties;
  const [, , width = 0, height = 0] = String(viewBox ?? '0 0 0 0')
    .split(/\s+/)
    .map(Number);
  return {
    id,
    className: ['diagram__svg'],
    viewBox,
    width: Math.ceil(width),
    height: Math.ceil(height),
    style: `--diagram-width: ${Math.ceil(width)}px`,
    role: 'img',
    ...(ariaLabelledBy === undefined ? {} : { ariaLabelledBy }),
    ...(ariaDescribedBy === undefined ? {} : { ariaDescribedBy }),
    dataPagefindIgnore: '',
  };
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Removes, children first, every element `test` picks; an element emptied this way can be picked too. */
function removeElements(parent: Element, test: (element: Element) => boolean): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    removeElements(child, test);
    return !test(child);
  });
}
