/**
 * The Astro side of the places: reads the data files, the article and the chapters, runs every check
 * (see model.ts) and renders each map once per build. A build that renders a map or the places page
 * fails on bad data, naming the file and line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { getChapters, chapterPath, type Chapter } from '../lib/chapters.ts';
import { splitSections } from '../lib/facts/chapter-sections.ts';
import {
  MAPS_FILE,
  PLACES_FILE,
  buildPlaceModel,
  type ChapterInput,
  type PlaceModel,
} from './model.ts';
import { renderMap, type RenderedMap } from './render.ts';

const ARTICLE_FILE = 'content/source/article.txt';

let loaded: Promise<PlaceModel> | undefined;
const rendered = new Map<string, RenderedMap>();

/** Loaded once per build; afresh on each request in dev, where the data changes. */
export function getPlaces(): Promise<PlaceModel> {
  if (import.meta.env.DEV) {
    rendered.clear();
    return loadPlaces();
  }
  return (loaded ??= loadPlaces());
}

/** A map's SVG, drawn once per build. The places page's maps show each other's frames. */
export async function getRenderedMap(id: string): Promise<RenderedMap> {
  const model = await getPlaces();
  const map = model.maps.find((m) => m.id === id);
  if (!map)
    throw new Error(
      `${MAPS_FILE}: there is no map "${id}" (maps: ${model.maps.map((m) => m.id).join(', ')})`,
    );
  let result = rendered.get(id);
  if (!result) {
    const insets = map.chapter
      ? []
      : model.maps
          .filter((m) => !m.chapter && m !== map && contains(map.frame, m.frame))
          .map((m) => m.frame);
    result = renderMap(map, { insets });
    rendered.set(id, result);
  }
  return result;
}

function contains(
  outer: { west: number; south: number; east: number; north: number },
  inner: typeof outer,
): boolean {
  return (
    inner.west >= outer.west &&
    inner.east <= outer.east &&
    inner.south >= outer.south &&
    inner.north <= outer.north
  );
}

async function loadPlaces(): Promise<PlaceModel> {
  const chapters = await Promise.all((await getChapters()).map(chapterInput));
  const result = buildPlaceModel({
    placesText: readProjectFile(PLACES_FILE),
    mapsText: readProjectFile(MAPS_FILE),
    article: readProjectFile(ARTICLE_FILE),
    chapters,
  });
  if (!result.ok)
    throw new Error(
      `The places and maps data has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:\n` +
        result.problems.map((p) => `  ${p}`).join('\n'),
    );
  return result.model;
}

/** A chapter's prose in sections, with the heading ids the Markdown engine gave them on the page. */
async function chapterInput(chapter: Chapter): Promise<ChapterInput> {
  const file = chapter.filePath ?? `content/chapters/${chapter.id}.mdx`;
  const { headings } = await render(chapter);
  const linkable = headings.filter((h: MarkdownHeading) => h.depth === 2 || h.depth === 3);
  const sections = splitSections(chapter.body ?? '');
  const headed = sections.filter((s) => s.heading !== undefined);
  if (headed.length !== linkable.length || headed.some((s, i) => s.heading !== linkable[i]!.text))
    throw new Error(
      `${file}: could not line up its ## and ### headings with the rendered ones (${linkable.map((h) => h.text).join(' | ')})`,
    );
  let next = 0;
  return {
    id: chapter.id,
    title: chapter.data.title,
    order: chapter.data.order,
    file,
    text: readProjectFile(file),
    path: chapterPath(chapter.id),
    sections: sections.map((section) => ({
      anchor: section.heading === undefined ? undefined : linkable[next++]!.slug,
      heading: section.heading,
      text: section.text,
    })),
  };
}

function readProjectFile(path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new Error(
      `${path} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
