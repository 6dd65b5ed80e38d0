/**
 * What the maps cost: the bytes each adds to its page (the SVG alone and the whole figure with its
 * key, raw and gzip), read from the built HTML, and the time to check the data and draw each map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, serializeOuter, type DefaultTreeAdapterTypes } from 'parse5';
import { attribute, walkElements } from '../../src/lib/html.ts';
import { buildPlaceModel } from '../../src/maps/model.ts';
import { readPlacesInput } from '../../src/maps/files.ts';
import { renderMap } from '../../src/maps/render.ts';

export interface MapWeight {
  id: string;
  page: string;
  svg: { raw: number; gzip: number };
  figure: { raw: number; gzip: number };
}

export interface MapTimings {
  /** Reading the data and running every check. */
  checkMs: number;
  /** Each map drawn; the first also loads and weighs the boundary data. */
  maps: { id: string; ms: number }[];
}

const size = (html: string) => ({
  raw: Buffer.byteLength(html),
  gzip: gzipSync(html, { level: 9 }).byteLength,
});

/** Every map figure in the built pages that have one. */
export function mapWeights(distDir: string, pages: readonly string[]): MapWeight[] {
  const weights: MapWeight[] = [];
  for (const page of pages) {
    const document = parse(readFileSync(join(distDir, page, 'index.html'), 'utf8'));
    walkElements(document, (element) => {
      const id = attribute(element, 'data-place-map');
      if (element.tagName !== 'figure' || !id) return;
      let svg: DefaultTreeAdapterTypes.Element | undefined;
      walkElements(element, (inner) => {
        if (inner.tagName === 'svg') svg ??= inner;
      });
      weights.push({
        id,
        page: `/${page}`,
        svg: size(svg ? serializeOuter(svg) : ''),
        figure: size(serializeOuter(element)),
      });
    });
  }
  return weights;
}

export function mapTimings(): MapTimings {
  const started = performance.now();
  const result = buildPlaceModel(readPlacesInput());
  const checkMs = performance.now() - started;
  if (!result.ok) throw new Error(`the places data has problems:\n${result.problems.join('\n')}`);
  const maps = result.model.maps.map((map) => {
    const start = performance.now();
    renderMap(map);
    return { id: map.id, ms: performance.now() - start };
  });
  return { checkMs, maps };
}
