import { getCollection, type CollectionEntry } from 'astro:content';
import { readingMinutes } from './reading-time.ts';

export type Chapter = CollectionEntry<'chapters'> & { minutes: number };

/** Every chapter in reading order, with its reading time. Fails on a gap or a repeated `order`. */
export async function getChapters(): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const chapters = entries
    .map((entry) => ({ ...entry, minutes: readingMinutes(entry.body ?? '') }))
    .sort((a, b) => a.data.order - b.data.order);
  assertContiguousOrder(chapters.map((c) => ({ file: c.filePath ?? c.id, order: c.data.order })));
  return chapters;
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

export function chapterPath(slug: string): string {
  return `chapters/${slug}/`;
}
