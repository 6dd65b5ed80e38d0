/**
 * Places map labels so that none overlaps another label or another place's marker and none runs off
 * the map. Pure geometry on measured boxes: each label tries a short list of positions around its
 * point (beside a marker) or its area (over a country or region), and the first that fits wins.
 * Labels are placed in order; when one finds no room, it moves to the front and all are placed again.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelLine {
  text: string;
  width: number;
  ascent: number;
  descent: number;
}

export interface LabelRequest {
  id: string;
  lines: LabelLine[];
  /** The point the label names, in pixels. */
  anchor: [number, number];
  /** `point`: set beside a marker of `markerRadius`; `area`: set over the anchor. */
  kind: 'point' | 'area';
  markerRadius: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface PlacedLabel {
  id: string;
  box: Box;
  textAnchor: TextAnchor;
  /** Where each line's text starts (per `textAnchor`) and its baseline. */
  lines: { x: number; y: number }[];
}

export interface PlacementOptions {
  width: number;
  height: number;
  /** Space kept clear along the map's edges. */
  margin: number;
  /** Boxes no label may cover: every place's marker, by the id of the label that may touch it. */
  markers: { id: string; box: Box; what?: string }[];
  /** Gap between a marker and its label, and between lines. */
  gap?: number;
}

export interface Placement {
  placed: PlacedLabel[];
  /** Labels that found no room, with the labels and markers in the way of their best position. */
  unplaced: { id: string; blockedBy: string[] }[];
}

const LINE_GAP = 1;
/** Beside a point: right, left, above-right, below-right, above-left, below-left, above, below. */
const POINT_POSITIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
  [0, -1],
  [0, 1],
];
const AREA_SHIFTS: [number, number][] = [
  [0, 0],
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
  [0, -2],
  [0, 2],
  [2, 0],
  [-2, 0],
];

export function placeLabels(
  requests: readonly LabelRequest[],
  options: PlacementOptions,
): Placement {
  const gap = options.gap ?? 3;
  // The most constrained labels first: those with the fewest positions clear of markers and edges.
  const freedom = new Map(
    requests.map((r) => [
      r.id,
      candidatesFor(r, gap).filter((c) => obstaclesOf(c.box, r.id, [], options).length === 0)
        .length,
    ]),
  );
  let order = [...requests].sort((a, b) => freedom.get(a.id)! - freedom.get(b.id)!);
  let best: Placement | undefined;
  for (let attempt = 0; attempt < requests.length * 2; attempt++) {
    const result = placeInOrder(order, options);
    if (result.unplaced.length === 0) return result;
    if (!best || result.unplaced.length < best.unplaced.length) best = result;
    // Retry with the first label that found no room placed first.
    const first = result.unplaced[0]!.id;
    if (order[0]!.id === first) break;
    order = [order.find((r) => r.id === first)!, ...order.filter((r) => r.id !== first)];
  }
  return best!;
}

function placeInOrder(requests: readonly LabelRequest[], options: PlacementOptions): Placement {
  const gap = options.gap ?? 3;
  const candidates = new Map(requests.map((r) => [r.id, candidatesFor(r, gap)]));
  const placed: PlacedLabel[] = [];
  const unplaced: Placement['unplaced'] = [];
  for (const request of requests) {
    let blockedBy: string[] | undefined;
    let chosen: PlacedLabel | undefined;
    for (const candidate of candidates.get(request.id)!) {
      const blockers = obstaclesOf(candidate.box, request.id, placed, options);
      if (blockers.length === 0) {
        chosen = candidate;
        break;
      }
      if (!blockedBy || blockers.length < blockedBy.length) blockedBy = blockers;
    }
    // No free position: try moving the one label in the way of a position to another of its own.
    chosen ??= repair(request, placed, candidates, options);
    if (chosen) placed.push(chosen);
    else unplaced.push({ id: request.id, blockedBy: blockedBy ?? [] });
  }
  return { placed, unplaced };
}

function repair(
  request: LabelRequest,
  placed: PlacedLabel[],
  candidates: Map<string, PlacedLabel[]>,
  options: PlacementOptions,
): PlacedLabel | undefined {
  for (const candidate of candidates.get(request.id)!) {
    if (obstaclesOf(candidate.box, request.id, [], options).length > 0) continue;
    const inTheWay = placed.filter((other) => overlaps(candidate.box, other.box));
    if (inTheWay.length !== 1) continue;
    const blocker = inTheWay[0]!;
    const others = placed.filter((p) => p !== blocker);
    for (const move of candidates.get(blocker.id)!) {
      if (move.box === blocker.box || overlaps(move.box, candidate.box)) continue;
      if (obstaclesOf(move.box, blocker.id, others, options).length > 0) continue;
      placed[placed.indexOf(blocker)] = move;
      return candidate;
    }
  }
  return undefined;
}

function obstaclesOf(
  box: Box,
  id: string,
  placed: readonly PlacedLabel[],
  options: PlacementOptions,
): string[] {
  const blockers: string[] = [];
  const { margin, width, height } = options;
  if (box.x0 < margin || box.y0 < margin || box.x1 > width - margin || box.y1 > height - margin)
    blockers.push('the edge of the map');
  for (const other of placed)
    if (overlaps(box, other.box)) blockers.push(`the label of "${other.id}"`);
  for (const marker of options.markers)
    if (marker.id !== id && overlaps(box, marker.box))
      blockers.push(marker.what ?? `the marker of "${marker.id}"`);
  return blockers;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** The label's size: its widest line by its lines' heights. */
export function labelSize(lines: readonly LabelLine[]): { width: number; height: number } {
  return {
    width: Math.max(...lines.map((l) => l.width)),
    height: lines.reduce((sum, l) => sum + l.ascent + l.descent, 0) + LINE_GAP * (lines.length - 1),
  };
}

/** Every position the label may take, best first. */
export function candidatesFor(request: LabelRequest, gap: number): PlacedLabel[] {
  const { width, height } = labelSize(request.lines);
  const [ax, ay] = request.anchor;
  const candidates: PlacedLabel[] = [];
  if (request.kind === 'point') {
    for (const ring of [0, 1]) {
      const offset = request.markerRadius + gap + ring * 6;
      for (const [dx, dy] of POINT_POSITIONS) {
        // Beside the point the label is centred on it vertically; above or below, horizontally.
        const x0 = dx > 0 ? ax + offset : dx < 0 ? ax - offset - width : ax - width / 2;
        const y0 =
          dy > 0
            ? ay + (dx === 0 ? offset : offset * 0.5)
            : dy < 0
              ? ay - (dx === 0 ? offset : offset * 0.5) - height
              : ay - height / 2;
        candidates.push(
          layout(
            request,
            { x0, y0, x1: x0 + width, y1: y0 + height },
            dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle',
          ),
        );
      }
    }
  } else {
    const stepX = Math.max(10, width / 4);
    const stepY = Math.max(8, height * 0.75);
    for (const [sx, sy] of AREA_SHIFTS) {
      const x0 = ax - width / 2 + sx * stepX;
      const y0 = ay - height / 2 + sy * stepY;
      candidates.push(layout(request, { x0, y0, x1: x0 + width, y1: y0 + height }, 'middle'));
    }
  }
  return candidates;
}

function layout(request: LabelRequest, box: Box, textAnchor: TextAnchor): PlacedLabel {
  const x = textAnchor === 'start' ? box.x0 : textAnchor === 'end' ? box.x1 : (box.x0 + box.x1) / 2;
  let y = box.y0;
  const lines = request.lines.map((line) => {
    const baseline = y + line.ascent;
    y = baseline + line.descent + LINE_GAP;
    return { x, y: baseline };
  });
  return { id: request.id, box, textAnchor, lines };
}
