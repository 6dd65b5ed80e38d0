/**
 * The places model's inputs read straight from the project's files, without Astro: for tooling
 * (the bench) and tests. Sections carry no heading ids here (only the built pages know them), so
 * links point at chapters; the site itself reads chapters through Astro (load.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast, type MdastNode } from 'satteri';
import { parse } from 'yaml';
import { splitSections } from '../lib/facts/chapter-sections.ts';
import { MAPS_FILE, PLACES_FILE, type ChapterInput, type PlacesInput } from './model.ts';

export function readPlacesInput(root = process.cwd()): PlacesInput {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const chapters = readdirSync(join(root, 'content/chapters'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => chapterFromFile(`content/chapters/${name}`, read(`content/chapters/${name}`)))
    .sort((a, b) => a.order - b.order);
  return {
    placesText: read(PLACES_FILE),
    mapsText: read(MAPS_FILE),
    article: read('content/source/article.txt'),
    chapters,
  };
}

/** A chapter's title and order from its frontmatter, and its prose in sections. */
export function chapterFromFile(file: string, text: string): ChapterInput {
  const tree: MdastNode = mdxToMdast(text);
  const children = 'children' in tree ? (tree.children as MdastNode[]) : [];
  const frontmatter = children.find((node) => node.type === 'yaml');
  if (!frontmatter || frontmatter.type !== 'yaml')
    throw new Error(`${file}: no frontmatter (--- title: … ---) at the top`);
  const data = parse(frontmatter.value) as { title?: unknown; order?: unknown };
  if (typeof data.title !== 'string' || typeof data.order !== 'number')
    throw new Error(`${file}: the frontmatter needs a "title" and an "order"`);
  const body = text.slice(frontmatter.position?.end.offset ?? 0);
  const id = file.replace(/^.*\//, '').replace(/\.mdx$/, '');
  return {
    id,
    title: data.title,
    order: data.order,
    file,
    text,
    // As chapterPath() in src/lib/chapters.ts, which cannot be imported outside Astro.
    path: `chapters/${id}/`,
    sections: splitSections(body),
  };
}
