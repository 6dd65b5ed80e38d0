import { describe, expect, it } from 'vitest';
import {
  chapterAnchor,
  chapterIdPrefix,
  scopeChapterHtml,
  type ChapterPlacement,
} from '../../src/lib/combine-chapters.ts';
import { scopeIdsInHtml } from '../../src/lib/scope-ids.ts';

const place = (slug: string, base = '/'): ChapterPlacement => ({
  path: `${base}chapters/${slug}/`,
  anchor: chapterAnchor(slug),
  idPrefix: chapterIdPrefix(slug),
});
const chapters = [place('history'), place('energy')];
const scope = (html: string, chapter = chapters[1]!, all = chapters) =>
  scopeChapterHtml(html, { chapter, chapters: all, headingShift: 1 });

// A diagram the way Mermaid draws one: its own ids, referenced from styles, markers and labels.
const diagram = `<figure class="diagram"><svg id="d1" viewBox="0 0 10 10" aria-labelledby="d1-title"><title id="d1-title">Flow</title><style>#d1 .node{fill:#fff}</style><defs><marker id="arrow"></marker><linearGradient id="g"></linearGradient></defs><path marker-end="url(#arrow)" fill="url('#g')" style="stroke:url(#g)"></path><use href="#arrow"></use><use xlink:href="#arrow"></use></svg></figure>`;

describe('scopeChapterHtml', () => {
  it('prefixes every id and every reference to one, inside and outside SVG', () => {
    const html = scope(
      `<h2 id="gas">Gas</h2><p><a href="#gas">up</a><sup><a href="#fn-1" id="ref-1">1</a></sup></p><p id="fn-1">Note</p>${diagram}`,
    );
    expect(html).toContain('<h3 id="energy--gas">Gas</h3>');
    expect(html).toContain('<a href="#energy--gas">up</a>');
    expect(html).toContain('<a href="#energy--fn-1" id="energy--ref-1">1</a>');
    expect(html).toContain(
      '<svg id="energy--d1" viewBox="0 0 10 10" aria-labelledby="energy--d1-title">',
    );
    expect(html).toContain('#energy--d1 .node{fill:#fff}');
    expect(html).toContain('marker-end="url(#energy--arrow)"');
    expect(html).toContain(`fill="url('#energy--g')"`);
    expect(html).toContain('style="stroke:url(#energy--g)"');
    expect(html).toContain(
      '<use href="#energy--arrow"></use><use xlink:href="#energy--arrow"></use>',
    );
    expect(html).not.toMatch(/id="(gas|d1|arrow|g|fn-1)"/);
  });

  it('keeps two chapters with the same ids apart', () => {
    const ids = [chapters[0]!, chapters[1]!].flatMap((chapter) =>
      [...scope(`<h2 id="intro">Intro</h2>${diagram}`, chapter).matchAll(/ id="([^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    expect(ids.length).toBe(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('turns links to any chapter into links within the page, with or without a base path', () => {
    expect(scope('<a href="../history/">h</a>')).toContain('href="#chapter-history"');
    expect(scope('<a href="/chapters/history/#roots">h</a>')).toContain('href="#history--roots"');
    expect(scope('<a href="./#gas">h</a>')).toContain('href="#energy--gas"');
    const based = [place('history', '/explainer/'), place('energy', '/explainer/')];
    expect(scope('<a href="/explainer/chapters/history/">h</a>', based[1], based)).toContain(
      'href="#chapter-history"',
    );
  });

  it('leaves other links, unknown fragments and colours alone', () => {
    const html = scope(
      '<a href="https://example.org/chapters/history/">x</a><a href="/">home</a><a href="#nowhere">n</a><svg><style>.a{fill:#abc}</style></svg>',
    );
    expect(html).toContain('href="https://example.org/chapters/history/"');
    expect(html).toContain('href="/"');
    expect(html).toContain('href="#nowhere"');
    expect(html).toContain('.a{fill:#abc}');
  });

  it('moves headings down a level, never below h6', () => {
    expect(scope('<h1>a</h1><h3>b</h3><h6>c</h6>')).toBe('<h2>a</h2><h4>b</h4><h6>c</h6>');
  });
});

describe('scopeIdsInHtml', () => {
  const prefix = { rename: (id: string) => `c--${id}` };

  it('rewrites only what changes and leaves every other byte as written', () => {
    const html =
      '<!-- <a id="x"> --><p class=lead data-x=\'1\'>a &amp; b<br/></p><script>var s = "<a id=\\"y\\">";</script><h2 id=top>T</h2>';
    expect(scopeIdsInHtml(html, prefix)).toBe(html.replace('id=top', 'id="c--top"'));
  });

  it('reads character references in values and writes them back escaped for their quotes', () => {
    const html = `<h2 id="a&amp;b">x</h2><a href='#a&#38;b'>y</a><a href="#a%26b">z</a>`;
    expect(scopeIdsInHtml(html, prefix)).toBe(
      `<h2 id="c--a&amp;b">x</h2><a href='#c--a&amp;b'>y</a><a href="#c--a&amp;b">z</a>`,
    );
  });

  it('scopes a stylesheet whole, however the tokenizer hands it over', () => {
    const html = '<svg id="d"><style>#d .a{fill:red} a<b {} #d .b{fill:url(#d)}</style></svg>';
    expect(scopeIdsInHtml(html, prefix)).toBe(
      '<svg id="c--d"><style>#c--d .a{fill:red} a<b {} #c--d .b{fill:url(#c--d)}</style></svg>',
    );
  });
});
