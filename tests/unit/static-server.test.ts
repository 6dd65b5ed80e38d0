import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distFiles, pagePath } from '../../scripts/lib/dist-files.ts';
import { serveStatic, type StaticSite } from '../../scripts/lib/static-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'static-site-'));
const files: Record<string, string> = {
  'index.html': '<h1>Home</h1>',
  '404.html': '<h1>Not found</h1>',
  'chapters/energy/index.html': '<h1>Energy</h1>',
  '_astro/site.css': 'body{}',
  _headers: '/*\n  X-Test: everywhere\n/_astro/*\n  Cache-Control: immutable\n',
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dist walker', () => {
  it('lists files relative to the folder, sorted, and the paths pages are served at', () => {
    expect(distFiles(dir, '.html')).toEqual([
      '404.html',
      'chapters/energy/index.html',
      'index.html',
    ]);
    expect(distFiles(join(dir, 'missing'))).toEqual([]);
    expect(pagePath('chapters/energy/index.html', '/explainer/')).toBe(
      '/explainer/chapters/energy/',
    );
    expect(pagePath('index.html', '/')).toBe('/');
    expect(pagePath('404.html', '/')).toBe('/404.html');
  });
});

describe('the static server, under a base path', () => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveStatic(dir, '/explainer/');
  });
  afterAll(() => site.stop());

  it('serves /path/ as /path/index.html with the headers of the built _headers file', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/explainer\/$/);
    const response = await fetch(`${site.url}chapters/energy/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-test')).toBe('everywhere');
    expect(response.headers.get('cache-control')).toBeNull();
    expect(await response.text()).toBe('<h1>Energy</h1>');
    const css = await fetch(`${site.url}_astro/site.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('immutable');
  });

  it('redirects a folder without its slash, and answers anything else with the 404 page', async () => {
    const folder = await fetch(`${site.url}chapters/energy`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/explainer/chapters/energy/');
    for (const path of ['nothing/', '../index.html', '/index.html']) {
      const url = path.startsWith('/') ? new URL(path, site.url).href : site.url + path;
      const response = await fetch(url);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('<h1>Not found</h1>');
    }
  });
});
