import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkitten';

/** How a kind of label is set: the page draws it with exactly these properties (see maps.css). */
export interface LabelStyle {
  /** CSS class of the label's <text>. */
  className: string;
  /** In the SVG's user units (pixels at the map's natural width). */
  size: number;
  weight: 400 | 600;
  italic: boolean;
  uppercase: boolean;
  /** In em. */
  letterSpacing: number;
}

export const LABEL_STYLES = {
  city: {
    className: 'map-label--city',
    size: 14,
    weight: 400,
    italic: false,
    uppercase: false,
    letterSpacing: 0,
  },
  country: {
    className: 'map-label--country',
    size: 12,
    weight: 600,
    italic: false,
    uppercase: true,
    letterSpacing: 0.08,
  },
  area: {
    className: 'map-label--area',
    size: 13,
    weight: 400,
    italic: true,
    uppercase: false,
    letterSpacing: 0.02,
  },
  status: {
    className: 'map-label--status',
    size: 12,
    weight: 400,
    italic: true,
    uppercase: false,
    letterSpacing: 0,
  },
} as const satisfies Record<string, LabelStyle>;

/**
 * Labels are measured in Inter, the font the diagrams use, and drawn in the site's sans-serif stack
 * with `textLength`, which makes the browser set each label to exactly its measured width whatever
 * font it has. The allowance leaves room for the widest fallback in that stack (DejaVu Sans sets
 * these labels about 5 % wider than Inter), so letters are spaced a little wider rather than squeezed.
 */
export const WIDTH_ALLOWANCE = 1.06;

const require = createRequire(import.meta.url);
const fonts = new Map<string, Font>();

function interFont(weight: 400 | 600, italic: boolean): Font {
  const file = `inter-latin-${weight}-${italic ? 'italic' : 'normal'}.woff2`;
  let font = fonts.get(file);
  if (!font) {
    const dir = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
    const loaded = create(readFileSync(join(dir, file)));
    if (loaded.isCollection) throw new Error(`${file} is a font collection, expected one font`);
    font = loaded;
    fonts.set(file, font);
  }
  return font;
}

export interface TextBox {
  /** Advance width in user units, allowance included: the value of `textLength`. */
  width: number;
  /** Height above and below the baseline, in user units. */
  ascent: number;
  descent: number;
}

/** The text as the label shows it (upper-cased where the style says so). */
export function displayText(text: string, style: LabelStyle): string {
  return style.uppercase ? text.toLocaleUpperCase('en') : text;
}

export function measureLabel(text: string, style: LabelStyle): TextBox {
  const font = interFont(style.weight, style.italic);
  const shown = displayText(text, style);
  const units = font.glyphsForString(shown).reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
  const chars = [...shown].length;
  const width =
    ((units / font.unitsPerEm) * style.size + style.letterSpacing * style.size * chars) *
    WIDTH_ALLOWANCE;
  // The font's whole line box, as a browser measures a <text>: glyphs never reach past it.
  return {
    width: Math.ceil(width * 10) / 10,
    ascent: (font.ascent / font.unitsPerEm) * style.size,
    descent: (-font.descent / font.unitsPerEm) * style.size,
  };
}
