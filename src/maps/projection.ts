import { geoConicConformal, type GeoProjection } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import type { Coordinates, Frame } from './schema.ts';

/** A map's drawing area and the projection from degrees to its pixels (y grows downwards). */
export interface MapCanvas {
  /** The frame the canvas was fitted to: with the size, it fixes the projection. */
  frame: Frame;
  width: number;
  height: number;
  projection: GeoProjection;
  /** The point in pixels, or undefined when the projection cannot place it. */
  project(point: Coordinates): [number, number] | undefined;
}

/**
 * Fits a conformal conic projection, centred on the frame and with standard parallels at a sixth of
 * its height from each edge (shapes stay true across a region this size), so that the whole frame is
 * visible at the given width; the height follows from the frame's shape, up to `maxHeight`, beyond
 * which the frame is fitted to the height instead and the map shows more on either side. Everything
 * drawn is clipped to the canvas.
 */
export function fitFrame(frame: Frame, width: number, maxHeight: number): MapCanvas {
  const span = frame.north - frame.south;
  const projection = geoConicConformal()
    .parallels([frame.south + span / 6, frame.north - span / 6])
    .rotate([-(frame.west + frame.east) / 2, 0])
    .precision(0.2);
  const outline = frameOutline(frame);
  projection.fitWidth(width, outline);
  const [[, top], [, bottom]] = boundsOf(projection, outline);
  let height = Math.ceil(bottom - top);
  if (height > maxHeight) {
    height = maxHeight;
    projection.fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      outline,
    );
  }
  // Centre the frame vertically in the whole pixels the canvas has.
  const [[left, y0], [right, y1]] = boundsOf(projection, outline);
  const [tx, ty] = projection.translate();
  projection.translate([tx + (width - (left + right)) / 2, ty + (height - (y0 + y1)) / 2]);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  return {
    frame,
    width,
    height,
    projection,
    project(point) {
      const xy = projection(point);
      return xy ? [xy[0], xy[1]] : undefined;
    },
  };
}

/** The frame's edges as points one degree apart, so a curved edge is fitted, not just its corners. */
export function frameOutline(frame: Frame): MultiPoint {
  const points: [number, number][] = [];
  for (let lon = frame.west; lon <= frame.east; lon += 1) {
    points.push([lon, frame.south], [lon, frame.north]);
  }
  for (let lat = frame.south; lat <= frame.north; lat += 1) {
    points.push([frame.west, lat], [frame.east, lat]);
  }
  points.push([frame.east, frame.south], [frame.east, frame.north]);
  return { type: 'MultiPoint', coordinates: points };
}

function boundsOf(
  projection: GeoProjection,
  outline: MultiPoint,
): [[number, number], [number, number]] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const point of outline.coordinates) {
    const xy = projection(point as [number, number]);
    if (!xy) continue;
    x0 = Math.min(x0, xy[0]);
    y0 = Math.min(y0, xy[1]);
    x1 = Math.max(x1, xy[0]);
    y1 = Math.max(y1, xy[1]);
  }
  return [
    [x0, y0],
    [x1, y1],
  ];
}
