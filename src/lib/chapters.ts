/**
 * The chapters for the pages, from Astro's collection: each entry with its outline in the article
 * model (parsed once per build from the file) and its reading time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { chapterId, chapterPath, inReadingOrder, readSource } from '../article/chapters.ts';
import { parseChapter, type ChapterOutline } from '../article/outline.ts';
import { readingMinutes } from '../article/reading-time.ts';
import type { SourceArticle } from '../article/source.ts';

export { chapterPath };

export type Chapter = CollectionEntry<'chapters'> & {
  /** From the frontmatter, as the article model's functions take them. */
  title: string;
  order: number;
  outline: ChapterOutline;
  minutes: number;
};

/** Outlines by file and content digest: parsed once per build, again in dev when a file changes. */
const outlines = new Map<string, ChapterOutline>();

/** Every chapter in reading order. Fails on a gap or a repeated `order`. */
export async function getChapters(): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const chapters = entries.map((entry) => {
    const file = entry.filePath ?? `content/chapters/${chapterId(entry.id)}.mdx`;
    const key = `${file}\n${entry.digest ?? ''}`;
    let outline = outlines.get(key);
    if (!outline) {
      outline = parseChapter(file, readFileSync(resolve(file), 'utf8'));
      outlines.set(key, outline);
    }
    return {
      ...entry,
      title: entry.data.title,
      order: entry.data.order,
      outline,
      minutes: readingMinutes(outline),
    };
  });
  assertContiguousOrder(chapters.map((c) => ({ file: c.outline.file, order: c.order })));
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
