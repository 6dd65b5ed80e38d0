import { readFileSync } from 'node:fs';
import { markdownToMdast, type MdastNode } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  headersFor,
  nginxLocations,
  parseHeaders,
  readHeaders,
} from '../../scripts/lib/headers.ts';

const SAMPLE = `# comment
/*
  X-One: a
  Content-Security-Policy: default-src 'self'

/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;

describe('the _headers file', () => {
  it('is read into rules with their lines', () => {
    expect(parseHeaders(SAMPLE)).toEqual([
      {
        pattern: '/*',
        line: 2,
        headers: [
          ['X-One', 'a'],
          ['Content-Security-Policy', "default-src 'self'"],
        ],
      },
      {
        pattern: '/_astro/*',
        line: 6,
        headers: [['Cache-Control', 'public, max-age=31536000, immutable']],
      },
    ]);
  });

  it('gives each path the headers of every rule that matches it', () => {
    const rules = parseHeaders(SAMPLE);
    expect(headersFor(rules, '/chapters/energy/').map(([name]) => name)).toEqual([
      'X-One',
      'Content-Security-Policy',
    ]);
    expect(headersFor(rules, '/_astro/a.css').map(([name]) => name)).toEqual([
      'X-One',
      'Content-Security-Policy',
      'Cache-Control',
    ]);
  });

  it('refuses malformed lines and a header two matching rules both set, naming the line', () => {
    expect(() => parseHeaders('  X-A: b\n')).toThrow(
      'public/_headers:1: a header line comes before any path.',
    );
    expect(() => parseHeaders('/*\n  no colon here\n')).toThrow(
      'public/_headers:2: "no colon here" is not a "Name: value" header line.',
    );
    expect(() => parseHeaders('chapters/*\n  X-A: b\n')).toThrow('public/_headers:1:');
    expect(() => parseHeaders('/a*b\n  X-A: b\n')).toThrow('a * may only end a path');
    expect(() => parseHeaders('/*\n  X-A: b\n/_astro/*\n  x-a: c\n')).toThrow(
      'public/_headers:3: x-a is already set for /* (line 1), which also matches /_astro/*; set it in one rule only.',
    );
  });

  it('becomes nginx locations under a base path, each repeating the headers it inherits', () => {
    const config = nginxLocations(parseHeaders(SAMPLE), '/explainer/', 'try_files $uri =404;');
    expect(config).toBe(
      [
        'location /explainer/ {',
        '  try_files $uri =404;',
        '  add_header X-One "a" always;',
        `  add_header Content-Security-Policy "default-src 'self'" always;`,
        '}',
        'location /explainer/_astro/ {',
        '  try_files $uri =404;',
        '  add_header X-One "a" always;',
        `  add_header Content-Security-Policy "default-src 'self'" always;`,
        '  add_header Cache-Control "public, max-age=31536000, immutable" always;',
        '}',
      ].join('\n'),
    );
  });

  it('public/_headers itself is valid and sends the CSP everywhere', () => {
    const rules = readHeaders();
    expect(headersFor(rules, '/').map(([name]) => name)).toContain('Content-Security-Policy');
  });
});

/** Code blocks of the README, parsed as Markdown. */
function codeBlocks(node: MdastNode): string[] {
  if (node.type === 'code' && 'value' in node) return [String(node.value)];
  return 'children' in node ? (node.children as MdastNode[]).flatMap(codeBlocks) : [];
}

describe('the README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = codeBlocks(markdownToMdast(readme));
  const rules = readHeaders();
  const values = new Map(
    rules.flatMap((rule) => rule.headers).map(([n, v]) => [n.toLowerCase(), v]),
  );

  it('shows a header value only as public/_headers sets it', () => {
    const shown = blocks.flatMap((block) => [
      ...[...block.matchAll(/^\s*([A-Za-z-]+):\s*(.+?)\s*$/gm)].map((m) => [m[1]!, m[2]!]),
      ...[...block.matchAll(/add_header\s+([A-Za-z-]+)\s+"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
      ...[...block.matchAll(/--cache-control "([^"]+)"/g)].map((m) => ['Cache-Control', m[1]!]),
    ]);
    const headers = shown.filter(([name]) => values.has(name!.toLowerCase()));
    // The S3 recipe sets the cache header for _astro/ itself: that value at least is shown.
    expect(headers.map(([name]) => name)).toContain('Cache-Control');
    for (const [name, value] of headers)
      expect(value, `README shows ${name}`).toBe(values.get(name!.toLowerCase()));
  });

  it('points to public/_headers', () => {
    expect(readme).toContain('public/_headers');
  });
});
