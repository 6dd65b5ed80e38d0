import { stripVTControlCharacters } from 'node:util';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set([
  'node_modules',
  'dist',
  'dist-subpath',
  'playwright-report',
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

/**
 * The environment without what a test runner sets for its own Vite (Vitest puts BASE_URL, MODE,
 * DEV, PROD, SSR and NODE_ENV=test into process.env): inherited, they would change the build.
 */
function cleanEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const runnerOwn = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !runnerOwn.has(name) && !name.startsWith('VITEST')),
  );
}

/** What a command run in a project folder gave: its exit code and its output, without colours. */
export interface ProjectRun {
  status: number | null;
  output: string;
}

/** Runs a program in a project folder with the environment a user's shell would give it. */
function runIn(
  dir: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeout: number,
): ProjectRun {
  const result = spawnSync(command, args, {
    cwd: dir,
    env: { ...cleanEnvironment(process.env), ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout,
  });
  return {
    status: result.status,
    output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`),
  };
}

/**
 * Runs `astro build` (plus `args`, e.g. `--outDir`) in a project folder with the project's own
 * Node; returns its exit code and output.
 */
export function buildProject(
  dir: string,
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
): ProjectRun {
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  return runIn(dir, process.execPath, [astro, 'build', ...args], env, 240_000);
}

/**
 * Runs a shell command line in a project folder, as a reader would type it there (e.g. a README
 * recipe's `SITE_URL=… npm run pdf`); returns its exit code and output.
 */
export function runInProject(
  dir: string,
  command: string,
  env: NodeJS.ProcessEnv = {},
): ProjectRun {
  return runIn(dir, 'sh', ['-c', command], env, 300_000);
}

/**
 * `astro dev` in a project folder with the project's own Node, on a free port; resolves once the
 * site answers at its base path. `stop` ends the server.
 */
export async function startDevServer(
  dir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ origin: string; stop(): void }> {
  const port = await freePort();
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const server = spawn(
    process.execPath,
    [astro, 'dev', '--host', '127.0.0.1', '--port', `${port}`],
    {
      cwd: dir,
      env: { ...cleanEnvironment(process.env), ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: 'ignore',
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => server.kill();
  const home = new URL(env['BASE_PATH'] ?? '/', origin);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (server.exitCode !== null) break;
    const answered = await fetch(home).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { origin, stop };
    await new Promise((wait) => setTimeout(wait, 250));
  }
  stop();
  const why =
    server.exitCode !== null ? `exited with code ${server.exitCode}` : 'did not answer in a minute';
  throw new Error(`astro dev in ${dir} ${why} (asked ${home.href})`);
}
