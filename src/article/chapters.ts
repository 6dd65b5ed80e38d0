/**
 * The article's chapters as the model sees them: what the pure functions (facts, what moved, the
 * fidelity comparison) take. The site builds these from Astro's collection (src/lib/chapters.ts);
 * tests and tools read them straight from the files with `readArticle()`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { chapterSchema, type ChapterData } from '../schemas/chapter.ts';
import { parseChapter, parseChapterHead, type ChapterOutline } from './outline.ts';
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
  const chapters = chapterFiles(root).map(({ file, text }) => {
    const outline = parseChapter(file, text);
    return { ...listed(root, file, text, () => outline), outline };
  });
  return { source, chapters: inReadingOrder(chapters) };
}

/** A chapter as a list of chapters shows it: its id and frontmatter, without its prose. */
export type ChapterListing = Omit<ArticleChapter, 'outline'> & { data: ChapterData };

/**
 * Every chapter's id and frontmatter in reading order, checked as `readArticle` checks them, without
 * reading the prose or the source text: for what only lists the chapters (records, social cards).
 */
export function readChapterList(root: string = process.cwd()): ChapterListing[] {
  const chapters = chapterFiles(root).map(({ file, text }) =>
    listed(root, file, text, () => parseChapterHead(file, text)),
  );
  return inReadingOrder(chapters);
}

function chapterFiles(root: string): { file: string; text: string }[] {
  return readdirSync(join(root, CHAPTERS_DIR))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `${CHAPTERS_DIR}/${f}`)
    .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}

function listing(file: string, data: ChapterData): ChapterListing {
  return { id: chapterId(file), title: data.title, order: data.order, source: data.source, data };
}

/**
 * Each chapter file's listing as last read, under a digest of its text. A build reads the chapters
 * before it bundles (the faithful layer's check) and again when it writes the downloads; parsing the
 * frontmatter is most of a listing's cost, and a file whose text is the same parses the same.
 */
const listings = new Map<string, { digest: string; listing: ChapterListing }>();

function listed(
  root: string,
  file: string,
  text: string,
  head: () => Pick<ChapterOutline, 'file' | 'frontmatter'>,
): ChapterListing {
  const path = join(root, file);
  const digest = createHash('sha256').update(text).digest('base64');
  const known = listings.get(path);
  if (known?.digest === digest) return known.listing;
  const fresh = listing(file, frontmatterOf(head()));
  listings.set(path, { digest, listing: fresh });
  return fresh;
}

/** The article's source text, read from a project folder. */
export function readSource(root: string = process.cwd()): SourceArticle {
  return parseSource(readFileSync(join(root, SOURCE_FILE), 'utf8'));
}

/**
 * The chapter's frontmatter, parsed and checked. The error lists every problem with the file and
 * the line (of the field, or of the opening `---` for a field that is missing) and says how to fix
 * it.
 */
export function frontmatterOf(outline: Pick<ChapterOutline, 'file' | 'frontmatter'>): ChapterData {
  const { file, frontmatter } = outline;
  if (!frontmatter)
    throw new Error(
      `${file}:1: the chapter has no frontmatter: start the file with a --- line, the fields (${Object.keys(FRONTMATTER_HELP).join(', ')}), and another --- line (see any other chapter).`,
    );
  const lineCounter = new LineCounter();
  const document = parseDocument(frontmatter.yaml, { lineCounter });
  const at = (offset: number) => frontmatter.line + lineCounter.linePos(offset).line - 1;
  const [yamlError] = document.errors;
  if (yamlError)
    throw new Error(
      `${file}:${at(yamlError.pos[0])}: the frontmatter is not valid YAML: ${yamlError.message}`,
    );
  const result = chapterSchema.safeParse(document.toJS());
  if (result.success) return result.data;
  const startOf = (node: unknown): number | undefined =>
    node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
      ? at(Number(node.range[0]))
      : undefined;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.filter((key) => typeof key !== 'symbol');
    const field = path.join('.');
    const top = String(path[0] ?? '');
    const help = top in FRONTMATTER_HELP ? ` ${FRONTMATTER_HELP[top]}` : '';
    if (issue.code === 'unrecognized_keys') {
      const [key] = issue.keys;
      const line = startOf(document.getIn([...path, key], true)) ?? frontmatter.line;
      const known = field === '' ? Object.keys(FRONTMATTER_HELP).join(', ') : 'summary, period';
      return `${file}:${line}: frontmatter${field ? ` field "${field}"` : ''} has an unknown field "${key}": remove it or correct its name (the fields are ${known}).`;
    }
    const node = path.length > 0 ? document.getIn(path, true) : undefined;
    const line = startOf(node);
    if (line === undefined && issue.input === undefined) {
      // Missing: name the frontmatter's opening line, where the fields are.
      return `${file}:${frontmatter.line - 1}: frontmatter field "${field}" is missing: add a line \`${field}: …\` between the --- lines.${help}`;
    }
    return `${file}:${line ?? frontmatter.line}: frontmatter field "${field}": ${issue.message}.${help}`;
  });
  throw new Error(problems.join('\n'));
}

/** How to write each frontmatter field, for the messages above. */
const FRONTMATTER_HELP: Record<string, string> = {
  title: 'It is the chapter\'s heading, e.g. `title: "Energy and the Zangezur Corridor"`.',
  order:
    "It is the chapter's position in the site, a whole number from 1 (`order: 5`); no two chapters share one.",
  summary:
    'It is one or two sentences (20 to 320 characters) saying what the chapter covers, with no fact the chapter does not give, e.g. `summary: "Gas for Ukraine and Europe, …"`; a chapter of the article also lists the article\'s sentences it rests on under `sources: summary:`.',
  period:
    'It is the stretch of time the chapter deals with (4 to 60 characters), e.g. `period: "2014 to 2025"`; a chapter of the article also lists the article\'s sentences it rests on under `sources: period:`.',
  source:
    "It says whose words the chapter's prose is: `article` (the default, checked against content/source/article.txt) or `editors`.",
  sources:
    "It lists the article's sentences the summary and the period rest on, each whole and word for word: `sources:` with `summary:` and `period:`, each a YAML list of sentences of content/source/article.txt.",
};

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
