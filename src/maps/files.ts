/**
 * The places model's inputs read straight from the project's files, without Astro: for tooling
 * (the bench) and tests, through the same article model the site uses (load.ts reads the chapters
 * through Astro's collection instead).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle } from '../article/chapters.ts';
import { MAPS_FILE, PLACES_FILE, type PlacesInput } from './model.ts';

export function readPlacesInput(root = process.cwd()): PlacesInput {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const { source, chapters } = readArticle(root);
  return {
    placesText: read(PLACES_FILE),
    mapsText: read(MAPS_FILE),
    article: source,
    chapters,
  };
}
