import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readArticle } from '../../src/article/chapters.ts';
import { DiagramCache } from '../../src/diagrams/cache.ts';
import { DEFAULT_CACHE_DIR } from '../../src/diagrams/index.ts';
import { DiagramService } from '../../src/diagrams/service.ts';
import { serializeSvg } from '../../src/diagrams/svg.ts';
import { NO_BROWSER, TEST_DIAGRAM, scratchFolder } from '../support/diagram-scratch.ts';

const freshDir = scratchFolder();

describe('rendering with a real browser', () => {
  let service: DiagramService;
  beforeAll(() => {
    service = new DiagramService({ cacheDir: freshDir('render') });
  });
  afterAll(() => service.close());

  test('renders accessible, self-contained SVG and a text alternative from the parsed model', async () => {
    const diagram = await service.diagramFor({
      source: TEST_DIAGRAM,
      file: 'content/chapters/t.mdx',
      line: 3,
    });
    const prefix = `diagram-${service.keyOf(TEST_DIAGRAM)}`;
    expect(diagram.title).toBe('Route test');
    expect(diagram.description).toBe('A small test diagram.');
    expect(diagram.relations).toEqual([
      'Azerbaijan — gas via a pipeline → Europe',
      'Azerbaijan — neighbours — Armenia',
    ]);
    expect(diagram.characters).toBe(' AEabeghijlmnoprsuvz');
    const svg = serializeSvg(diagram.svg);
    expect(svg).toMatch(
      /^<svg id="diagram-[0-9a-f]{16}" class="diagram__svg"[^>]* role="img"[^>]* data-pagefind-ignore="">/,
    );
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('foreignObject');
    expect(svg).toContain('>Europe</tspan>');
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(id).toContain(prefix);
    // Every internal reference points at an id that exists.
    for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
    expect(service.cache.read(service.keyOf(TEST_DIAGRAM))).toEqual({ ...diagram, svg });
  });

  test('renders many at once on several pages exactly as one at a time', async () => {
    const sources = ['Europe', 'Türkiye', 'Georgia', 'Iran'].map((place) =>
      TEST_DIAGRAM.replace('Europe', place),
    );
    const fence = (source: string) => ({ source, file: 'x.mdx', line: 1 });
    const parallel = new DiagramService({ cacheDir: freshDir('parallel'), concurrency: 3 });
    const serial = new DiagramService({ cacheDir: freshDir('serial'), concurrency: 1 });
    try {
      const together = await Promise.all(sources.map((s) => parallel.diagramFor(fence(s))));
      for (const [i, source] of sources.entries()) {
        const alone = await serial.diagramFor(fence(source));
        expect(serializeSvg(together[i]!.svg)).toBe(serializeSvg(alone.svg));
        expect(together[i]!.relations).toEqual(alone.relations);
      }
    } finally {
      await Promise.all([parallel.close(), serial.close()]);
    }
  });

  test('every committed render is what the renderer draws today, byte for byte', async () => {
    // The cache is committed and read without a browser; it is only right if drawing the article's
    // diagrams anew gives the same files (the renderer's own changes to Mermaid draw the same).
    const committed = new DiagramCache(DEFAULT_CACHE_DIR);
    const fresh = new DiagramService({ cacheDir: freshDir('article'), ignoreCache: true });
    try {
      const fences = readArticle().chapters.flatMap((chapter) =>
        chapter.outline.diagrams.map((diagram) => ({ ...diagram, file: chapter.outline.file })),
      );
      expect(fences.length).toBeGreaterThan(5);
      const drawn = await Promise.all(fences.map((fence) => fresh.diagramFor(fence)));
      for (const [i, fence] of fences.entries()) {
        const record = committed.read(fresh.keyOf(fence.source));
        expect(record, `${fence.file}:${fence.line} has no committed render`).toBeDefined();
        expect(serializeSvg(drawn[i]!.svg), `${fence.file}:${fence.line}`).toBe(record!.svg);
        expect({ ...drawn[i]!, svg: record!.svg }).toEqual(record);
      }
    } finally {
      await fresh.close();
    }
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

  test('a diagram other than a flowchart is refused, since its text alternative cannot be read', async () => {
    await expect(
      service.diagramFor({
        source: 'sequenceDiagram\n  accTitle: Talks\n  Baku->>Moscow: note',
        file: 'x.mdx',
        line: 8,
      }),
    ).rejects.toThrow(/x\.mdx:8 is a "sequence"; only flowcharts/);
  });
});

describe('without a browser', () => {
  test('a new or changed diagram fails, naming it and saying how to get a browser', async () => {
    const service = new DiagramService({ cacheDir: freshDir('no-browser'), env: NO_BROWSER });
    const error = await service
      .diagramFor({ source: TEST_DIAGRAM, file: 'content/chapters/energy.mdx', line: 9 })
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
    const rendered = await warm.diagramFor({ source: TEST_DIAGRAM, file: 'a.mdx', line: 1 });
    await warm.close();
    const offline = new DiagramService({ cacheDir: dir, env: NO_BROWSER });
    const served = await offline.diagramFor({ source: TEST_DIAGRAM, file: 'a.mdx', line: 1 });
    expect(serializeSvg(served.svg)).toBe(serializeSvg(rendered.svg));
    expect(await offline.finish({ prune: false })).toMatchObject({ rendered: 0, cached: 1 });
  });
});
