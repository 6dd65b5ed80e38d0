import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';
import { HtmlValidate, formatterFactory } from 'html-validate';
import type { Nodes } from 'hast';
import { describe, expect, it } from 'vitest';
import { distFiles } from '../../scripts/lib/dist-files.ts';

const DIST = 'dist';
const pages = distFiles(DIST, '.html');

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes void elements as <meta … />; both forms are valid HTML.
    'void-style': 'off',
    // Prose quotes and apostrophes are typographic already; plain ones in attributes are fine.
    'no-raw-characters': ['error', { relaxed: true }],
    // Headings that carry a section link name themselves after their own text (aria-labelledby on
    // a span around it), so the link's name does not join the heading's. ARIA allows naming a
    // heading; the recommended preset only discourages it in general.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
});

describe('every built page is valid HTML', () => {
  it('has pages to validate (run `npm run build` first)', () => {
    expect(pages.length).toBeGreaterThan(8);
  });

  it.each(pages)('%s', async (file) => {
    const report = await validator.validateString(readFileSync(join(DIST, file), 'utf8'), file);
    const text = formatterFactory('text')(report.results);
    expect(report.valid, text).toBe(true);
  });
});

/**
 * Astro drops a line break between text and an inline element in a template, so "the" + newline +
 * "<a>timeline</a>" renders as "thetimeline" unless the template keeps the space ({' '}).
 */
describe('no word runs into a link', () => {
  const textOf = (node: Nodes): string =>
    node.type === 'text'
      ? node.value
      : 'children' in node
        ? node.children.map(textOf).join('')
        : '';

  it.each(pages)('%s', (file) => {
    const glued: string[] = [];
    const visit = (node: Nodes): void => {
      if (!('children' in node)) return;
      node.children.forEach((child, index) => {
        const before = node.children[index - 1];
        if (child.type === 'element' && child.tagName === 'a' && before?.type === 'text') {
          const text = textOf(child);
          if (/[\p{L}\p{N},;:]$/u.test(before.value) && /^\p{L}/u.test(text))
            glued.push(`…${before.value.slice(-20)}|${text}`);
        }
        visit(child);
      });
    };
    visit(fromParse5(parse(readFileSync(join(DIST, file), 'utf8'))));
    expect(glued).toEqual([]);
  });
});
