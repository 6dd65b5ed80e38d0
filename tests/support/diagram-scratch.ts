import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A small diagram of the article's kind: a title, a description, a labelled arrow and a line. */
export const TEST_DIAGRAM = `flowchart TD
  accTitle: Route test
  accDescr: A small test diagram.
  AZ[Azerbaijan] -->|gas via a pipeline| EU[Europe]
  AZ ---|neighbours| AM[Armenia]`;

/** The environment of a build on a machine with no Chromium. */
export const NO_BROWSER = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' };

/**
 * A scratch folder for the calling test file, deleted after its tests; returns a path inside it by
 * name, e.g. one cache folder per test.
 */
export function scratchFolder(): (name: string) => string {
  const scratch = mkdtempSync(join(tmpdir(), 'diagrams-test-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  return (name) => join(scratch, name);
}
