import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFence, type DiagramFence, type RenderedDiagram } from './service.ts';
import { MIN_SCALE, READING_COLUMN_WIDTH } from './settings.ts';
import { svgWidth } from './svg.ts';

/** A diagram wider than the reading column is drawn smaller than its labels were set at. */
export function wideDiagramWarning(
  diagram: RenderedDiagram,
  fence: DiagramFence,
): string | undefined {
  const width = svgWidth(diagram.svg);
  if (width <= READING_COLUMN_WIDTH) return undefined;
  const scale = READING_COLUMN_WIDTH / width;
  const drawn =
    scale >= MIN_SCALE
      ? `so it is drawn at ${Math.round(scale * 100)} %, its labels at ${(16 * scale).toFixed(1)} px`
      : 'so it scrolls sideways even on a desk';
  return (
    `${describeFence(fence)}: the diagram "${diagram.title}" is ${width} px wide, wider than the ` +
    `${READING_COLUMN_WIDTH} px reading column, ${drawn}. To fit, shorten its labels, split it ` +
    'in two, or draw it top to bottom (flowchart TD).'
  );
}

/**
 * When diagrams brought characters the label font lacked, the font was recut during the build. If
 * the stylesheet had already been bundled with the font from before (no font among the built
 * `assets` is the one now on disk), the pages draw those characters in a fallback font until the
 * next build.
 */
export function lateFontWarning(
  additions: readonly { fence: DiagramFence; characters: readonly string[] }[],
  font: Buffer,
  assets: string,
): string | undefined {
  if (additions.length === 0) return undefined;
  const shipped = existsSync(assets)
    ? readdirSync(assets).filter((file) => /^labels\.[\w-]+\.woff2$/.test(file))
    : [];
  if (shipped.some((file) => readFileSync(join(assets, file)).equals(font))) return undefined;
  const added = additions
    .map(({ fence, characters }) => `${describeFence(fence)} (${characters.join(' ')})`)
    .join(', ');
  return (
    `The label font was recut for characters new to diagram labels: ${added}. This build's ` +
    'pages still carry the font from before, so those characters show in a fallback font: build again.'
  );
}
