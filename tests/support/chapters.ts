import { readdirSync, readFileSync } from 'node:fs';
import { mdxToMdast, type MdastNode } from 'satteri';
import { parse } from 'yaml';

const CHAPTERS = new URL('../../content/chapters/', import.meta.url);

export interface ChapterEntry {
  /** File name without `.mdx`: the chapter's URL segment. */
  slug: string;
  title: string;
  order: number;
}

/**
 * The chapters in reading order, read from `content/chapters/` (each file's frontmatter, parsed
 * from the MDX tree), so no test keeps a list of its own.
 */
export function readChapterList(): ChapterEntry[] {
  return readdirSync(CHAPTERS)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const tree = mdxToMdast(readFileSync(new URL(file, CHAPTERS), 'utf8'));
      const children = 'children' in tree ? (tree.children as MdastNode[]) : [];
      const yaml = children.find((node) => node.type === 'yaml');
      const data = parse(yaml && 'value' in yaml ? yaml.value : '') as {
        title?: unknown;
        order?: unknown;
      } | null;
      if (typeof data?.title !== 'string' || typeof data.order !== 'number')
        throw new Error(`content/chapters/${file}: frontmatter needs a title and an order.`);
      return { slug: file.slice(0, -'.mdx'.length), title: data.title, order: data.order };
    })
    .sort((a, b) => a.order - b.order);
}

/** Chapter slugs in reading order. */
export const chapterSlugsInOrder = (): string[] => readChapterList().map((c) => c.slug);
