import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CardCache, cardCacheKey, cardDesignKey } from '../../src/share/cards/cache.ts';
import { CARD_CSS, cardFonts, cardHtml } from '../../src/share/cards/design.ts';
import type { CardContent } from '../../src/share/cards/content.ts';

const content: CardContent = {
  file: 'chapter-energy.png',
  kicker: 'Chapter 5 of 8 · 2014 to 2025',
  title: 'Energy and Corridors',
  header: 'Azerbaijan’s Quiet Pivot: How Baku Is Testing Moscow’s Reach',
  asOf: 'As of November 2025',
  position: { index: 4, count: 8 },
  alt: 'Azerbaijan’s Quiet Pivot, chapter 5 of 8: Energy and Corridors (2014 to 2025). As of November 2025.',
};
const fonts = cardFonts();
const key = (overrides: Partial<{ content: CardContent; design: string; fonts: unknown }> = {}) => {
  const input = { content, design: CARD_CSS, fonts, ...overrides };
  return cardCacheKey(input.content, cardDesignKey(input.design, input.fonts));
};

describe('the social card cache key', () => {
  it('is stable for the same words, design and font', () => {
    expect(key()).toBe(key({ content: { ...content }, fonts: cardFonts() }));
    expect(key()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with the words, the design or the font bytes', () => {
    const keys = new Set([
      key(),
      key({ content: { ...content, title: 'Energy and Corridors (revised)' } }),
      key({ content: { ...content, asOf: 'As of December 2025' } }),
      key({ design: CARD_CSS.replace('#0b2a4a', '#000000') }),
      key({ fonts: { ...fonts, 800: fonts[400] } }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('keeps only the renders a build still uses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const cache = new CardCache(dir);
    cache.write('0123456789abcdef', Buffer.from('a'));
    cache.write('fedcba9876543210', Buffer.from('b'));
    expect(cache.prune(new Set(['0123456789abcdef']))).toEqual(['fedcba9876543210']);
    expect(readdirSync(dir)).toEqual(['0123456789abcdef.png']);
    const kept = cache.find('0123456789abcdef');
    expect(kept && readFileSync(kept, 'utf8')).toBe('a');
    expect(cache.find('fedcba9876543210')).toBeUndefined();
  });
});

describe('the card design', () => {
  it('escapes the words it draws and embeds its own fonts', () => {
    const html = cardHtml({ ...content, title: 'A <b>bold</b> & "quoted" title' }, fonts);
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title');
    expect(html.match(/@font-face/g)).toHaveLength(Object.keys(fonts).length);
    expect(html).toContain('<span class="mark here"></span>');
  });
});
