/**
 * What of a built page goes into the search index, by Pagefind's own rules: the contents of its
 * `data-pagefind-body` elements, without `data-pagefind-ignore` parts or the elements Pagefind
 * never indexes. Used to feed Pagefind and to build the vocabulary from the same text. Build-time
 * only (Node).
 */
import { Parser } from 'htmlparser2';
import { INDEX_WORD_BREAK } from './words.ts';

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

/**
 * One page, read once, as the search build needs it: `indexable`, the HTML Pagefind is given (see
 * `indexableHtml`), and `text`, what Pagefind indexes of it (see `indexedText`); `text` is undefined
 * when the page marks no body (Pagefind leaves it out). A streaming parser (htmlparser2) reads the
 * page: a build reads every page, the whole-article page among them, and a tree of each costs four
 * times as much. The indexable copy is the page edited at the parser's offsets: word breaks put in,
 * and each drawing (`<svg>`, never indexed) left out, since it is most of a chapter's bytes.
 */
export function indexedPage(html: string): { indexable: string; text: string | undefined } {
  // A page that never names the attribute cannot mark a body: no need to read it (the
  // whole-article page, most of the site's bytes, is one).
  if (!BODY_ATTRIBUTE.test(html)) return { indexable: html, text: undefined };
  const parts: string[] = [];
  // Edits to the indexable copy, in page order: [from, to, what replaces the characters between].
  const edits: [number, number, string][] = [];
  let drawing: { start: number; depth: number } | undefined;
  // For each open element: whether its text is indexed (inside a body, outside anything left out).
  const open: boolean[] = [];
  let indexed = false;
  let skipped = 0;
  let marked = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'svg' && !drawing) drawing = { start: parser.startIndex, depth: open.length };
        open.push(indexed);
        if (skipped > 0 || NOT_INDEXED.has(name) || 'data-pagefind-ignore' in attributes) {
          skipped += 1;
          indexed = false;
        } else if ('data-pagefind-body' in attributes) {
          marked = true;
          indexed = true;
        }
      },
      ontext(text) {
        if (!indexed) return;
        parts.push(text);
        const start = parser.startIndex;
        // Entities arrive decoded, one by one; only text as written has offsets in the page.
        if (html.slice(start, parser.endIndex + 1) !== text) return;
        for (const match of text.matchAll(CLOSED_DASH)) {
          const at = start + match.index + 1;
          edits.push([at, at, INDEX_WORD_BREAK]);
        }
      },
      onclosetag(_name, implied) {
        // An element's end ends a word, as it does for Pagefind.
        if (indexed) parts.push(' ');
        if (skipped > 0) skipped -= 1;
        indexed = open.pop() ?? false;
        if (drawing?.depth === open.length) {
          // Cut only a drawing closed by its own end tag, whose end the parser knows.
          if (!implied) edits.push([drawing.start, parser.endIndex + 1, '']);
          drawing = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const pieces: string[] = [];
  let from = 0;
  for (const [start, end, insert] of edits.sort((a, b) => a[0] - b[0])) {
    pieces.push(html.slice(from, start), insert);
    from = end;
  }
  pieces.push(html.slice(from));
  return { indexable: pieces.join(''), text: marked ? parts.join('') : undefined };
}

/** The text Pagefind indexes from one page, or undefined when the page has no marked body. */
export function indexedText(html: string): string | undefined {
  return indexedPage(html).text;
}

/** Attribute names are case-insensitive in HTML. */
const BODY_ATTRIBUTE = /data-pagefind-body/i;
const BODY_MARK = 'data-pagefind-body';
/** How much of a page is decoded at a time when the mark is looked for in any case. */
const SCAN_BYTES = 1 << 20;

/**
 * Whether a page, as bytes, names the body attribute: a page that does not name it is never decoded
 * (the whole-article page is tens of megabytes at a thousand chapters, twice that as a string). The
 * mark is ASCII, so its bytes are the same in UTF-8 and Latin-1; a page that does not name it in
 * lower case is read a megabyte at a time for other cases.
 */
export function namesBodyAttribute(page: Buffer): boolean {
  if (page.includes(BODY_MARK)) return true;
  for (let from = 0; from < page.length; from += SCAN_BYTES) {
    const to = Math.min(page.length, from + SCAN_BYTES + BODY_MARK.length - 1);
    if (BODY_ATTRIBUTE.test(page.toString('latin1', from, to))) return true;
  }
  return false;
}

/** A dash between two letters, with no space: "tightrope—carefully", "Armenia–Azerbaijan". */
const CLOSED_DASH = /(?<=\p{L})[–—](?=\p{L})/gu;

/**
 * The page as Pagefind is given it. Pagefind splits words at spaces and, inside a word, only at
 * ASCII punctuation, so the word after an en or em dash set closed up ("tightrope—carefully") could
 * not be found. A hair space after such a dash, in the indexed copy only, lets it split there; the
 * page served to readers is not changed, and the interface takes the space out of what it shows.
 */
export function indexableHtml(html: string): string {
  return indexedPage(html).indexable;
}
