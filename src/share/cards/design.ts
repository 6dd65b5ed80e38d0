import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { escapeHtml } from '../../lib/html.ts';
import { CARD_SIZE, type CardContent } from './content.ts';

/**
 * The one design of every social card: the site's ink-blue ground, the article's title (or, on its
 * own card, its standfirst) small at the top, the card's title large, the "as of" date at the foot, and for chapters a row of marks
 * with the chapter's own filled in. Set in Inter, embedded, so a render never depends on the
 * fonts of the machine that makes it.
 */
export const CARD_FONT_FAMILY = 'Card Inter';
const WEIGHTS = [400, 600, 800] as const;

const require = createRequire(import.meta.url);

function fontFile(weight: number): string {
  const dir = dirname(require.resolve('@fontsource/inter/package.json'));
  return join(dir, 'files', `inter-latin-${weight}-normal.woff2`);
}

/** The embedded fonts, as base64 by weight: part of every card's cache key. */
export function cardFonts(): Record<number, string> {
  return Object.fromEntries(
    WEIGHTS.map((weight) => [weight, readFileSync(fontFile(weight)).toString('base64')]),
  );
}

/** Stylesheet of the card; a change here changes every key, so every card is drawn again. */
export const CARD_CSS = `
*{box-sizing:border-box;margin:0}
html,body{width:${CARD_SIZE.width}px;height:${CARD_SIZE.height}px;overflow:hidden}
body{font-family:"${CARD_FONT_FAMILY}",sans-serif;background:#0b2a4a;color:#f4f1ea;
  -webkit-font-smoothing:antialiased}
.card{position:relative;width:100%;height:100%;padding:64px 80px 56px 96px;display:flex;flex-direction:column}
.card::before{content:"";position:absolute;left:0;top:0;bottom:0;width:24px;background:#e0a63a}
.header{font-size:28px;font-weight:600;line-height:1.35;color:#b9cbe0;max-width:980px}
.kicker{margin-top:auto;font-size:26px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:#e0a63a}
.title{margin-top:18px;font-size:84px;font-weight:800;line-height:1.06;letter-spacing:-.015em;max-width:1010px}
.foot{display:flex;align-items:center;justify-content:space-between;margin-top:44px;padding-top:24px;border-top:2px solid #2c4f77}
.as-of{font-size:26px;font-weight:400;color:#d6dfea}
.marks{display:flex;gap:10px}
.mark{width:34px;height:10px;border-radius:5px;background:#2c4f77}
.mark.here{background:#e0a63a}
`;

/** Titles longer than the space shrink step by step until they fit in three lines. */
export const FIT_SCRIPT = `
const title = document.querySelector('.title');
let size = 84;
const limit = () => parseFloat(getComputedStyle(title).lineHeight) * 3 + 1;
while (title.scrollHeight > limit() && size > 44) { size -= 4; title.style.fontSize = size + 'px'; }
`;

/** The page a card is drawn on: the fonts and stylesheet, and the card itself in its body. */
export function cardHtml(content: CardContent, fonts: Record<number, string>): string {
  const faces = Object.entries(fonts)
    .map(
      ([weight, data]) =>
        `@font-face{font-family:"${CARD_FONT_FAMILY}";font-weight:${weight};` +
        `src:url(data:font/woff2;base64,${data}) format("woff2")}`,
    )
    .join('');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${faces}${CARD_CSS}</style></head>` +
    `<body>${cardBody(content)}</body></html>`
  );
}

/** The card's own markup: what changes from one card to the next on the same page. */
export function cardBody(content: CardContent): string {
  const marks = content.position
    ? `<div class="marks" aria-hidden="true">${Array.from(
        { length: content.position.count },
        (_, i) => `<span class="mark${i === content.position!.index ? ' here' : ''}"></span>`,
      ).join('')}</div>`
    : '';
  return (
    `<div class="card">` +
    `<p class="header">${escapeHtml(content.header)}</p>` +
    `<p class="kicker">${escapeHtml(content.kicker)}</p>` +
    `<h1 class="title">${escapeHtml(content.title)}</h1>` +
    `<div class="foot"><p class="as-of">${escapeHtml(content.asOf)}</p>${marks}</div>` +
    `</div>`
  );
}
