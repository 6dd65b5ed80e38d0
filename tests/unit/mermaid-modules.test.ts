import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  COPY_GLOBAL,
  MermaidModules,
  installConfigCopy,
  withFastConfigCopy,
} from '../../src/diagrams/mermaid-modules.ts';
import { packageDir } from '../../src/diagrams/settings.ts';

const chunksDir = join(packageDir('mermaid'), 'dist', 'chunks', 'mermaid.esm.min');
const chunks = readdirSync(chunksDir).filter((file) => file.endsWith('.mjs'));

/** The one chunk of the installed Mermaid the renderer serves changed (the first test checks it is one). */
function patchedChunk(): { file: string; code: string; patched: string } {
  const [chunk] = patchedChunks();
  if (!chunk)
    throw new Error('no module of the installed Mermaid defines the getConfig it replaces');
  return chunk;
}

/** The installed Mermaid's chunks that the renderer serves changed. */
function patchedChunks(): { file: string; code: string; patched: string }[] {
  return chunks.flatMap((file) => {
    const code = readFileSync(join(chunksDir, file), 'utf8');
    const patched = withFastConfigCopy(code);
    return patched === undefined ? [] : [{ file, code, patched }];
  });
}

type Merge = (into: object, from: object) => object;

/** Mermaid's own functions, found among a chunk's exports by the names its build gives them. */
async function mermaidFunctions(file: string): Promise<{ merge: Merge; getConfig: () => object }> {
  const exports = Object.values(
    (await import(join(chunksDir, file))) as Record<string, unknown>,
  ).filter((value): value is (...args: never[]) => unknown => typeof value === 'function');
  const named = (name: string) => exports.find((fn) => fn.name === name);
  return {
    merge: named('assignWithDepth') as unknown as Merge,
    getConfig: named('getConfig') as unknown as () => object,
  };
}

function pageCopy(): (config: object) => object {
  const page: Record<string, unknown> = {};
  installConfigCopy(COPY_GLOBAL, page);
  return page[COPY_GLOBAL] as (config: object) => object;
}

/**
 * Asserts two copies of `source` are alike: equal entries, and at every place the same choice
 * between a fresh object and the very object of the source.
 */
function expectSameCopy(ours: unknown, theirs: unknown, source: unknown, path = 'config'): void {
  if (typeof theirs !== 'object' || theirs === null) {
    expect(ours, path).toBe(theirs);
    return;
  }
  expect(ours === source, `${path} shared`).toBe(theirs === source);
  expect(Array.isArray(ours), `${path} is an array`).toBe(Array.isArray(theirs));
  expect(Object.keys(ours as object), `${path} keys`).toEqual(Object.keys(theirs));
  for (const key of Object.keys(theirs)) {
    const from =
      typeof source === 'object' && source !== null
        ? (source as Record<string, unknown>)[key]
        : undefined;
    expectSameCopy(
      (ours as Record<string, unknown>)[key],
      (theirs as Record<string, unknown>)[key],
      from,
      `${path}.${key}`,
    );
  }
}

describe("the renderer's faster configuration copy", () => {
  test('applies to exactly one module of the installed Mermaid, its getConfig', () => {
    expect(patchedChunks()).toHaveLength(1);
    const { code, patched: text } = patchedChunk();
    expect(text).toContain(`globalThis.${COPY_GLOBAL}(`);
    // One call is all that changed.
    expect(text.length - code.length).toBeLessThan(60);
  });

  test('copies what Mermaid’s own merge copies, on Mermaid’s configuration', async () => {
    const { file } = patchedChunk();
    const { merge, getConfig } = await mermaidFunctions(file);
    expect(merge).toBeTypeOf('function');
    const config = getConfig();
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['flowchart', 'themeVariables']));
    expectSameCopy(pageCopy()(config), merge({}, config), config);
  });

  test('copies what Mermaid’s own merge copies, at every depth and for every kind of value', async () => {
    const { file } = patchedChunk();
    const { merge } = await mermaidFunctions(file);
    class Theme {
      primaryColor = '#fff';
      fontSize = 16;
      describe(): string {
        return 'a theme';
      }
    }
    const deep = { level: 4 };
    const source = {
      text: 'a',
      count: 2,
      off: false,
      missing: null,
      unset: undefined,
      draw: () => 'drawn',
      list: ['x', 'y', 'x'],
      theme: new Theme(),
      section: {
        missing: null,
        list: [1, 2, 2, { n: 3 }],
        nested: { missing: null, list: ['a', 'a'], deeper: deep },
      },
    };
    expectSameCopy(pageCopy()(source), merge({}, source), source);
  });
});

describe('the modules the renderer serves', () => {
  const modules = new MermaidModules('<!doctype html><title>t</title>');

  test('the page at the root, and Mermaid’s modules as JavaScript', () => {
    expect(modules.respond('/')).toMatchObject({
      status: 200,
      body: '<!doctype html><title>t</title>',
    });
    const entry = modules.respond('/mermaid.esm.min.mjs');
    expect(entry).toMatchObject({ status: 200, contentType: 'text/javascript' });
    expect(entry.body).toContain('./chunks/mermaid.esm.min/');
  });

  test('nothing outside Mermaid’s modules', () => {
    expect(modules.respond('/../package.json').status).toBe(404);
    expect(modules.respond('/%2e%2e/%2e%2e/package.json').status).toBe(404);
    expect(modules.respond('/mermaid.js').status).toBe(404);
    // Answered at once rather than left hanging: a module that is not there, a malformed path.
    expect(modules.respond('/chunks/mermaid.esm.min/no-such-chunk.mjs').status).toBe(404);
    expect(modules.respond('/%E0%A4%A.mjs').status).toBe(404);
  });
});
