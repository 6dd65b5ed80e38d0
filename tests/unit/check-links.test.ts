import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLinks } from '../../scripts/check-links.ts';

describe('the link and anchor checker', () => {
  const dist = mkdtempSync(join(tmpdir(), 'links-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const page = (path: string, body: string) => {
    mkdirSync(join(dist, path), { recursive: true });
    writeFileSync(
      join(dist, path, 'index.html'),
      `<!doctype html><html><body>${body}</body></html>`,
    );
  };
  page(
    '',
    '<a href="/explainer/chapters/a/#s1">ok</a><a href="/explainer/chapters/b/">missing page</a>',
  );
  page(
    'chapters/a',
    '<h2 id="s1">S1</h2><a href="#s2">missing anchor</a><a href="../a/#s1">ok</a><a href="/chapters/a/">no base</a><a href="https://example.org/">external</a><img src="/explainer/x.png" alt="">',
  );

  it('names the page and the link for every broken internal link or anchor, and nothing else', async () => {
    const broken = await checkLinks(dist, '/explainer/');
    expect(formatBrokenLinks(broken).split('\n').sort()).toEqual([
      '/explainer/: /explainer/chapters/b/ — no such file in the output',
      '/explainer/chapters/a/: #s2 — no element with id "s2" on the target page',
      '/explainer/chapters/a/: /chapters/a/ — outside the base path /explainer/',
      '/explainer/chapters/a/: /explainer/x.png — no such file in the output',
    ]);
  });
});
