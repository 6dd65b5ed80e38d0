import { scopeIdsInHtml } from './scope-ids.ts';

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

const HEADING = /^h([1-6])$/;
// Any origin will do: links are only compared by path, against the chapters' own paths.
const RESOLVE_ORIGIN = 'http://combined.invalid';

/**
 * Makes one chapter's rendered HTML safe to sit beside the others on one page: every id gets the
 * chapter's prefix, and so does every reference to it (the rules that scope each diagram's SVG, in
 * `scope-ids.ts`), links to any chapter become links within the page, and headings move down a
 * level under the chapter's own title.
 */
export function scopeChapterHtml(html: string, options: ScopeOptions): string {
  return scopeIdsInHtml(html, {
    rename: (id) => options.chapter.idPrefix + id,
    attribute: (name, value) =>
      name === 'href' && !value.startsWith('#') ? rewriteHref(value, options) : undefined,
    tagName: (name) => {
      const level = HEADING.exec(name)?.[1];
      return level && options.headingShift
        ? `h${Math.min(6, Number(level) + options.headingShift)}`
        : undefined;
    },
  });
}

/** A link to any chapter of the combined page, as a link within the page. */
function rewriteHref(href: string, options: ScopeOptions): string {
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
