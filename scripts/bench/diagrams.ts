import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast, type MdastNode } from 'satteri';
import { copyProject } from '../lib/project-copy.ts';
import { addSyntheticChapters } from './scaling.ts';

export interface DiagramsRun {
  /** Diagrams the build had to render (none of them in the cache). */
  rendered: number;
  /** Diagrams on the site in all. */
  diagrams: number;
  /** Wall time from the first render asked for to the last one finished, as the build logs it. */
  renderSeconds: number;
  /** The whole `astro build`. */
  buildSeconds: number;
}

/** The ```mermaid fences of an MDX file, exactly as written, found by the parser. */
function fencesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const fences: string[] = [];
  const visit = (node: MdastNode): void => {
    if (node.type === 'code' && node.lang === 'mermaid' && node.position)
      fences.push(text.slice(node.position.start.offset, node.position.end.offset));
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(mdxToMdast(text));
  return fences;
}

/** A fence made new to the cache by a Mermaid comment: the same drawing, as much work to render. */
function renamed(fence: string, tag: string): string {
  const lines = fence.split('\n');
  lines.splice(-1, 0, `  %% ${tag}`);
  return lines.join('\n');
}

/**
 * Builds a copy of the project with `count` diagrams of its own, none of them in the cache: synthetic
 * chapters that each carry a copy of every diagram of the article. Measures what a cold build of a
 * diagram-heavy site costs (the committed renders of the real chapters still come from the cache).
 */
export function newDiagramsRun(count: number, env: NodeJS.ProcessEnv = {}): DiagramsRun {
  const project = copyProject();
  try {
    const dir = join(project.dir, 'content/chapters');
    const originals = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
    const fences = originals.flatMap((f) => fencesOf(join(dir, f)));
    const chapters = Math.ceil(count / fences.length);
    addSyntheticChapters(project.dir, originals.length + chapters);
    let made = 0;
    for (const file of readdirSync(dir).filter((f) => f.startsWith('synthetic-'))) {
      const own = fences
        .slice(0, Math.min(fences.length, count - made))
        .map((fence, i) => renamed(fence, `bench ${file} ${i}`));
      made += own.length;
      writeFileSync(
        join(dir, file),
        `${readFileSync(join(dir, file), 'utf8')}\n${own.join('\n\n')}\n`,
      );
    }
    const started = performance.now();
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: project.dir,
      env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const buildSeconds = (performance.now() - started) / 1000;
    if (result.status !== 0)
      throw new Error(`build with ${count} new diagrams failed:\n${result.stderr.slice(-3000)}`);
    const summary = /\[diagrams\] (\d+) diagrams \(\d+ fences\): (\d+) rendered in ([\d.]+) s/.exec(
      result.stdout,
    );
    if (!summary) throw new Error(`no diagrams summary in the build output:\n${result.stdout}`);
    return {
      diagrams: Number(summary[1]),
      rendered: Number(summary[2]),
      renderSeconds: Number(summary[3]),
      buildSeconds,
    };
  } finally {
    project.remove();
  }
}
