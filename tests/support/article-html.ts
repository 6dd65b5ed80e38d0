import { parseHTML } from 'linkedom';
import { normalise } from '../../src/article/text.ts';

/** The text blocks (headings, paragraphs, list items, captions) of a built page's <article>. */
export function articleBlocks(html: string): string[] {
  const { document } = parseHTML(html);
  const article = document.querySelector('article');
  if (!article) return [];
  return [...article.querySelectorAll('h1, h2, h3, h4, p, li, figcaption, dt, dd')]
    .filter((el) => !el.querySelector('p, li'))
    .map((el) => normalise(el.textContent ?? ''))
    .filter(Boolean);
}
