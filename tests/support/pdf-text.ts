import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mmToPt, printPageMarginsMm } from './print-page.ts';

const ARTICLE = new URL('../../content/source/article.txt', import.meta.url);
const CHAPTERS = new URL('../../content/chapters/', import.meta.url);

/** Non-empty lines of the article's source; list items keep their "- " marker. */
function sourceLines(): string[] {
  return readFileSync(ARTICLE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A line's sentences: a sentence ends at . ? or ! before a space and a capital or an opening quote. */
function sentencesOf(line: string): string[] {
  if (line.startsWith('- ')) return [line.slice(2)];
  return line.split(/(?<=[.?!])\s+(?=[\p{Lu}“"‘])/u).filter(Boolean);
}

/** Every sentence of the article's source (title and headings included), in the source's order. */
export function sourceSentences(): string[] {
  return sourceLines().flatMap(sentencesOf);
}

/** Chapter slugs in reading order, from each file's `order` field. */
export function chapterSlugs(): string[] {
  return readdirSync(CHAPTERS)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => ({
      slug: file.slice(0, -4),
      order: Number(/^order:\s*(\d+)/m.exec(readFileSync(new URL(file, CHAPTERS), 'utf8'))?.[1]),
    }))
    .sort((a, b) => a.order - b.order)
    .map((chapter) => chapter.slug);
}

/**
 * The sentences of one chapter in the order the chapter tells them: its title, then each Markdown
 * block (heading, paragraph, list item) that is a line of the article's source, markers removed.
 */
export function chapterSentences(slug: string): string[] {
  const mdx = readFileSync(new URL(`${slug}.mdx`, CHAPTERS), 'utf8');
  const source = new Set(sourceLines());
  const title = /^title:\s*"(.*)"\s*$/m.exec(mdx)?.[1];
  const blocks = mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .map((line) => line.trim())
    // Components beside a sentence (claim labels) are not the article's words.
    .map((line) => line.replace(/\s*<[A-Z][^<>]*\/>/g, ''))
    .map((line) => (line.startsWith('- ') ? line : line.replace(/^#+\s+/, '')))
    .filter((line) => source.has(line));
  if (blocks.length === 0)
    throw new Error(`content/chapters/${slug}.mdx: no line of the article's source found in it`);
  return [...(title && source.has(title) ? [title] : []), ...blocks].flatMap(sentencesOf);
}

/** The whole article as the combined page tells it: the title, then every chapter in order. */
export function articleSentences(): string[] {
  return [sourceLines()[0]!, ...chapterSlugs().flatMap(chapterSentences)];
}

/** The text of a PDF (or of one page of it), as poppler's pdftotext extracts it. */
export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

/** The page margins of the print stylesheet (src/styles/print.css `@page`), in points. */
const MARGIN_MM = printPageMarginsMm();
const MARGIN_PT = { top: mmToPt(MARGIN_MM.top), bottom: mmToPt(MARGIN_MM.bottom) };

/**
 * The text inside the page area only: running titles and page numbers live in the margin boxes,
 * and would otherwise land in the middle of a sentence that runs over a page break.
 */
export function pdfBodyText(file: string): string {
  const [width, height] = pdfPageSize(file);
  const top = Math.floor(MARGIN_PT.top) - 2;
  const crop = [
    '-r',
    '72',
    '-x',
    '0',
    '-y',
    String(top),
    '-W',
    String(Math.ceil(width)),
    '-H',
    String(Math.ceil(height - MARGIN_PT.bottom) + 2 - top),
  ];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...crop, file, '-'], { encoding: 'utf8' });
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Page size in points, e.g. [595.92, 842.88] for A4. */
export function pdfPageSize(file: string): [number, number] {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return [Number(match?.[1]), Number(match?.[2])];
}

/** How many bitmap images the PDF holds (vector drawings are not images). */
export function pdfImageCount(file: string): number {
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return list
    .split('\n')
    .slice(2)
    .filter((line) => line.trim()).length;
}

/**
 * Text reduced to what survives line breaking: compatibility forms (ligatures) unfolded, and white
 * space and hyphens removed, since pdftotext breaks lines where the page did and drops the hyphen
 * of a word broken at one ("Nagorno-Karabakh" comes out as "NagornoKarabakh").
 */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00ad\u2010\u2011-]/g, '');
}

/** Sentences not found in `text` after the previous one: missing, altered or out of order. */
export function sentencesMissingInOrder(sentences: readonly string[], text: string): string[] {
  const haystack = comparable(text);
  const missing: string[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const at = haystack.indexOf(comparable(sentence), from);
    if (at === -1) missing.push(sentence);
    else from = at + comparable(sentence).length;
  }
  return missing;
}

/** Whole words of a chapter, for page-count bounds. */
export function wordCount(sentences: readonly string[]): number {
  return sentences.join(' ').split(/\s+/).filter(Boolean).length;
}
