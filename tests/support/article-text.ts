import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export const SOURCE_PATH = new URL('../../content/source/article.txt', import.meta.url);

/** Collapses runs of whitespace (including non-breaking spaces) the way a reader sees text. */
export function normalise(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Splits a paragraph into sentences: a sentence ends at `.`, `?` or `!` followed by a space and an
 * upper-case letter or an opening quote. The article has no abbreviations that would break this.
 */
export function splitSentences(paragraph: string): string[] {
  return normalise(paragraph)
    .split(/(?<=[.?!])\s+(?=[\p{Lu}“"‘])/u)
    .filter(Boolean);
}

export interface SourceArticle {
  title: string;
  /** Every heading line of the article, in order. */
  headings: string[];
  /** Every sentence of the article body (list items count as sentences), in order. */
  sentences: string[];
}

/** Reads the article's plain-text source: first line the title, then headings and paragraphs. */
export function readSourceArticle(text = readFileSync(SOURCE_PATH, 'utf8')): SourceArticle {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const [title, ...body] = lines;
  const headings: string[] = [];
  const sentences: string[] = [];
  for (const line of body) {
    if (line.startsWith('- ')) sentences.push(normalise(line.slice(2)));
    else if (isHeading(line)) headings.push(normalise(line));
    else sentences.push(...splitSentences(line));
  }
  return { title: normalise(title ?? ''), headings, sentences };
}

/** Headings are short lines that do not end like a sentence; one paragraph lacks its final stop. */
function isHeading(line: string): boolean {
  return line.length < 110 && !/[.:]$/.test(line) && splitSentences(line).length === 1;
}

/** The text blocks (headings, paragraphs, list items, captions) of a built page's <article>. */
export function articleBlocks(html: string): string[] {
  const { document } = parseHTML(html);
  const article = document.querySelector('article');
  if (!article) return [];
  return [...article.querySelectorAll('h1, h2, h3, h4, p, li, figcaption, dt, dd')]
    .filter((el) => !el.querySelector('p, li'))
    .map((el) => normalise(el.textContent ?? ''))
    .filter(Boolean);
}

export interface FidelityReport {
  missing: { sentence: string; closest: string | undefined }[];
  duplicated: { sentence: string; count: number }[];
}

/** Compares the article's sentences and headings with the text of the built chapters. */
export function compareWithSource(source: SourceArticle, builtBlocks: string[]): FidelityReport {
  const corpus = builtBlocks.join('\n');
  const builtSentences = builtBlocks.flatMap(splitSentences);
  const report: FidelityReport = { missing: [], duplicated: [] };
  for (const sentence of [...source.headings, ...source.sentences]) {
    const count = occurrences(corpus, sentence);
    if (count === 0)
      report.missing.push({ sentence, closest: closestMatch(sentence, builtSentences) });
    else if (count > 1) report.duplicated.push({ sentence, count });
  }
  return report;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (
    let at = haystack.indexOf(needle);
    at !== -1;
    at = haystack.indexOf(needle, at + needle.length)
  )
    count++;
  return count;
}

/** The built sentence sharing the most words with a missing one: most likely its altered form. */
function closestMatch(sentence: string, candidates: string[]): string | undefined {
  const words = new Set(sentence.toLowerCase().split(' '));
  let best: { text: string; score: number } | undefined;
  for (const candidate of candidates) {
    const shared = candidate
      .toLowerCase()
      .split(' ')
      .filter((w) => words.has(w)).length;
    const score = shared / Math.max(words.size, candidate.split(' ').length);
    if (!best || score > best.score) best = { text: candidate, score };
  }
  return best && best.score >= 0.5 ? best.text : undefined;
}

export function formatReport(report: FidelityReport): string {
  return [
    ...report.missing.map((m) =>
      m.closest ? `ALTERED: "${m.sentence}"\n   built: "${m.closest}"` : `MISSING: "${m.sentence}"`,
    ),
    ...report.duplicated.map((d) => `DUPLICATED ×${d.count}: "${d.sentence}"`),
  ].join('\n');
}
