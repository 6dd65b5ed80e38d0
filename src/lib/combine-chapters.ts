import { parseFragment, serialize } from 'parse5';
import { attribute, walkElements } from './html.ts';

/** Where one chapter sits once every chapter shares a single page. */
export interface ChapterPlacement {
  /** Path of the chapter's own page, as it appears in links (base path included). */
  path: string;
  /** Id of the chapter's start in the combined page. */
  anchor: string;
  /** Put before every id that comes from inside the chapter. */
  idPrefix: string;
}

export interface ScopeOptions {
  /** The chapter whose HTML is being scoped. */
  chapter: ChapterPlacement;
  /** Every chapter of the combined page, for links between chapters. */
  chapters: readonly ChapterPlacement[];
  /** Levels to push each heading down by (the combined page's chapter titles become h2). */
  headingShift: number;
}

export function chapterAnchor(slug: string): string {
  return `chapter-${slug}`;
}

export function chapterIdPrefix(slug: string): string {
  return `${slug}--`;
}

/** Attributes whose value is a space-separated list of ids. */
const ID_REFERENCE_ATTRIBUTES = new Set([
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

const HEADING = /^h([1-6])$/;
// Any origin will do: links are only compared by path, against the chapters' own paths.
const RESOLVE_ORIGIN = 'http://combined.invalid';

/**
 * Makes one chapter's rendered HTML safe to sit beside the others on one page: every id gets the
 * chapter's prefix (and so does every reference to it: `#fragment` links, `url(#…)`, id lists,
 * `#id` selectors in inline SVG styles), links to any chapter become links within the page, and
 * headings move down a level under the chapter's own title.
 */
export function scopeChapterHtml(html: string, options: ScopeOptions): string {
  const fragment = parseFragment(html);
  const ids = new Map<string, string>();
  walkElements(fragment, (element) => {
    const id = attribute(element, 'id');
    if (id !== undefined && id !== '') ids.set(id, options.chapter.idPrefix + id);
  });
  const renameId = (id: string) => ids.get(id) ?? id;
  const renameUrlReferences = (text: string) =>
    text.replace(/url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g, (whole, quote: string, id: string) =>
      ids.has(id) ? `url(${quote}#${renameId(id)}${quote})` : whole,
    );

  walkElements(fragment, (element) => {
    for (const attr of element.attrs) {
      if (attr.name === 'id') attr.value = renameId(attr.value);
      else if (ID_REFERENCE_ATTRIBUTES.has(attr.name))
        attr.value = attr.value.split(/\s+/).map(renameId).join(' ');
      else if (attr.name === 'href') attr.value = rewriteHref(attr.value, ids, options);
      else if (attr.value.includes('url(')) attr.value = renameUrlReferences(attr.value);
    }
    if (element.tagName === 'style') {
      for (const child of element.childNodes) {
        if (child.nodeName === '#text' && 'value' in child) {
          child.value = renameUrlReferences(child.value).replace(
            /#(-?[A-Za-z_][\w-]*)/g,
            (whole, id: string) => (ids.has(id) ? `#${renameId(id)}` : whole),
          );
        }
      }
    }
    const level = HEADING.exec(element.tagName)?.[1];
    if (level && options.headingShift) {
      const shifted = `h${Math.min(6, Number(level) + options.headingShift)}`;
      element.tagName = shifted;
      element.nodeName = shifted;
    }
  });
  return serialize(fragment);
}

function rewriteHref(
  href: string,
  ids: ReadonlyMap<string, string>,
  options: ScopeOptions,
): string {
  if (href.startsWith('#')) {
    const target = safeDecode(href.slice(1));
    return ids.has(target) ? `#${ids.get(target)}` : href;
  }
  let url: URL;
  try {
    url = new URL(href, RESOLVE_ORIGIN + options.chapter.path);
  } catch {
    return href;
  }
  if (url.origin !== RESOLVE_ORIGIN) return href;
  const target = options.chapters.find((chapter) => chapter.path === url.pathname);
  if (!target) return href;
  const fragment = safeDecode(url.hash.slice(1));
  return fragment ? `#${target.idPrefix}${fragment}` : `#${target.anchor}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
