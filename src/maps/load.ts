/**
 * The Astro side of the places: reads the data files, the article and the chapters, runs every check
 * (see model.ts) and renders each map once per build. A build that renders a map or the places page
 * fails on bad data, naming the file and line.
 */
import { getChapters, getSource } from '../lib/chapters.ts';
import { readProjectFile } from '../lib/project-files.ts';
import { MAPS_FILE, PLACES_FILE, buildPlaceModel, type PlaceModel } from './model.ts';
import { renderMap, type RenderedMap } from './render.ts';

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
  const chapters = await getChapters();
  const result = buildPlaceModel({
    placesText: readProjectFile(PLACES_FILE),
    mapsText: readProjectFile(MAPS_FILE),
    article: getSource(),
    chapters,
  });
  if (!result.ok)
    throw new Error(
      `${result.problems.length} problem(s) in the places and maps data:\n` +
        result.problems.map((p) => `  - ${p}`).join('\n'),
    );
  return result.model;
}
