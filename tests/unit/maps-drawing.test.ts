import { describe, expect, it } from 'vitest';
import { fitFrame } from '../../src/maps/projection.ts';
import { overlaps, placeLabels, type LabelRequest } from '../../src/maps/labels.ts';
import {
  BOUNDARY_SCALE,
  CompactPath,
  NATURAL_EARTH_VERSION,
  basemapPaths,
  worldAtlasReadme,
} from '../../src/maps/basemap.ts';
import { LABEL_STYLES, measureLabel } from '../../src/maps/text-metrics.ts';

const BAKU: [number, number] = [49.867, 40.409];
const GROZNY: [number, number] = [45.695, 43.318];
const KYIV: [number, number] = [30.523, 50.45];
const ODESA: [number, number] = [30.723, 46.482];
const SOUTH_CAUCASUS = { west: 39, south: 37.6, east: 54, north: 45 };

describe('projection and frame', () => {
  it('fits the frame to the width and puts cities where a map reader expects them', () => {
    const canvas = fitFrame(SOUTH_CAUCASUS, 640, 520);
    expect(canvas.width).toBe(640);
    expect(canvas.height).toBeGreaterThan(300);
    expect(canvas.height).toBeLessThanOrEqual(520);
    const baku = canvas.project(BAKU)!;
    const grozny = canvas.project(GROZNY)!;
    for (const [x, y] of [baku, grozny]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(canvas.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(canvas.height);
    }
    // Baku lies east (right) and south (below) of Grozny.
    expect(baku[0]).toBeGreaterThan(grozny[0]);
    expect(baku[1]).toBeGreaterThan(grozny[1]);
  });

  it('keeps every corner of the frame on the canvas, and no more than a pixel of slack at the sides', () => {
    const frame = { west: 5, south: 36.5, east: 53, north: 55.5 };
    const canvas = fitFrame(frame, 640, 520);
    const corners: [number, number][] = [
      [frame.west, frame.south],
      [frame.east, frame.south],
      [frame.west, frame.north],
      [frame.east, frame.north],
    ];
    const xs: number[] = [];
    for (const corner of corners) {
      const [x, y] = canvas.project(corner)!;
      xs.push(x);
      expect(x).toBeGreaterThanOrEqual(-0.5);
      expect(x).toBeLessThanOrEqual(canvas.width + 0.5);
      expect(y).toBeGreaterThanOrEqual(-0.5);
      expect(y).toBeLessThanOrEqual(canvas.height + 0.5);
    }
    // Kyiv is north of (above) Odesa.
    expect(canvas.project(KYIV)![1]).toBeLessThan(canvas.project(ODESA)![1]);
  });

  it('caps the height of a tall frame and fits it to the height instead', () => {
    const canvas = fitFrame({ west: 40, south: 10, east: 50, north: 60 }, 640, 400);
    expect(canvas.height).toBe(400);
    const [, top] = canvas.project([45, 60])!;
    const [, bottom] = canvas.project([45, 10])!;
    expect(top).toBeGreaterThanOrEqual(-0.5);
    expect(bottom).toBeLessThanOrEqual(400.5);
  });
});

describe('label placement', () => {
  const line = (text: string) => ({ text, width: text.length * 8, ascent: 10, descent: 3 });
  const point = (id: string, x: number, y: number): LabelRequest => ({
    id,
    lines: [line(id)],
    anchor: [x, y],
    kind: 'point',
    markerRadius: 3,
  });
  const markerAt = (id: string, x: number, y: number) => ({
    id,
    box: { x0: x - 4, y0: y - 4, x1: x + 4, y1: y + 4 },
  });

  it('moves crowded labels apart so none overlaps another label or another marker', () => {
    const requests = [point('Baku', 100, 100), point('Grozny', 104, 102), point('Shusha', 98, 108)];
    const { placed, unplaced } = placeLabels(requests, {
      width: 300,
      height: 200,
      margin: 4,
      markers: requests.map((r) => markerAt(r.id, ...r.anchor)),
    });
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(3);
    for (const a of placed) {
      for (const b of placed)
        if (a !== b) expect(overlaps(a.box, b.box), `${a.id}/${b.id}`).toBe(false);
      for (const r of requests)
        if (r.id !== a.id)
          expect(overlaps(a.box, markerAt(r.id, ...r.anchor).box), `${a.id} on ${r.id}`).toBe(
            false,
          );
    }
  });

  it('keeps a label near the edge inside the map', () => {
    const request = point('Yekaterinburg', 295, 5);
    const { placed } = placeLabels([request], { width: 300, height: 200, margin: 4, markers: [] });
    const { box } = placed[0]!;
    expect(box.x0).toBeGreaterThanOrEqual(4);
    expect(box.x1).toBeLessThanOrEqual(296);
    expect(box.y0).toBeGreaterThanOrEqual(4);
    expect(box.y1).toBeLessThanOrEqual(196);
  });

  it('reports a label that cannot fit, and what is in its way, rather than overlapping', () => {
    const requests = [point('Baku', 20, 20), point('Grozny', 22, 22)];
    const { unplaced } = placeLabels(requests, { width: 60, height: 40, margin: 2, markers: [] });
    expect(unplaced.length).toBeGreaterThan(0);
    expect(unplaced[0]!.blockedBy.length).toBeGreaterThan(0);
  });
});

describe('boundaries', () => {
  it('names the Natural Earth edition its package states', () => {
    expect(worldAtlasReadme()).toContain(`version ${NATURAL_EARTH_VERSION} as TopoJSON`);
    expect(BOUNDARY_SCALE).toBe('50m');
  });

  it('draws land, borders and the named countries inside the canvas', () => {
    const canvas = fitFrame(SOUTH_CAUCASUS, 640, 520);
    const paths = basemapPaths(canvas, ['031', '051']);
    expect(paths.land.length).toBeGreaterThan(200);
    expect(paths.borders.length).toBeGreaterThan(100);
    const azerbaijan = absolutePoints(paths.countries.get('031')!);
    expect(azerbaijan.length).toBeGreaterThan(20);
    for (const [x, y] of azerbaijan) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(640);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(canvas.height);
    }
    // Baku is on the Absheron peninsula, inside Azerbaijan's outline's bounds.
    const [bx, by] = canvas.project(BAKU)!;
    expect(bx).toBeLessThanOrEqual(Math.max(...azerbaijan.map((p) => p[0])));
    expect(by).toBeGreaterThanOrEqual(Math.min(...azerbaijan.map((p) => p[1])));
  });

  it('writes relative whole-pixel path data that returns to where each ring started', () => {
    const path = new CompactPath();
    path.moveTo(10.2, 20.7);
    path.lineTo(15.6, 20.4);
    path.lineTo(15.4, 25.5);
    path.lineTo(15.45, 25.6); // rounds onto the point before: dropped
    path.closePath();
    path.moveTo(30, 40);
    path.lineTo(28, 38);
    path.closePath();
    expect(path.toString()).toBe('m10 21l6-1-1 6zm20 19l-2-2z');
    expect(absolutePoints(path.toString())).toEqual([
      [10, 21],
      [16, 20],
      [15, 26],
      [30, 40],
      [28, 38],
    ]);
  });
});

describe('label measures', () => {
  it('measures longer names wider, capitals and bold wider still', () => {
    const baku = measureLabel('Baku', LABEL_STYLES.city);
    const yekaterinburg = measureLabel('Yekaterinburg', LABEL_STYLES.city);
    expect(yekaterinburg.width).toBeGreaterThan(baku.width * 2);
    expect(measureLabel('Baku', LABEL_STYLES.country).width).toBeGreaterThan(baku.width);
    expect(baku.ascent).toBeGreaterThan(baku.descent);
  });
});

/** The absolute points of path data made of m, l and z commands (relative). */
function absolutePoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const [, command, args] of d.matchAll(/([mlz])([^mlz]*)/g)) {
    if (command === 'z') {
      x = startX;
      y = startY;
      continue;
    }
    const numbers = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    for (let i = 0; i < numbers.length; i += 2) {
      x += numbers[i]!;
      y += numbers[i + 1]!;
      if (command === 'm' && i === 0) {
        startX = x;
        startY = y;
      }
      points.push([x, y]);
    }
  }
  return points;
}
