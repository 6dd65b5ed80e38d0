import { execFileSync } from 'node:child_process';
import { readArticle, textInReadingOrder } from '../../src/article/chapters.ts';
import { countWords } from '../../src/article/text.ts';
import { mmToPt, printPageMarginsMm } from './print-page.ts';

const { source, chapters } = readArticle();
const inSource = new Set(source.sentences.map((s) => s.text));

/** Every sentence of the article's source (title and headings included), in the source's order. */
export function sourceSentences(): string[] {
  return source.sentences.map((s) => s.text);
}

/** Chapter slugs in reading order. */
export function chapterSlugs(): string[] {
  return chapters.map((c) => c.id);
}

/**
 * The sentences of one chapter in the order the chapter tells them: its title, then its headings
 * and sentences, keeping those that are the article's own (an editors' chapter title is not).
 */
export function chapterSentences(slug: string): string[] {
  const chapter = chapters.find((c) => c.id === slug);
  if (!chapter) throw new Error(`no chapter "${slug}" in content/chapters/`);
  return textInReadingOrder(chapter).filter((text) => inSource.has(text));
}

/** The whole article as the combined page tells it: the title, then every chapter in order. */
export function articleSentences(): string[] {
  return [source.title.text, ...chapters.flatMap((c) => chapterSentences(c.id))];
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
  return countWords(sentences.join(' '));
}
