/**
 * The article's words on the site, checked against its source: every heading and sentence of
 * `content/source/article.txt` must appear in the text a reader gets exactly once, unchanged.
 * The caller supplies that text as blocks (headings, paragraphs, list items…); the fidelity test
 * reads them from the built pages.
 */
import { isEditorsChapter, type ArticleChapter } from './chapters.ts';
import { sentencesOf } from './outline.ts';
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

/** Where a sentence stands in a chapter file. */
export interface PlacedSentence {
  text: string;
  file: string;
  line: number;
}

/**
 * The article checked both ways against the chapters, from the model alone (no build needed):
 * every heading and sentence of the article stands in the chapters once, unchanged; and every
 * sentence of prose in an article chapter is one of the article's. The editors' own words — a
 * chapter with `source: editors`, a passage in `<EditorsNote>`, chapter titles and headings — are
 * not compared. Each problem names the file and line to fix and says how.
 */
export function chapterFidelityProblems(
  source: SourceArticle,
  chapters: readonly ArticleChapter[],
): string[] {
  const problems: string[] = [];
  const articleBody = source.sentences.filter((s) => s.kind !== 'title');
  const bodyTexts = new Set(articleBody.filter((s) => s.kind !== 'heading').map((s) => s.text));
  const counts = new Map<string, PlacedSentence[]>();
  const count = (placed: PlacedSentence) =>
    counts.set(placed.text, [...(counts.get(placed.text) ?? []), placed]);
  const prose: PlacedSentence[] = [];
  for (const chapter of chapters) {
    if (isEditorsChapter(chapter)) continue;
    const file = chapter.outline.file;
    count({ text: chapter.title, file, line: chapter.outline.frontmatter?.line ?? 1 });
    for (const heading of chapter.outline.headings)
      count({ text: heading.text, file, line: heading.line });
    for (const { block, sentence } of sentencesOf(chapter.outline)) {
      if (block.kind === 'heading') continue; // counted with the headings
      const placed = { text: sentence.text, file, line: sentence.line };
      count(placed);
      prose.push(placed);
    }
  }
  const candidates = articleBody.map((s) => s.text);
  for (const placed of prose) {
    if (bodyTexts.has(placed.text)) continue;
    problems.push(
      `${placed.file}:${placed.line}: this sentence is not the article’s: "${placed.text}"${closestHint(placed.text, candidates)}. Restore the article’s words, or wrap the editors’ own words in <EditorsNote>…</EditorsNote>.`,
    );
  }
  const seen = new Map<string, number>();
  for (const sentence of articleBody) {
    // A sentence the article says twice must stand twice.
    const wanted = (seen.get(sentence.text) ?? 0) + 1;
    seen.set(sentence.text, wanted);
    const places = counts.get(sentence.text) ?? [];
    const total = articleBody.filter((s) => s.text === sentence.text).length;
    if (wanted !== total) continue;
    if (places.length < total)
      problems.push(
        `${source.file}:${sentence.line}: this ${sentence.kind === 'heading' ? 'heading' : 'sentence'} of the article is in no chapter: "${sentence.text}". Put it back, word for word, in the chapter that tells its section.`,
      );
    else if (places.length > total && sentence.kind !== 'heading')
      problems.push(
        `${places.map((p) => `${p.file}:${p.line}`).join(', ')}: the article’s sentence stands ${places.length} times in the chapters, ${total === 1 ? 'once' : `${total} times`} in the article: "${sentence.text}". Keep one.`,
      );
  }
  return problems;
}

/** "; closest article sentence: "…" (first difference at character 12: ' instead of ’)". */
export function closestHint(text: string, candidates: readonly string[]): string {
  const closest = closestSentence(text, candidates);
  if (closest === undefined) return '';
  const difference = firstDifference(text, closest);
  return `; the closest sentence of the article is "${closest}"${difference ? ` (${difference})` : ''}`;
}

/** The candidate most like the text: most words shared, then the longest common start and end. */
export function closestSentence(text: string, candidates: readonly string[]): string | undefined {
  const words = (s: string) => s.toLowerCase().split(' ');
  const own = new Set(words(text));
  let best: { text: string; score: number } | undefined;
  for (const candidate of candidates) {
    const theirs = words(candidate);
    const shared = theirs.filter((w) => own.has(w)).length;
    const affix = commonPrefix(text, candidate) + commonPrefix(reverse(text), reverse(candidate));
    const score =
      shared / Math.max(own.size, theirs.length) +
      Math.min(affix, text.length, candidate.length) / Math.max(text.length, candidate.length);
    if (!best || score > best.score) best = { text: candidate, score };
  }
  return best && best.score >= 0.5 ? best.text : undefined;
}

/** Where two texts first differ, in words an editor can act on; undefined when they are equal. */
export function firstDifference(written: string, article: string): string | undefined {
  if (written === article) return undefined;
  const at = commonPrefix(written, article);
  const show = (c: string | undefined) =>
    c === undefined ? 'the end' : c === ' ' ? 'a space' : `${c} (U+${hex(c)})`;
  return `first difference at character ${at + 1}: ${show([...written.slice(at)][0])} where the article has ${show([...article.slice(at)][0])}`;
}

function hex(c: string): string {
  return (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}
