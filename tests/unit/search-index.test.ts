import { describe, it, expect, vi } from 'vitest';
import { mkdtemp, mkdir, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSearchIndex,
  type IndexedTextReader,
  type PagefindApi,
} from '../../src/search/index-integration.ts';
import { namesBodyAttribute } from '../../src/search/indexed-html.ts';

interface Step {
  create?: string[];
  add?: string[];
  write?: string[];
}

/** A stand-in for Pagefind's Node API that answers each step with the given errors. */
function fakePagefind(step: Step) {
  const close = vi.fn(() => Promise.resolve(null));
  const index = {
    addHTMLFile: vi.fn(() => Promise.resolve({ errors: step.add ?? [] })),
    writeFiles: vi.fn(({ outputPath }: { outputPath: string }) =>
      Promise.resolve({ errors: step.write ?? [], outputPath }),
    ),
  };
  const api = {
    createIndex: vi.fn(() =>
      Promise.resolve({
        errors: step.create ?? [],
        index: step.create?.length ? undefined : index,
      }),
    ),
    close,
  } as unknown as PagefindApi;
  return { api, index, close };
}

/** A reader of the indexed text that keeps each page's, trimmed. */
function collector(): IndexedTextReader<string[]> {
  const texts: string[] = [];
  return { add: (text) => texts.push(text.trim()), finish: () => Promise.resolve(texts) };
}

/** A site folder with a page that marks its body and one that does not. */
async function withSite(run: (site: string) => Promise<void>): Promise<void> {
  const site = await mkdtemp(join(tmpdir(), 'search-index-'));
  try {
    await writeFile(
      join(site, 'index.html'),
      '<!doctype html><html><body><main data-pagefind-body><p>Page</p></main></body></html>',
    );
    await writeFile(
      join(site, 'print.html'),
      '<!doctype html><html><body><main><p>Every chapter</p></main></body></html>',
    );
    await run(site);
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

describe('buildSearchIndex', () => {
  it.each([
    [
      'creating the index',
      { create: ['unknown option'] },
      /creating the index failed for \S+:\n\s+unknown option/,
    ],
    [
      'reading a page',
      { add: ['could not parse'] },
      /reading index\.html failed for \S+:\n\s+could not parse/,
    ],
    [
      'writing the bundle',
      { write: ['disk full'] },
      /writing the bundle failed for \S+:\n\s+disk full/,
    ],
  ])('fails clearly on %s, and still stops Pagefind', async (_, step, message) => {
    const { api, close } = fakePagefind(step);
    await withSite(async (site) => {
      await expect(buildSearchIndex(site, api)).rejects.toThrow(message);
    });
    expect(close).toHaveBeenCalledOnce();
  });

  it('fails clearly when the site has no page, and still stops Pagefind', async () => {
    const { api, close } = fakePagefind({});
    const site = await mkdtemp(join(tmpdir(), 'search-index-'));
    try {
      await expect(buildSearchIndex(site, api)).rejects.toThrow(/no HTML pages found in/);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
    expect(close).toHaveBeenCalledOnce();
  });

  it('sends Pagefind only the pages that mark a body, as it would keep only those', async () => {
    const { api, index } = fakePagefind({});
    await withSite(async (site) => {
      const result = await buildSearchIndex(site, api, collector());
      expect(result.read).toEqual(['Page']);
    });
    expect(index.addHTMLFile).toHaveBeenCalledOnce();
    expect(index.addHTMLFile).toHaveBeenCalledWith(
      expect.objectContaining({ sourcePath: 'index.html' }),
    );
  });

  it('hands the reader each page as Pagefind gets it, finishes it while Pagefind writes, and returns what it gives', async () => {
    const { api, index } = fakePagefind({});
    const events: string[] = [];
    index.addHTMLFile.mockImplementation(() => {
      events.push('page sent');
      return Promise.resolve({ errors: [] });
    });
    index.writeFiles.mockImplementationOnce(async ({ outputPath }) => {
      events.push('write asked');
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push('write done');
      return { errors: [], outputPath };
    });
    await withSite(async (site) => {
      const texts: string[] = [];
      const result = await buildSearchIndex(site, api, {
        add: (text: string) => {
          events.push('page read');
          texts.push(text.trim());
        },
        finish: () => {
          events.push('finish');
          return Promise.resolve(texts.join('|'));
        },
      });
      expect(result.read).toBe('Page');
    });
    expect(events).toEqual(['page sent', 'page read', 'write asked', 'finish', 'write done']);
  });

  it('fails with what the reader throws, once Pagefind has written, and still stops it', async () => {
    const { api, index, close } = fakePagefind({});
    let written = false;
    index.writeFiles.mockImplementationOnce(async ({ outputPath }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      written = true;
      return { errors: [], outputPath };
    });
    await withSite(async (site) => {
      await expect(
        buildSearchIndex(site, api, {
          add: () => undefined,
          finish: () => Promise.reject(new Error('bad spellings.yaml')),
        }),
      ).rejects.toThrow('bad spellings.yaml');
    });
    expect(written).toBe(true);
    expect(close).toHaveBeenCalledOnce();
  });

  it('stops Pagefind when its service throws', async () => {
    const { api, index, close } = fakePagefind({});
    index.addHTMLFile.mockRejectedValueOnce(new Error('service died'));
    await withSite(async (site) => {
      await expect(buildSearchIndex(site, api)).rejects.toThrow('service died');
    });
    expect(close).toHaveBeenCalledOnce();
  });

  it('indexes only the marked body of real HTML and writes the bundle into the site', async () => {
    const site = await mkdtemp(join(tmpdir(), 'search-index-'));
    try {
      await mkdir(join(site, 'chapters', 'one'), { recursive: true });
      await writeFile(
        join(site, 'chapters', 'one', 'index.html'),
        `<!doctype html><html lang="en-GB"><head><title>One</title></head><body>
           <nav>Navigation words</nav>
           <article data-pagefind-body data-pagefind-filter="chapter:1. One"><h1>One</h1><p>Iskander missile</p></article>
         </body></html>`,
      );
      await writeFile(
        join(site, 'index.html'),
        '<!doctype html><html lang="en-GB"><body><p>Contents page</p></body></html>',
      );
      const result = await buildSearchIndex(site);
      expect(result.outputPath).toBe(join(site, 'pagefind'));
      const entry = JSON.parse(
        await readFile(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'),
      ) as { languages: Record<string, { page_count: number }> };
      // Two HTML files read, one page in the index: the one marked as article text.
      expect(result.pageCount).toBe(2);
      expect(entry.languages['en-gb']?.page_count).toBe(1);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});

describe('namesBodyAttribute', () => {
  const MEGABYTE = 1 << 20;
  const page = (before: number, mark: string) =>
    Buffer.from(`<p>${'é'.repeat(before)}</p><main ${mark}><p>Page</p></main>`);

  it('finds the mark in any case, wherever it stands, across the parts a large page is read in', () => {
    expect(namesBodyAttribute(page(10, 'data-pagefind-body'))).toBe(true);
    expect(namesBodyAttribute(page(10, 'DATA-Pagefind-Body'))).toBe(true);
    // Two-byte letters put the mark across the first megabyte's end, and then past it.
    for (const before of [MEGABYTE / 2 - 10, MEGABYTE / 2 - 5, MEGABYTE, 3 * MEGABYTE])
      expect(namesBodyAttribute(page(before, 'Data-Pagefind-Body')), String(before)).toBe(true);
  });

  it('answers no for a page that never names it', () => {
    expect(namesBodyAttribute(page(10, 'data-pagefind-ignore'))).toBe(false);
    expect(namesBodyAttribute(page(MEGABYTE, 'data-pagefind-bod'))).toBe(false);
    expect(namesBodyAttribute(Buffer.alloc(0))).toBe(false);
  });
});
