import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagramCache, cacheKey, type RenderedDiagram } from '../../src/lib/diagrams/cache.ts';
import { findFences } from '../../src/lib/diagrams/fences.ts';
import { DiagramService } from '../../src/lib/diagrams/service.ts';
import { renderSettings } from '../../src/lib/diagrams/settings.ts';

const SOURCE = `flowchart TD
  accTitle: Route test
  accDescr: A small test diagram.
  AZ[Azerbaijan] -->|gas via a pipeline| EU[Europe]
  AZ ---|neighbours| AM[Armenia]`;

const scratch = mkdtempSync(join(tmpdir(), 'diagrams-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function freshDir(name: string): string {
  return join(scratch, name);
}

describe('cache key', () => {
  const settings = renderSettings();

  test('is stable for the same source and settings, and ignores trailing whitespace', () => {
    expect(cacheKey(SOURCE, settings)).toBe(cacheKey(`${SOURCE}\n\n`, settings));
    expect(cacheKey(SOURCE, settings)).toMatch(/^[0-9a-f]{16}$/);
  });

  test('changes when the source, the Mermaid version or a render setting changes', () => {
    const key = cacheKey(SOURCE, settings);
    expect(cacheKey(SOURCE.replace('Europe', 'Ukraine'), settings)).not.toBe(key);
    expect(cacheKey(SOURCE, { ...settings, mermaid: '12.9.9' })).not.toBe(key);
    expect(
      cacheKey(SOURCE, {
        ...settings,
        config: { ...(settings['config'] as object), theme: 'dark' },
      }),
    ).not.toBe(key);
  });

  test('includes the installed Mermaid version', () => {
    expect(renderSettings()['mermaid']).toMatch(/^12\./);
  });
});

describe('cache folder', () => {
  const entry: RenderedDiagram = {
    svg: '<svg id="diagram-x"></svg>',
    title: 'T',
    description: 'D',
    relations: ['A → B'],
  };

  test('reads back what it wrote and misses unknown keys', () => {
    const cache = new DiagramCache(freshDir('roundtrip'));
    cache.write('0123456789abcdef', entry);
    expect(cache.read('0123456789abcdef')).toEqual(entry);
    expect(cache.read('fedcba9876543210')).toBeUndefined();
  });

  test('prunes entries no longer used and keeps other files', () => {
    const dir = freshDir('prune');
    const cache = new DiagramCache(dir);
    cache.write('aaaaaaaaaaaaaaaa', entry);
    cache.write('bbbbbbbbbbbbbbbb', entry);
    writeFileSync(join(dir, 'labels.woff2'), 'font');
    expect(cache.prune(new Set(['aaaaaaaaaaaaaaaa']))).toEqual(['bbbbbbbbbbbbbbbb']);
    expect(readdirSync(dir).sort()).toEqual([
      'aaaaaaaaaaaaaaaa.json',
      'aaaaaaaaaaaaaaaa.svg',
      'labels.woff2',
    ]);
  });
});

describe('fences', () => {
  test('are found with their file and the line of the opening fence', () => {
    const file = join(scratch, 'chapter.mdx');
    writeFileSync(
      file,
      `---\ntitle: T\n---\n\nA paragraph.\n\n\`\`\`mermaid\n${SOURCE}\n\`\`\`\n\n\`\`\`js\nnot a diagram\n\`\`\`\n`,
    );
    expect(findFences(file, scratch)).toEqual([{ source: SOURCE, file: 'chapter.mdx', line: 7 }]);
  });
});

describe('rendering with a real browser', () => {
  let service: DiagramService;
  beforeAll(() => {
    service = new DiagramService({ cacheDir: freshDir('render') });
  });
  afterAll(() => service.close());

  test('renders accessible, self-contained SVG and a text alternative from the parsed model', async () => {
    const diagram = await service.diagramFor({
      source: SOURCE,
      file: 'content/chapters/t.mdx',
      line: 3,
    });
    const prefix = `diagram-${service.keyOf(SOURCE)}`;
    expect(diagram.title).toBe('Route test');
    expect(diagram.description).toBe('A small test diagram.');
    expect(diagram.relations).toEqual([
      'Azerbaijan — gas via a pipeline → Europe',
      'Azerbaijan — neighbours — Armenia',
    ]);
    expect(diagram.svg).toMatch(
      /^<svg id="diagram-[0-9a-f]{16}" class="diagram__svg"[^>]* role="img"[^>]* data-pagefind-ignore>/,
    );
    expect(diagram.svg).not.toContain('<style');
    expect(diagram.svg).not.toContain('foreignObject');
    expect(diagram.svg).toContain('>Europe</tspan>');
    const ids = [...diagram.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(id).toContain(prefix);
    // Every internal reference points at an id that exists.
    for (const [, ref] of diagram.svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
    expect(service.cache.read(service.keyOf(SOURCE))).toEqual(diagram);
  });

  test('invalid syntax fails with Mermaid’s own message, naming the file and line of the fence', async () => {
    const broken = 'flowchart TD\n  accTitle: Broken\n  A -->|label B\n  B --> ]';
    await expect(
      service.diagramFor({ source: broken, file: 'content/chapters/energy.mdx', line: 42 }),
    ).rejects.toThrow(
      /Invalid Mermaid diagram in the fence at content\/chapters\/energy\.mdx:42: Parse error on line \d+/,
    );
  });

  test('a diagram without accTitle is refused, since it has no caption or accessible name', async () => {
    await expect(
      service.diagramFor({ source: 'flowchart TD\n  A --> B', file: 'x.mdx', line: 5 }),
    ).rejects.toThrow(/x\.mdx:5 has no accTitle/);
  });
});

describe('without a browser', () => {
  const noBrowser = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' };

  test('a new or changed diagram fails, naming it and saying how to get a browser', async () => {
    const service = new DiagramService({ cacheDir: freshDir('no-browser'), env: noBrowser });
    const error = await service
      .diagramFor({ source: SOURCE, file: 'content/chapters/energy.mdx', line: 9 })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /The diagram "Route test" at content\/chapters\/energy\.mdx:9 is new or changed/,
    );
    expect((error as Error).message).toMatch(/CHROMIUM_PATH/);
    expect((error as Error).message).toMatch(/npx playwright install chromium/);
  });

  test('an unchanged diagram is served from the cache without starting a browser', async () => {
    const dir = freshDir('warm');
    const warm = new DiagramService({ cacheDir: dir });
    const rendered = await warm.diagramFor({ source: SOURCE, file: 'a.mdx', line: 1 });
    await warm.close();
    const offline = new DiagramService({ cacheDir: dir, env: noBrowser });
    expect(await offline.prepare([{ source: SOURCE, file: 'a.mdx', line: 1 }])).toEqual({
      rendered: 0,
      cached: 1,
    });
    expect(await offline.diagramFor({ source: SOURCE, file: 'a.mdx', line: 1 })).toEqual(rendered);
  });
});
