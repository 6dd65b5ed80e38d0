/**
 * The chapters for the pages, from Astro's collection: each entry with its outline in the article
 * model (parsed once per build from the file) and its reading time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  chapterId,
  chapterPath,
  inReadingOrder,
  readSource,
  type ChapterSource,
} from '../article/chapters.ts';
import { chapterFidelityProblems } from '../article/fidelity.ts';
import { parseChapter, type ChapterOutline } from '../article/outline.ts';
import { readingMinutes } from '../article/reading-time.ts';
import type { SourceArticle } from '../article/source.ts';

export { chapterPath };

export type Chapter = CollectionEntry<'chapters'> & {
  /** From the frontmatter, as the article model's functions take them. */
  title: string;
  order: number;
  /** Whose words the prose is: the article's, or the editors' own (frontmatter `source`). */
  source: ChapterSource;
  outline: ChapterOutline;
  minutes: number;
};

let loaded: Promise<Chapter[]> | undefined;

/**
 * Every chapter in reading order. Fails on a gap or a repeated `order`. Every page lists the
 * chapters, so the list is made once per build (afresh on each request in dev, where files change).
 */
export function getChapters(): Promise<Chapter[]> {
  if (import.meta.env.DEV) return loadChapters();
  return (loaded ??= loadChapters());
}

async function loadChapters(): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const chapters = entries.map((entry) => {
    const file = entry.filePath ?? `content/chapters/${chapterId(entry.id)}.mdx`;
    const outline = parseChapter(file, readFileSync(resolve(file), 'utf8'));
    return {
      ...entry,
      title: entry.data.title,
      order: entry.data.order,
      source: entry.data.source,
      outline,
      minutes: readingMinutes(outline),
    };
  });
  assertContiguousOrder(chapters.map((c) => ({ file: c.outline.file, order: c.order })));
  // The article both ways: every sentence once, unchanged, and no other prose outside a marked
  // passage. A build refuses to publish otherwise; the dev server shows the page and warns.
  const problems = chapterFidelityProblems(getSource(), chapters);
  if (problems.length > 0) {
    const message = `${problems.length} problem(s) with the article’s words in the chapters:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
    if (import.meta.env.DEV) console.warn(message);
    else throw new Error(message);
  }
  return inReadingOrder(chapters);
}

let source: SourceArticle | undefined;

/** The article's source text (content/source/article.txt), read once per build. */
export function getSource(): SourceArticle {
  if (import.meta.env.DEV) return readSource();
  return (source ??= readSource());
}

export function assertContiguousOrder(items: { file: string; order: number }[]): void {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  sorted.forEach((item, index) => {
    if (item.order !== index + 1) {
      const clash = sorted.find((other) => other !== item && other.order === item.order);
      throw new Error(
        clash
          ? `${item.file}: field "order" is ${item.order}, the same as in ${clash.file}; each chapter needs its own position.`
          : `${item.file}: field "order" is ${item.order}, but chapter orders must run 1, 2, 3… without gaps (expected ${index + 1}).`,
      );
    }
  });
}
