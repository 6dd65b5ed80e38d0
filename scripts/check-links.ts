/**
 * Link and anchor checker over a built site: `node scripts/check-links.ts [--dist=dist] [--base=/]`
 * (`npm run check:links` checks both builds the tests use).
 * Every internal link, asset reference and `#anchor` on every page must resolve to a file in the
 * output (a `/path/` to `/path/index.html`, as a plain static host maps it). Prints one line per
 * broken link, naming the page and the link, and exits non-zero if there is any.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { basePath } from '../src/lib/deploy-target.ts';
import { distFiles, pagePath } from './lib/dist-files.ts';

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

const REFERENCES = [
  ['a', 'href'],
  ['link', 'href'],
  ['script', 'src'],
  ['img', 'src'],
  ['source', 'src'],
  ['use', 'href'],
] as const;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

export async function checkLinks(distDir: string, sitePath = '/'): Promise<BrokenLink[]> {
  const base = basePath({ BASE_PATH: sitePath });
  const origin = 'http://site.invalid';
  const idsByFile = new Map<string, Set<string>>();
  const documents = new Map<string, { page: string; document: Document }>();
  for (const relativeFile of distFiles(distDir, '.html')) {
    const file = join(distDir, relativeFile);
    const { document } = parseHTML(await readFile(file, 'utf8'));
    documents.set(file, { page: pagePath(relativeFile, base), document });
    idsByFile.set(
      file,
      new Set([...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id')!)),
    );
  }

  const broken: BrokenLink[] = [];
  for (const { page, document } of documents.values()) {
    const pageUrl = new URL(page, origin);
    for (const [tag, attribute] of REFERENCES) {
      for (const element of document.querySelectorAll(`${tag}[${attribute}]`)) {
        const link = element.getAttribute(attribute)!;
        if (/^(mailto|tel|data|javascript):/i.test(link)) continue;
        const url = new URL(link, pageUrl);
        if (url.origin !== origin) continue;
        if (!url.pathname.startsWith(base)) {
          broken.push({ page, link, reason: `outside the base path ${base}` });
          continue;
        }
        const target = await resolveTarget(distDir, url.pathname.slice(base.length));
        if (!target) {
          broken.push({ page, link, reason: 'no such file in the output' });
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('.html') && !idsByFile.get(target)?.has(fragment)) {
          broken.push({
            page,
            link,
            reason: `no element with id "${fragment}" on the target page`,
          });
        }
      }
    }
  }
  return broken;
}

/** What a plain static host serves for a path, or undefined for a 404. */
async function resolveTarget(distDir: string, path: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(path);
  if (decoded === '' || decoded.endsWith('/')) {
    const index = join(distDir, decoded, 'index.html');
    return (await isFile(index)) ? index : undefined;
  }
  const file = join(distDir, decoded);
  return (await isFile(file)) ? file : undefined;
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.link} — ${b.reason}`).join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
    },
  });
  const { dist: distDir, base: sitePath } = values;
  const broken = await checkLinks(distDir, sitePath);
  if (broken.length) {
    console.error(`${broken.length} broken link(s) in ${distDir}:\n${formatBrokenLinks(broken)}`);
    process.exit(1);
  }
  console.log(`No broken internal links or anchors in ${distDir} (base ${sitePath}).`);
}
