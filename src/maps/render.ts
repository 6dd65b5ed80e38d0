/**
 * One map as inline SVG: water, land, the countries it names, borders, markers and labels. Colours
 * are not in the SVG: classes take them from the site's tokens (maps.css), so one drawing serves
 * the light and dark themes and prints black on white.
 */
import { escapeHtml } from '../lib/html.ts';
import { claimBadgeText } from '../facts/claim-labels.ts';
import { basemapPaths } from './basemap.ts';
import { placeLabels, type Box, type LabelRequest, type PlacedLabel } from './labels.ts';
import type { MapEntry, PlaceMapModel } from './model.ts';
import { fitFrame, type MapCanvas } from './projection.ts';
import type { Frame, StatusData } from './schema.ts';
import { LABEL_STYLES, displayText, measureLabel, type LabelStyle } from './text-metrics.ts';

/** The map's natural width: the prose column's, so labels show at their set size on a desk. */
export const MAP_WIDTH = 640;
/** Tall enough for a region, short enough to print with its caption and key on one page. */
export const MAP_MAX_HEIGHT = 520;
/** maps.css lets a map shrink to this share of its width, then it scrolls inside its box. */
export const MIN_SCALE = 0.85;
const CITY_RADIUS = 3.5;
const CORRIDOR_RADIUS = 7;
const EDGE_MARGIN = 4;
/** Half the screen halo's width (maps.css), kept clear around a label on paper. */
const BACKDROP_PADDING = 1.5;

export interface RenderedMap {
  svg: string;
  width: number;
  height: number;
  labels: PlacedLabel[];
}

/** "unverified", "alleged by Tehran; denied by Baku": the labels the article's sentences state. */
export function statusText(status: readonly StatusData[]): string {
  return status
    .map((s) => claimBadgeText(s.label, s.by))
    .map((text) => text.charAt(0).toLowerCase() + text.slice(1))
    .join('; ');
}

function styleOf(entry: MapEntry): LabelStyle {
  switch (entry.place.kind) {
    case 'city':
      return LABEL_STYLES.city;
    case 'country':
      return LABEL_STYLES.country;
    default:
      return LABEL_STYLES.area;
  }
}

export function renderMap(
  map: PlaceMapModel,
  options: { insets?: readonly Frame[] } = {},
): RenderedMap {
  const canvas = fitFrame(map.frame, MAP_WIDTH, MAP_MAX_HEIGHT);
  const codes = map.entries.flatMap((e) => (e.place.iso ? [e.place.iso] : []));
  const basemap = basemapPaths(canvas, codes);
  const at = (point: [number, number]) => {
    const xy = canvas.project(point);
    if (!xy)
      throw new Error(`map "${map.id}": the point [${point.join(', ')}] cannot be projected`);
    return xy;
  };

  const markers: { id: string; box: Box; svg: string }[] = [];
  const requests: LabelRequest[] = [];
  const styles = new Map<string, LabelStyle[]>();
  for (const entry of map.entries) {
    const { place } = entry;
    const flagged = entry.status.length > 0;
    const anchor = at(entry.at);
    if (place.kind === 'city') {
      markers.push(
        marker(place.id, anchor, CITY_RADIUS, `map-city${flagged ? ' map-city--status' : ''}`),
      );
    }
    if (place.kind === 'corridor') {
      const points = entry.along.length > 0 ? entry.along.map((a) => at(a.at)) : [anchor];
      for (const point of points)
        markers.push(
          marker(
            place.id,
            point,
            CORRIDOR_RADIUS,
            `map-corridor${flagged ? ' map-corridor--status' : ''}`,
          ),
        );
    }
    const style = styleOf(entry);
    const lines = [{ text: displayText(place.name, style), ...measureLabel(place.name, style) }];
    styles.set(place.id, [style]);
    // Each label the text states on a line of its own, the lot in brackets: "(alleged by Tehran;", "denied by Baku)".
    entry.status.forEach((status, i, all) => {
      const text = `${i === 0 ? '(' : ''}${statusText([status])}${i === all.length - 1 ? ')' : ';'}`;
      lines.push({ text, ...measureLabel(text, LABEL_STYLES.status) });
      styles.get(place.id)!.push(LABEL_STYLES.status);
    });
    requests.push({
      id: place.id,
      lines,
      anchor,
      kind: place.kind === 'city' || place.kind === 'corridor' ? 'point' : 'area',
      markerRadius: place.kind === 'city' ? CITY_RADIUS : CORRIDOR_RADIUS,
    });
  }

  // Cities and corridors first (their labels must sit by their markers), then areas, smallest first.
  const order = (r: LabelRequest) => (r.kind === 'point' ? 0 : 1);
  requests.sort((a, b) => order(a) - order(b));
  // Another map's frame, outlined on this one, stays clear of labels so the outline reads.
  const insetPaths = (options.insets ?? []).map((frame) => insetPath(canvas, frame));
  const insetBoxes = insetPaths.map(({ box }) => ({
    id: '',
    box,
    what: 'the outline of another map',
  }));
  const placement = placeLabels(requests, {
    width: canvas.width,
    height: canvas.height,
    margin: EDGE_MARGIN,
    markers: [...markers.map(({ id, box }) => ({ id, box })), ...insetBoxes],
  });
  if (placement.unplaced.length > 0) {
    throw new Error(
      `content/maps.yaml: map "${map.id}": no room for ${placement.unplaced
        .map((u) => `the label of "${u.id}" (in the way: ${u.blockedBy.join(', ')})`)
        .join(
          '; ',
        )}. Give the place an "at" point with more room, widen the frame or draw fewer places.`,
    );
  }

  const byId = new Map(requests.map((r) => [r.id, r]));
  // On paper labels have no halo (maps.css says why); each sits on a white box instead, above the
  // boundaries, so no line runs through a name. On screen the halo does this and the boxes are hidden.
  const backdrops = placement.placed
    .map(({ box }) => {
      const [x0, y0] = [box.x0 - BACKDROP_PADDING, box.y0 - BACKDROP_PADDING];
      const [x1, y1] = [box.x1 + BACKDROP_PADDING, box.y1 + BACKDROP_PADDING];
      return `<rect x="${round(x0)}" y="${round(y0)}" width="${round(x1 - x0)}" height="${round(y1 - y0)}"/>`;
    })
    .join('');
  const labelSvg = placement.placed
    .map((label) => {
      const request = byId.get(label.id)!;
      return request.lines
        .map((line, i) => {
          const style = styles.get(label.id)![i]!;
          const { x, y } = label.lines[i]!;
          return (
            `<text class="map-label ${style.className}" data-place="${label.id}" x="${round(x)}" y="${round(y)}"` +
            ` text-anchor="${label.textAnchor}" textLength="${line.width}" lengthAdjust="spacing">` +
            `${escapeHtml(line.text)}</text>`
          );
        })
        .join('');
    })
    .join('');

  const focus = map.entries
    .filter((e) => e.place.iso)
    .map(
      (e) =>
        `<path class="map-country${e.status.length > 0 ? ' map-country--status' : ''}" data-place="${e.place.id}" d="${basemap.countries.get(e.place.iso!)}"/>`,
    )
    .join('');
  const insets = insetPaths.map(({ d }) => `<path class="map-inset" d="${d}"/>`).join('');

  const { width, height } = canvas;
  const svg =
    `<svg class="place-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"` +
    ` role="img" aria-label="${escapeHtml(map.title)}" data-pagefind-ignore style="--map-width: ${width}px; --map-aspect: ${round(width / height, 4)}">` +
    `<rect class="map-water" width="${width}" height="${height}"/>` +
    `<path class="map-land" d="${basemap.land}"/>` +
    focus +
    `<path class="map-borders" d="${basemap.borders}"/>` +
    insets +
    `<g class="map-label-backdrops">${backdrops}</g>` +
    markers.map((m) => m.svg).join('') +
    labelSvg +
    `<rect class="map-edge" x="0.5" y="0.5" width="${width - 1}" height="${height - 1}"/>` +
    `</svg>`;
  return { svg, width, height, labels: placement.placed };
}

function marker(
  id: string,
  [x, y]: [number, number],
  radius: number,
  className: string,
): { id: string; box: Box; svg: string } {
  return {
    id,
    box: { x0: x - radius - 1, y0: y - radius - 1, x1: x + radius + 1, y1: y + radius + 1 },
    svg: `<circle class="${className}" data-place="${id}" cx="${round(x)}" cy="${round(y)}" r="${radius}"/>`,
  };
}

/** Another map's frame drawn on this one, where the reader can find it in detail. */
function insetPath(canvas: MapCanvas, frame: Frame): { d: string; box: Box } {
  // Walk the edges in order: south west→east, east south→north, north east→west, west north→south.
  const ring: [number, number][] = [];
  for (let lon = frame.west; lon < frame.east; lon += 0.5) ring.push([lon, frame.south]);
  for (let lat = frame.south; lat < frame.north; lat += 0.5) ring.push([frame.east, lat]);
  for (let lon = frame.east; lon > frame.west; lon -= 0.5) ring.push([lon, frame.north]);
  for (let lat = frame.north; lat > frame.south; lat -= 0.5) ring.push([frame.west, lat]);
  const xy = ring.map((p) => canvas.project(p)).filter((p): p is [number, number] => !!p);
  const xs = xy.map(([x]) => x);
  const ys = xy.map(([, y]) => y);
  return {
    d: `M${xy.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z`,
    box: {
      x0: Math.min(...xs) - 1,
      y0: Math.min(...ys) - 1,
      x1: Math.max(...xs) + 1,
      y1: Math.max(...ys) + 1,
    },
  };
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
