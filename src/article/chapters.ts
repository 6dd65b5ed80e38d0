/**
 * The article's chapters as the model sees them: what the pure functions (facts, what moved, the
 * fidelity comparison) take. The site builds these from Astro's collection (src/lib/chapters.ts);
 * tests and tools read them straight from the files with `readArticle()`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { chapterSchema, type ChapterData } from '../schemas/chapter.ts';
import { parseChapter, type ChapterOutline } from './outline.ts';
import { parseSource, SOURCE_FILE, type SourceArticle } from './source.ts';

export const CHAPTERS_DIR = 'content/chapters';

export interface ArticleChapter {
  /** The file name without `.mdx`: the page is /chapters/<id>/. */
  id: string;
  title: string;
  /** Position in the site's reading order, from 1. */
  order: number;
  /** Whose words the prose is (frontmatter `source`); the article's when left out. */
  source?: ChapterSource | undefined;
  outline: ChapterOutline;
}

export type ChapterSource = 'article' | 'editors';

/** A chapter of the editors' own text (frontmatter `source: editors`): no article check reads it. */
export function isEditorsChapter(chapter: { source?: ChapterSource | undefined }): boolean {
  return chapter.source === 'editors';
}

/** The file name without its extension, as Astro's glob loader names the entry. */
export function chapterId(file: string): string {
  return (file.split('/').at(-1) ?? file).replace(/\.mdx$/, '');
}

/** A chapter page's path without the site's base. */
export function chapterPath(id: string): string {
  return `chapters/${id}/`;
}

/** Chapters in reading order. */
export function inReadingOrder<T extends { order: number }>(chapters: readonly T[]): T[] {
  return [...chapters].sort((a, b) => a.order - b.order);
}

/**
 * The whole article read from a project folder: the source text and every chapter in reading
 * order, frontmatter parsed by the YAML parser and checked by the collection's schema.
 */
export function readArticle(root: string = process.cwd()): {
  source: SourceArticle;
  chapters: (ArticleChapter & { data: ChapterData })[];
} {
  const source = readSource(root);
  const files = readdirSync(join(root, CHAPTERS_DIR))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `${CHAPTERS_DIR}/${f}`);
  const chapters = files.map((file) => {
    const outline = parseChapter(file, readFileSync(join(root, file), 'utf8'));
    const data = frontmatterOf(outline);
    return {
      id: chapterId(file),
      title: data.title,
      order: data.order,
      source: data.source,
      outline,
      data,
    };
  });
  return { source, chapters: inReadingOrder(chapters) };
}

/** The article's source text, read from a project folder. */
export function readSource(root: string = process.cwd()): SourceArticle {
  return parseSource(readFileSync(join(root, SOURCE_FILE), 'utf8'));
}

/** The chapter's frontmatter, parsed and checked; the error names the file and the line. */
export function frontmatterOf(outline: ChapterOutline): ChapterData {
  const { file, frontmatter } = outline;
  if (!frontmatter) throw new Error(`${file}: the chapter has no frontmatter`);
  const lineCounter = new LineCounter();
  const document = parseDocument(frontmatter.yaml, { lineCounter });
  const at = (offset: number) => frontmatter.line + lineCounter.linePos(offset).line - 1;
  const [yamlError] = document.errors;
  if (yamlError) throw new Error(`${file}:${at(yamlError.pos[0])}: ${yamlError.message}`);
  const result = chapterSchema.safeParse(document.toJS());
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const node = issue ? document.getIn(issue.path, true) : undefined;
  const offset =
    node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
      ? Number(node.range[0])
      : 0;
  throw new Error(
    `${file}:${at(offset)}: frontmatter field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? result.error.message}`,
  );
}

/** A chapter's words in reading order: its title, then each heading and each sentence. */
export function textInReadingOrder(chapter: ArticleChapter): string[] {
  return [
    chapter.title,
    ...chapter.outline.sections.flatMap((section) => [
      ...(section.heading ? [section.heading.text] : []),
      ...section.blocks.flatMap((block) => block.sentences.map((s) => s.text)),
    ]),
  ];
}
