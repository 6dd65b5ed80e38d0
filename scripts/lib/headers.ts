/**
 * The site's HTTP headers, read from `public/_headers` (the format Netlify and Cloudflare Pages
 * read: a path pattern on its own line, then indented `Name: value` lines). One file holds them;
 * this module turns it into what other servers need: nginx `location` blocks for the tests and the
 * README's recipe, and the headers for one path for our own static server.
 */
import { readFileSync } from 'node:fs';

export const HEADERS_FILE = new URL('../../public/_headers', import.meta.url);

export interface HeaderRule {
  /** `/*`, `/_astro/*` or an exact path, relative to the site's base path. */
  pattern: string;
  headers: [name: string, value: string][];
  /** Line of the pattern in the file, for messages. */
  line: number;
}

export class HeadersFileError extends Error {}

/** Parses a `_headers` file; a malformed line is an error naming the file and line. */
export function parseHeaders(text: string, file = 'public/_headers'): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const fail = (why: string): never => {
      throw new HeadersFileError(`${file}:${line}: ${why}`);
    };
    const content = raw.trimEnd();
    if (content.trim() === '' || content.trimStart().startsWith('#')) return;
    if (!/^\s/.test(content)) {
      if (!content.startsWith('/'))
        fail(`"${content}" is neither a path (starting with /) nor an indented header line.`);
      const star = content.indexOf('*');
      if (star !== -1 && (star !== content.length - 1 || !content.endsWith('/*')))
        fail(`"${content}": a * may only end a path, as in /_astro/*.`);
      rules.push({ pattern: content, headers: [], line });
      return;
    }
    const rule = rules.at(-1) ?? fail('a header line comes before any path.');
    const colon = content.indexOf(':');
    const name = content.slice(0, colon).trim();
    const value = content.slice(colon + 1).trim();
    if (colon === -1 || !/^[A-Za-z0-9-]+$/.test(name) || value === '')
      fail(`"${content.trim()}" is not a "Name: value" header line.`);
    rule.headers.push([name, value]);
  });
  for (const rule of rules) {
    if (rule.headers.length === 0)
      throw new HeadersFileError(`${file}:${rule.line}: ${rule.pattern} sets no header.`);
  }
  // Hosts join a header that two matching rules both set; forbid it so every host sends one value.
  for (const a of rules) {
    for (const b of rules) {
      if (a.line >= b.line || !(covers(a.pattern, b.pattern) || covers(b.pattern, a.pattern)))
        continue;
      for (const [name] of b.headers) {
        if (a.headers.some(([other]) => other.toLowerCase() === name.toLowerCase()))
          throw new HeadersFileError(
            `${file}:${b.line}: ${name} is already set for ${a.pattern} (line ${a.line}), which also matches ${b.pattern}; set it in one rule only.`,
          );
      }
    }
  }
  return rules;
}

export function readHeaders(file: URL = HEADERS_FILE): HeaderRule[] {
  return parseHeaders(readFileSync(file, 'utf8'), file.pathname);
}

/** Whether `pattern` matches every path that `other` matches. */
function covers(pattern: string, other: string): boolean {
  if (pattern.endsWith('*')) return other.startsWith(pattern.slice(0, -1));
  return pattern === other;
}

/** Whether a path (relative to the base path, starting with `/`) matches a pattern. */
export function matches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/** The headers to send for a path relative to the base path, e.g. `/_astro/a.css`. */
export function headersFor(rules: readonly HeaderRule[], path: string): [string, string][] {
  return rules.filter((rule) => matches(rule.pattern, path)).flatMap((rule) => rule.headers);
}

/**
 * nginx `location` blocks serving a site under `base` with these headers. nginx does not inherit
 * `add_header` into a location that has its own, so each block repeats the headers of every rule
 * that covers it. `body` goes into every block (e.g. `try_files $uri $uri/ =404;`).
 */
export function nginxLocations(rules: readonly HeaderRule[], base: string, body: string): string {
  const patterns = new Set(['/*', ...rules.map((rule) => rule.pattern)]);
  return [...patterns]
    .map((pattern) => {
      const exact = !pattern.endsWith('*');
      const location = `${exact ? '= ' : ''}${base}${pattern.slice(1).replace(/\*$/, '')}`;
      const lines = rules
        .filter((rule) => covers(rule.pattern, pattern))
        .flatMap((rule) => rule.headers)
        .map(([name, value]) => `  add_header ${name} "${value.replaceAll('"', '\\"')}" always;`);
      return [`location ${location} {`, `  ${body}`, ...lines, '}'].join('\n');
    })
    .join('\n');
}

/**
 * What an nginx `server` block needs to serve the site under `base`, as `npm run headers` prints it
 * for the README's recipe: the 404 page, and a `location` block per rule of `public/_headers` that
 * serves `/path/` from `/path/index.html` and sends that rule's headers.
 */
export function nginxSiteConfig(rules: readonly HeaderRule[], base: string): string {
  return [
    `error_page 404 ${base}404.html;`,
    nginxLocations(rules, base, 'try_files $uri $uri/ =404;'),
  ].join('\n');
}
