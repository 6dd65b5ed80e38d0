import { stripVTControlCharacters } from 'node:util';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  'test-results',
  'screenshots',
  'reports',
]);

/** A throwaway copy of the project (sharing node_modules) to break on purpose and build. */
export function copyProject(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'site-fixture-'));
  cpSync(PROJECT_ROOT, dir, {
    recursive: true,
    filter: (source) => !SKIP.has(source.slice(PROJECT_ROOT.length + 1).split('/')[0] ?? ''),
  });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `astro build` in a project folder with the project's own Node; returns its exit code and output. */
export function buildProject(
  dir: string,
  env: NodeJS.ProcessEnv = {},
): { status: number | null; output: string } {
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return {
    status: result.status,
    output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`),
  };
}
