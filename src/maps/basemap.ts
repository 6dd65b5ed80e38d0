/**
 * The boundaries under every map: Natural Earth's countries as the `world-atlas` package ships them
 * (TopoJSON), simplified to what a map of a given scale can show and clipped to the map.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import {
  filter,
  filterWeight,
  presimplify,
  simplify,
  sphericalRingArea,
  sphericalTriangleArea,
  type RingWeighter,
} from 'topojson-simplify';
import type {
  Feature,
  FeatureCollection,
  GeoJsonObject,
  Geometry,
  GeometryCollection as GeoJsonGeometryCollection,
  Position,
} from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { MapCanvas } from './projection.ts';

/** The Natural Earth edition world-atlas 2 is built from, as its README states (a unit test checks). */
export const NATURAL_EARTH_VERSION = '4.1.0';
/** Natural Earth's medium scale: enough detail for a region a few hundred kilometres across. */
export const BOUNDARY_SCALE = '50m';
export const BOUNDARY_SCALE_LABEL = '1:50m';

type Countries = { countries: GeometryCollection<{ name: string }>; land: GeometryCollection };

const require = createRequire(import.meta.url);
let cached: { topology: Topology<Countries>; version: string } | undefined;

function packageDir(): string {
  return dirname(require.resolve('world-atlas/package.json'));
}

/** The package's version, for the credit under each map. */
export function worldAtlasVersion(): string {
  return loadBoundaries().version;
}

/** The README of the package, where it names its Natural Earth edition. */
export function worldAtlasReadme(): string {
  return readFileSync(join(packageDir(), 'README.md'), 'utf8');
}

function loadBoundaries(): { topology: Topology<Countries>; version: string } {
  if (!cached) {
    const dir = packageDir();
    const raw = JSON.parse(
      readFileSync(join(dir, `countries-${BOUNDARY_SCALE}.json`), 'utf8'),
    ) as Topology<Countries>;
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version: string;
    };
    // Weights once: each point's triangle area on the sphere, in steradians.
    cached = { topology: presimplify(raw, sphericalTriangleArea), version };
  }
  return cached;
}

/** SVG path data of a map's boundaries, in the canvas's pixels. */
export interface BasemapPaths {
  /** All land, filled. */
  land: string;
  /** Borders between countries (each drawn once). */
  borders: string;
  /** Each country's outline by ISO 3166-1 numeric code, for the countries the map names. */
  countries: Map<string, string>;
}

/** Points that change a shape by less than this area, in square pixels, are left out. */
export const TOLERANCE_SQUARE_PIXELS = 1;
/** Islands and lakes smaller than this, in square pixels, are left out. */
export const SMALLEST_RING_SQUARE_PIXELS = 16;

/** Drawings already made in this build, by canvas and countries: maps that share a frame draw it once. */
const drawn = new Map<string, BasemapPaths>();

export function basemapPaths(canvas: MapCanvas, countryCodes: readonly string[]): BasemapPaths {
  const { frame, width, height } = canvas;
  const key = JSON.stringify([
    frame.west,
    frame.south,
    frame.east,
    frame.north,
    width,
    height,
    countryCodes,
  ]);
  let paths = drawn.get(key);
  if (!paths) {
    paths = drawBasemap(canvas, countryCodes);
    drawn.set(key, paths);
  }
  return paths;
}

function drawBasemap(canvas: MapCanvas, countryCodes: readonly string[]): BasemapPaths {
  const { topology } = loadBoundaries();
  // A steradian is scale² square pixels near the projection's centre.
  const pixel = 1 / canvas.projection.scale() ** 2;
  const simplified = simplify(topology, TOLERANCE_SQUARE_PIXELS * pixel);
  const kept = filter(
    simplified,
    filterWeight(simplified, SMALLEST_RING_SQUARE_PIXELS * pixel, ringArea),
  ) as Topology<Countries>;
  const draw = (object: GeoPermissibleObjects) => {
    const context = new CompactPath();
    geoPath(canvas.projection, context)(object);
    return context.toString();
  };
  // Only shapes that reach the map are projected: the rest of the world is left out before drawing.
  const bounds = visibleBounds(canvas);
  const countries = new Map<string, string>();
  for (const code of countryCodes) {
    const geometry = kept.objects.countries.geometries.find((g) => g.id === code);
    if (!geometry)
      throw new Error(
        `world-atlas countries-${BOUNDARY_SCALE}.json has no country with ISO 3166-1 numeric code "${code}"`,
      );
    countries.set(code, draw(visiblePart(feature(kept, geometry as GeometryObject), bounds)));
  }
  return {
    land: draw(visiblePart(feature(kept, kept.objects.land), bounds)),
    borders: draw(
      visiblePart(
        mesh(kept, kept.objects.countries, (a, b) => a !== b),
        bounds,
      ),
    ),
    countries,
  };
}

interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The longitudes and latitudes the canvas shows (its edges sampled, as a conic map's curve), padded a degree. */
export function visibleBounds(canvas: MapCanvas): Bounds {
  const points: [number, number][] = [];
  for (let t = 0; t <= 1; t += 1 / 32) {
    const x = t * canvas.width;
    const y = t * canvas.height;
    points.push([x, 0], [x, canvas.height], [0, y], [canvas.width, y]);
  }
  const lonLat = points
    .map((p) => canvas.projection.invert?.(p))
    .filter((p): p is [number, number] => !!p);
  const lons = lonLat.map(([lon]) => lon);
  const lats = lonLat.map(([, lat]) => lat);
  return {
    west: Math.min(...lons) - 1,
    south: Math.min(...lats) - 1,
    east: Math.max(...lons) + 1,
    north: Math.max(...lats) + 1,
  };
}

/** The polygons or lines of a feature, features or geometry whose bounding box meets the bounds. */
function visiblePart(object: GeoJsonObject, bounds: Bounds): GeoJsonGeometryCollection {
  return {
    type: 'GeometryCollection',
    geometries: geometriesOf(object).map((g) => clipToBox(g, bounds)),
  };
}

function geometriesOf(object: GeoJsonObject): Geometry[] {
  const value = object as Feature | FeatureCollection | Geometry;
  if (value.type === 'FeatureCollection') return value.features.flatMap((f) => geometriesOf(f));
  if (value.type === 'Feature') return value.geometry ? [value.geometry] : [];
  return [value];
}

function clipToBox(geometry: Geometry, bounds: Bounds): Geometry {
  const meets = (coordinates: Position[]) => {
    let west = Infinity;
    let south = Infinity;
    let east = -Infinity;
    let north = -Infinity;
    for (const [lon = 0, lat = 0] of coordinates) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    return (
      west <= bounds.east && east >= bounds.west && south <= bounds.north && north >= bounds.south
    );
  };
  switch (geometry.type) {
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.filter((polygon) => meets(polygon[0] ?? [])),
      };
    case 'Polygon':
      return meets(geometry.coordinates[0] ?? [])
        ? geometry
        : { type: 'MultiPolygon', coordinates: [] };
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.filter(meets) };
    default:
      return geometry;
  }
}
/** A ring's area on the sphere; filterWeight passes whether the ring is a hole, as its typings omit. */
const ringArea: RingWeighter = (ring, ...rest: unknown[]) =>
  sphericalRingArea(ring, rest[0] === true);

/**
 * SVG path data at whole pixels, each point relative to the one before ("m12 34l1-2 3 0…"): the
 * shortest text for a drawing at this size. Points are rounded first and their differences taken
 * after, so rounding never adds up along a line; points that round onto the one before are dropped.
 */
export class CompactPath {
  #parts: string[] = [];
  #x = 0;
  #y = 0;
  /** Where the open subpath started: after "z" the pen is back there. */
  #startX = 0;
  #startY = 0;
  #inLine = false;

  moveTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    this.#parts.push(`m${pair(rx - this.#x, ry - this.#y)}`);
    this.#x = this.#startX = rx;
    this.#y = this.#startY = ry;
    this.#inLine = false;
  }

  lineTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    if (rx === this.#x && ry === this.#y) return;
    const step = pair(rx - this.#x, ry - this.#y);
    this.#parts.push(this.#inLine ? (step.startsWith('-') ? step : ` ${step}`) : `l${step}`);
    this.#x = rx;
    this.#y = ry;
    this.#inLine = true;
  }

  closePath(): void {
    this.#parts.push('z');
    this.#x = this.#startX;
    this.#y = this.#startY;
    this.#inLine = false;
  }

  beginPath(): void {
    // Each path is its own instance; nothing to reset.
  }

  arc(): void {
    // Points are drawn as markers by the renderer, never through the path.
  }

  toString(): string {
    // The first move is relative to the origin, which is the same as absolute.
    return this.#parts.join('');
  }
}

function pair(dx: number, dy: number): string {
  return `${dx}${dy < 0 ? '' : ' '}${dy}`;
}
