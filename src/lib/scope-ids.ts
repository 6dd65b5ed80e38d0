import type { Element, Root, RootContent } from 'hast';
import { Tokenizer, QuoteType } from 'htmlparser2';

/**
 * Renaming ids so that many fragments can sit on one page, and every reference with them: `#fragment`
 * links (`href`, `xlink:href`), id lists (`aria-labelledby`, `for`, …), `url(#…)` in any attribute,
 * and `#id` selectors and `url(#…)` in `<style>`. The rules are written once, on attributes as HTML
 * names them (`scopedValue`, `scopedStyleSheet`), and applied to two shapes of markup: a hast tree
 * (`scopeIds`: each diagram's SVG) and serialized HTML (`scopeIdsInHtml`: each chapter of the
 * whole-article page, megabytes at a time, rewritten in place without building a tree).
 */

/** Visits every element of a hast tree, template contents included, in document order. */
export function eachElement(node: Root | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') {
    visit(node);
    if (node.content) eachElement(node.content, visit);
  }
  if ('children' in node) for (const child of node.children) eachElement(child, visit);
}

/** Attributes whose value is a space-separated list of ids. */
const ID_LIST_ATTRIBUTES = new Set([
  'for',
  'form',
  'list',
  'headers',
  'aria-activedescendant',
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'aria-labelledby',
  'aria-owns',
]);

/** Attributes whose value may be a `#fragment` link to an element of the same tree. */
const FRAGMENT_ATTRIBUTES = new Set(['href', 'xlink:href']);

/** hast's property names for the attributes above (every other attribute only matters for `url(`). */
const HAST_NAMES: Record<string, string> = {
  htmlFor: 'for',
  ariaActiveDescendant: 'aria-activedescendant',
  ariaControls: 'aria-controls',
  ariaDescribedBy: 'aria-describedby',
  ariaDetails: 'aria-details',
  ariaErrorMessage: 'aria-errormessage',
  ariaFlowTo: 'aria-flowto',
  ariaLabelledBy: 'aria-labelledby',
  ariaOwns: 'aria-owns',
  xLinkHref: 'xlink:href',
};

/** `url(#id)`, quoted or not, as CSS and SVG presentation attributes write it. */
const URL_REFERENCE = /url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g;

/** In a stylesheet, a `url(#id)` or else an `#id` selector: one pass, so no name is renamed twice. */
const STYLE_REFERENCE = /url\(\s*(['"]?)#([^'")\s]+)\1\s*\)|#(-?[A-Za-z_][\w-]*)/g;

/** Old id to new, for the ids a fragment renames. */
export type RenamedIds = ReadonlyMap<string, string>;

/** An attribute's value (`name` as HTML writes it, lower case) once the renamed ids are applied. */
export function scopedValue(name: string, value: string, renamed: RenamedIds): string {
  const renameId = (id: string) => renamed.get(id) ?? id;
  if (name === 'id') return renameId(value);
  if (ID_LIST_ATTRIBUTES.has(name)) return value.split(/\s+/).map(renameId).join(' ');
  if (FRAGMENT_ATTRIBUTES.has(name)) {
    if (!value.startsWith('#')) return value;
    const target = safeDecode(value.slice(1));
    return renamed.has(target) ? `#${renameId(target)}` : value;
  }
  if (!value.includes('url(')) return value;
  return value.replace(URL_REFERENCE, (whole, quote: string, id: string) =>
    renamed.has(id) ? `url(${quote}#${renameId(id)}${quote})` : whole,
  );
}

/** A `<style>` element's text once the renamed ids are applied. */
export function scopedStyleSheet(text: string, renamed: RenamedIds): string {
  return text.replace(
    STYLE_REFERENCE,
    (whole, quote: string | undefined, url: string | undefined, selector: string | undefined) => {
      if (url !== undefined)
        return renamed.has(url) ? `url(${quote}#${renamed.get(url)}${quote})` : whole;
      return selector !== undefined && renamed.has(selector) ? `#${renamed.get(selector)}` : whole;
    },
  );
}

/** The ids `rename` renames, old to new, in document order; `undefined` or the same id keeps one. */
function renamedIds(ids: Iterable<string>, rename: (id: string) => string | undefined): RenamedIds {
  const renamed = new Map<string, string>();
  for (const id of ids) {
    if (id === '' || renamed.has(id)) continue;
    const to = rename(id);
    if (to !== undefined && to !== id) renamed.set(id, to);
  }
  return renamed;
}

/**
 * Scopes the ids of a hast tree in place (see the top of this file). `rename` gives an id's new
 * name, or `undefined` to keep it. Returns the ids renamed, old to new.
 */
export function scopeIds(
  tree: Root | Element,
  rename: (id: string) => string | undefined,
): RenamedIds {
  const ids: string[] = [];
  eachElement(tree, (element) => {
    const id = element.properties['id'];
    if (typeof id === 'string') ids.push(id);
  });
  const renamed = renamedIds(ids, rename);
  if (renamed.size === 0) return renamed;
  eachElement(tree, (element) => {
    const properties = element.properties;
    for (const [property, value] of Object.entries(properties)) {
      const name = HAST_NAMES[property] ?? property;
      if (typeof value === 'string') properties[property] = scopedValue(name, value, renamed);
      else if (Array.isArray(value) && ID_LIST_ATTRIBUTES.has(name))
        properties[property] = scopedValue(name, value.join(' '), renamed).split(' ');
    }
    if (element.tagName === 'style')
      for (const child of element.children)
        if (child.type === 'text') child.value = scopedStyleSheet(child.value, renamed);
  });
  return renamed;
}

/** What `scopeIdsInHtml` does besides the ids: further rewrites of names and attribute values. */
export interface HtmlScoping {
  rename: (id: string) => string | undefined;
  /** An element's new tag name (in its start and end tags), or `undefined` to keep it. */
  tagName?: (name: string) => string | undefined;
  /** An attribute's value after the ids' renaming, rewritten further; `undefined` keeps it. */
  attribute?: (name: string, value: string) => string | undefined;
}

/**
 * Scopes the ids of serialized HTML (see the top of this file) and applies `scoping`'s other
 * rewrites. The markup is read by htmlparser2's tokenizer and only the values and names that change
 * are written anew; every other byte stays as it was.
 */
export function scopeIdsInHtml(html: string, scoping: HtmlScoping): string {
  const { tags, styles } = tokenize(html);
  const renamed = renamedIds(
    tags.flatMap((tag) => tag.attributes.flatMap((a) => (a.name === 'id' ? [a.value] : []))),
    scoping.rename,
  );
  const edits: Edit[] = [];
  for (const tag of tags) {
    const name = scoping.tagName?.(tag.name);
    if (name !== undefined && name !== tag.name)
      edits.push({ start: tag.nameStart, end: tag.nameEnd, text: name });
    for (const attribute of tag.attributes) {
      let value = renamed.size
        ? scopedValue(attribute.name, attribute.value, renamed)
        : attribute.value;
      value = scoping.attribute?.(attribute.name, value) ?? value;
      if (value !== attribute.value) edits.push(attributeEdit(attribute, value));
    }
  }
  if (renamed.size)
    for (const style of styles) {
      const text = html.slice(style.start, style.end);
      const scoped = scopedStyleSheet(text, renamed);
      if (scoped !== text) edits.push({ start: style.start, end: style.end, text: scoped });
    }
  return applyEdits(html, edits);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface TokenAttribute {
  /** Lower case, as HTML compares attribute names. */
  name: string;
  /** With character references decoded. */
  value: string;
  /** Where the value is written (inside its quotes, if any). */
  start: number;
  end: number;
  quote: QuoteType;
}

/** A start or end tag: its name (lower case) and where it is written; end tags have no attributes. */
interface Tag {
  name: string;
  nameStart: number;
  nameEnd: number;
  attributes: TokenAttribute[];
}

/** Every tag of the markup and the text of every `<style>` element, with their positions. */
function tokenize(html: string): { tags: Tag[]; styles: { start: number; end: number }[] } {
  const tags: Tag[] = [];
  const styles: { start: number; end: number }[] = [];
  let tag: Tag | undefined;
  let attribute: { name: string; nameEnd: number; parts: string[] } | undefined;
  let inStyle = false;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = {
          name: html.slice(start, end).toLowerCase(),
          nameStart: start,
          nameEnd: end,
          attributes: [],
        };
        tags.push(tag);
      },
      onattribname(start, end) {
        attribute = { name: html.slice(start, end).toLowerCase(), nameEnd: end, parts: [] };
      },
      onattribdata(start, end) {
        attribute?.parts.push(html.slice(start, end));
      },
      onattribentity(codepoint) {
        attribute?.parts.push(String.fromCodePoint(codepoint));
      },
      onattribend(quote, end) {
        if (!attribute || !tag) return;
        if (quote !== QuoteType.NoValue) {
          const valueEnd = quote === QuoteType.Unquoted ? end : end - 1;
          tag.attributes.push({
            name: attribute.name,
            value: attribute.parts.join(''),
            start: valueStart(html, attribute.nameEnd, quote),
            end: valueEnd,
            quote,
          });
        }
        attribute = undefined;
      },
      onopentagend() {
        inStyle = tag?.name === 'style';
      },
      onselfclosingtag() {
        inStyle = false;
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        tags.push({ name, nameStart: start, nameEnd: end, attributes: [] });
        if (name === 'style') inStyle = false;
      },
      ontext(start, end) {
        if (!inStyle) return;
        // The tokenizer may hand one stylesheet over in pieces: keep it whole for its rules.
        const last = styles.at(-1);
        if (last?.end === start) last.end = end;
        else styles.push({ start, end });
      },
      ontextentity() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { tags, styles };
}

/** Where an attribute's value starts: past `=`, the spaces around it and the opening quote. */
function valueStart(html: string, nameEnd: number, quote: QuoteType): number {
  let at = nameEnd;
  const skipSpace = () => {
    while (/\s/.test(html[at] ?? '')) at += 1;
  };
  skipSpace();
  at += 1; // '='
  skipSpace();
  return quote === QuoteType.Unquoted ? at : at + 1;
}

/** The edit that writes `value` in place of the attribute's value, escaped for its quotes. */
function attributeEdit(attribute: TokenAttribute, value: string): Edit {
  const escaped = value.replace(/&/g, '&amp;');
  const text =
    attribute.quote === QuoteType.Double
      ? escaped.replace(/"/g, '&quot;')
      : attribute.quote === QuoteType.Single
        ? escaped.replace(/'/g, '&#39;')
        : `"${escaped.replace(/"/g, '&quot;')}"`;
  return { start: attribute.start, end: attribute.end, text };
}

function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  edits.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(html.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
