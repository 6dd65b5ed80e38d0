import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where a package's files live, found the way Node resolves it (works from any worktree). */
export function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function packageVersion(name: string): string {
  return (
    JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** The family name diagram labels are measured in at render time and drawn in on the page. */
export const LABEL_FONT_FAMILY = 'Diagram Labels';

/** The font file the label subset is cut from. */
export function labelFontSource(): string {
  return join(packageDir('@fontsource/inter'), 'files', 'inter-latin-400-normal.woff2');
}

/**
 * Mermaid 12 changed its defaults (ELK layout, new theme and look); pin every setting that shapes
 * the output so a render is reproducible and its cache key means something.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  look: 'classic',
  layout: 'dagre',
  htmlLabels: false,
  fontFamily: `"${LABEL_FONT_FAMILY}", sans-serif`,
  fontSize: 16,
  themeVariables: { fontFamily: `"${LABEL_FONT_FAMILY}", sans-serif`, fontSize: '16px' },
  flowchart: {
    htmlLabels: false,
    curve: 'basis',
    padding: 12,
    nodeSpacing: 36,
    rankSpacing: 44,
    wrappingWidth: 160,
  },
  deterministicIds: true,
  // A syntax error throws at once instead of drawing Mermaid's error picture first.
  suppressErrorRendering: true,
} as const;

/** Bump when the SVG post-processing changes, so every cached render is redone. */
export const POSTPROCESS_VERSION = 4;

/** The fence language that makes a diagram. */
export const DIAGRAM_LANG = 'mermaid';

/**
 * Width in CSS px a diagram has at full size on a desk: the reading column (`--measure`, 40rem in
 * global.css) less the figure's padding and border (diagrams.css). tests/e2e/diagrams.spec.ts checks
 * it against the built page. A wider diagram is drawn smaller, and the build says so.
 */
export const READING_COLUMN_WIDTH = 640 - 2 * 12 - 2 * 1;

/** How far diagrams.css lets a diagram shrink (min-width: 70 %) before it scrolls sideways. */
export const MIN_SCALE = 0.7;

/** The prose column on a 360 px phone. */
export const PHONE_COLUMN_WIDTH = 320;

/** Everything besides the diagram's own source that decides what a render looks like. */
export function renderSettings(): Record<string, unknown> {
  return {
    mermaid: packageVersion('mermaid'),
    font: `@fontsource/inter@${packageVersion('@fontsource/inter')}`,
    config: MERMAID_CONFIG,
    postprocess: POSTPROCESS_VERSION,
  };
}
