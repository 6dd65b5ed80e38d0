/**
 * The README's nginx recipe, taken from the README as it stands and served by a real nginx inside a
 * stock `http` block (the distribution's `mime.types`), with `explainer.conf` made by the command
 * the README names: the documentation cannot drift from what works. Only the port and the web root
 * change; both builds are served, `dist/` at the root and `dist-subpath/` under `/explainer/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToMdast, type MdastNode } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, readHeaders } from '../../scripts/lib/headers.ts';
import { serveWithNginx, type StaticSite } from '../../scripts/lib/nginx.ts';
import { readArticle } from '../../src/article/chapters.ts';

/** The README's code blocks in the given language. */
function codeBlocks(node: MdastNode, lang: string): string[] {
  if (node.type === 'code' && 'lang' in node && node.lang === lang && 'value' in node)
    return [String(node.value)];
  return 'children' in node
    ? (node.children as MdastNode[]).flatMap((child) => codeBlocks(child, lang))
    : [];
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const recipes = codeBlocks(markdownToMdast(readme), 'nginx');

/**
 * The recipe with its `listen` and `root` directives pointed at this run's port and web root; every
 * other line as written. Each of the two must appear exactly once.
 */
function recipeFor(port: number, webRoot: string): string {
  const replaced = { listen: 0, root: 0 };
  const lines = recipes[0]!.split('\n').map((line) => {
    const [directive] = line.trim().split(/\s+/);
    const indent = line.slice(0, line.length - line.trimStart().length);
    if (directive === 'listen') {
      replaced.listen += 1;
      return `${indent}listen 127.0.0.1:${port};`;
    }
    if (directive === 'root') {
      replaced.root += 1;
      return `${indent}root ${webRoot};`;
    }
    return line;
  });
  if (replaced.listen !== 1 || replaced.root !== 1)
    throw new Error(
      `README.md's nginx block should have one listen and one root directive; it has ${replaced.listen} and ${replaced.root}.`,
    );
  return lines.join('\n');
}

/** What `npm run headers -- --base=<base>` prints, as the README tells the reader to save it. */
function explainerConf(base: string): string {
  return execFileSync('npm', ['run', '--silent', 'headers', '--', `--base=${base}`], {
    encoding: 'utf8',
  });
}

it('the README has one nginx recipe, with no types block of its own', () => {
  expect(recipes).toHaveLength(1);
  expect(recipes[0]).toContain('include explainer.conf;');
  expect(recipes[0]).not.toMatch(/^\s*types\b/m);
});

const rules = readHeaders();
const [firstChapter] = readArticle().chapters;

describe.each([
  { dist: 'dist', base: '/' },
  { dist: 'dist-subpath', base: '/explainer/' },
])('the README recipe serving $dist at $base', ({ dist, base }) => {
  let site: StaticSite | undefined;
  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(
        `${dist}/ is missing: run \`npm run build\` and \`npm run build:subpath\` first (or \`npm test\`).`,
      );
    site = await serveWithNginx(dist, base, {
      server: recipeFor,
      files: { 'explainer.conf': explainerConf(base) },
    });
  });
  afterAll(async () => site?.stop());
  const get = (path: string) => fetch(new URL(path, site!.url));

  it('serves the home page and a chapter as text/html, with the headers of public/_headers', async () => {
    for (const path of ['', `chapters/${firstChapter!.id}/`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html\b/);
      for (const [name, value] of headersFor(rules, `/${path}`))
        expect(response.headers.get(name), `${path}: ${name}`).toBe(value);
    }
  });

  it("serves search's files as they are, with sane types", async () => {
    const script = await get('pagefind/pagefind.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^(application|text)\/javascript\b/);
    const binaries = readdirSync(join(dist, 'pagefind')).filter(
      (name) => name.endsWith('.pf_meta') || name.endsWith('.pagefind'),
    );
    expect(binaries.length).toBeGreaterThan(0);
    for (const name of binaries) {
      const response = await get(`pagefind/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type'), name).toBe('application/octet-stream');
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(readFileSync(join(dist, 'pagefind', name))), name).toBe(true);
    }
  });

  it('answers an unknown page with the 404 page and status 404', async () => {
    const response = await get('no-such-page/');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html\b/);
    expect(await response.text()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
  });
});
