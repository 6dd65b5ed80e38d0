/**
 * The article's words on the site, checked against its source: every heading and sentence of
 * `content/source/article.txt` must appear in the text a reader gets exactly once, unchanged.
 * The caller supplies that text as blocks (headings, paragraphs, list items…); the fidelity test
 * reads them from the built pages.
 */
import type { SourceArticle } from './source.ts';
import { normalise, sentences } from './text.ts';

export interface FidelityReport {
  missing: { sentence: string; closest: string | undefined }[];
  duplicated: { sentence: string; count: number }[];
}

/** Compares the article's headings and sentences (its title aside) with the text blocks given. */
export function compareWithSource(source: SourceArticle, builtBlocks: string[]): FidelityReport {
  const blocks = builtBlocks.map(normalise);
  const corpus = blocks.join('\n');
  const builtSentences = blocks.flatMap((block) => sentences(block));
  const report: FidelityReport = { missing: [], duplicated: [] };
  for (const { text, kind } of source.sentences) {
    if (kind === 'title') continue;
    const count = occurrences(corpus, text);
    if (count === 0)
      report.missing.push({ sentence: text, closest: closestMatch(text, builtSentences) });
    else if (count > 1) report.duplicated.push({ sentence: text, count });
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
