import { describe, expect, it } from 'vitest';
import { mdxToJs, markdownToHtml } from 'satteri';
import { basePathLinks, withBasePrefix } from '../../src/plugins/base-path-links.ts';

describe('links written in chapters follow the base path', () => {
  it('prefixes root-relative links and leaves everything else alone', () => {
    expect(withBasePrefix('/chapters/energy/#tanap', '/explainer')).toBe(
      '/explainer/chapters/energy/#tanap',
    );
    expect(withBasePrefix('/explainer/chapters/energy/', '/explainer')).toBe(
      '/explainer/chapters/energy/',
    );
    expect(withBasePrefix('//cdn.example.org/x.js', '/explainer')).toBe('//cdn.example.org/x.js');
    expect(withBasePrefix('https://example.org/', '/explainer')).toBe('https://example.org/');
    expect(withBasePrefix('#section', '/explainer')).toBe('#section');
    expect(withBasePrefix('../energy/', '/explainer')).toBe('../energy/');
    expect(withBasePrefix('/chapters/energy/', '')).toBe('/chapters/energy/');
  });

  it('rewrites Markdown links when the page is compiled', () => {
    const md = 'See [the energy chapter](/chapters/energy/) and [elsewhere](https://example.org/).';
    const { html } = markdownToHtml(md, { hastPlugins: [basePathLinks('/explainer/')] });
    expect(html).toContain('href="/explainer/chapters/energy/"');
    expect(html).toContain('href="https://example.org/"');
  });

  it('rewrites links in MDX too', () => {
    const { code } = mdxToJs('Go [home](/).', { hastPlugins: [basePathLinks('/explainer/')] });
    expect(code).toContain('"/explainer/"');
  });
});
