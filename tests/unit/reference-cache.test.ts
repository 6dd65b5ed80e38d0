import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CITATION_STYLES, formatReferences } from '../../src/share/cite/format.ts';
import { citationRecord } from '../../src/share/cite/record.ts';
import { ReferenceCache } from '../../src/share/cite/reference-cache.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 27);

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function cacheFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'reference-cache-'));
  folders.push(folder);
  return join(folder, 'references.json');
}

/** A record no other test formats: the formatter remembers what it made in this process. */
function record(title: string) {
  return citationRecord({
    id: title.toLowerCase().replaceAll(' ', '-'),
    title,
    url: new URL(`https://example.org/${encodeURIComponent(title)}/`),
    asOf: '2025-11',
    lang: 'en-GB',
  });
}

function storedEntries(file: string): Record<string, [string, number]> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, [string, number]> })
    .entries;
}

describe('the reference cache', () => {
  it('keeps what a build formatted, and a later build takes it from there, not from Citeproc', async () => {
    const file = cacheFile();
    const first = formatReferences(record('Cached Once'), [], new ReferenceCache(file, NOW));
    const kept = storedEntries(file);
    expect(Object.keys(kept).length).toBeGreaterThan(0);

    // Give each kept entry a word Citeproc would never write: a reference that shows it was read
    // from the file.
    const marked = Object.fromEntries(
      Object.entries(kept).map(([key, [html, used]]) => [
        key,
        [html.replace('Cached Once', 'Read From The Cache'), used],
      ]),
    );
    writeFileSync(file, JSON.stringify({ version: 1, entries: marked }));
    // A later build is a new process: the formatter remembers nothing it made before.
    vi.resetModules();
    const later = await import('../../src/share/cite/format.ts');
    const again = later.formatReferences(
      record('Cached Once'),
      [],
      new ReferenceCache(file, NOW + DAY / 2),
    );
    expect(again).not.toBe(first);
    for (const [index, style] of CITATION_STYLES.entries()) {
      const reference = again[index]!;
      const text = reference.html ?? reference.accessed.before + reference.accessed.after;
      expect(text, style.name).toContain('Read From The Cache');
    }
  });

  it('gives the references formatting without a cache gives, when it fills and when it is read', async () => {
    const file = cacheFile();
    const filling = formatReferences(record('Same Either Way'), [], new ReferenceCache(file, NOW));
    vi.resetModules();
    const { formatReferences: readingBuild } = await import('../../src/share/cite/format.ts');
    const reading = readingBuild(record('Same Either Way'), [], new ReferenceCache(file, NOW));
    vi.resetModules();
    const { formatReferences: uncachedBuild } = await import('../../src/share/cite/format.ts');
    const uncached = uncachedBuild(record('Same Either Way'));
    expect(filling).toEqual(uncached);
    expect(reading).toEqual(uncached);
  });

  it('keys an entry by the style, the locale, the options and the record', () => {
    const cache = new ReferenceCache(cacheFile(), NOW);
    const style = cache.styleKey({ xml: '<style/>' }, 'en-US', { format: 'html' });
    expect(cache.styleKey({ xml: '<style />' }, 'en-US', { format: 'html' })).not.toBe(style);
    expect(cache.styleKey({ xml: '<style/>' }, 'en-GB', { format: 'html' })).not.toBe(style);
    expect(cache.styleKey({ xml: '<style/>' }, 'en-US', { format: 'text' })).not.toBe(style);
    expect(cache.key(style, { title: 'A' })).toBe(cache.key(style, { title: 'A' }));
    expect(cache.key(style, { title: 'A' })).not.toBe(cache.key(style, { title: 'B' }));
  });

  it('drops entries no build used for thirty days when it writes, and keeps the rest', () => {
    const file = cacheFile();
    const old = new ReferenceCache(file, NOW - 40 * DAY);
    old.set('unused', '<i>unused</i>');
    old.set('used', '<i>used</i>');
    old.save();
    const recent = new ReferenceCache(file, NOW - 10 * DAY);
    recent.set('recent', '<i>recent</i>');
    recent.save();

    const now = new ReferenceCache(file, NOW);
    expect(now.get('used')).toBe('<i>used</i>');
    now.save();
    const entries = storedEntries(file);
    expect(Object.keys(entries).sort()).toEqual(['recent', 'used']);
    expect(entries['used']![1]).toBe(NOW);
    expect(entries['recent']![1]).toBe(NOW - 10 * DAY);
  });

  it('does not write when a build used only entries it had refreshed within a day', () => {
    const file = cacheFile();
    const first = new ReferenceCache(file, NOW);
    first.set('entry', '<i>entry</i>');
    first.save();
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('<i>entry</i>', '<i>still the first build’s</i>'));
    const later = new ReferenceCache(file, NOW + DAY / 2);
    expect(later.get('entry')).toBe('<i>still the first build’s</i>');
    later.save();
    expect(readFileSync(file, 'utf8')).toContain('still the first build’s');
  });

  it('warns once and goes on when it cannot write its file', () => {
    const blocked = cacheFile();
    writeFileSync(blocked, 'a file where the cache wants a folder');
    const cache = new ReferenceCache(join(blocked, 'references.json'), NOW);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      cache.set('entry', '<i>entry</i>');
      expect(() => cache.save()).not.toThrow();
      cache.set('another', '<i>another</i>');
      cache.save();
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]![0]).toMatch(/could not be written .*every build will format/);
      expect(cache.get('entry')).toBe('<i>entry</i>');
    } finally {
      warn.mockRestore();
    }
  });

  it('reads a missing, cut-short, foreign or malformed file as empty', () => {
    const missing = new ReferenceCache(join(cacheFile(), 'absent.json'), NOW);
    expect(missing.get('any')).toBeUndefined();
    for (const text of [
      '{"version":1,"entries":{"a":["x",',
      '{"version":99,"entries":{"a":["x",1]}}',
      '{"version":1,"entries":{"a":5}}',
    ]) {
      const file = cacheFile();
      writeFileSync(file, text);
      expect(new ReferenceCache(file, NOW).get('a')).toBeUndefined();
    }
  });
});
