import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distBytes, distFiles } from '../lib/dist-files.ts';
import { copyProject } from '../lib/project-copy.ts';

export interface ScalingRun {
  chapters: number;
  seconds: number;
  /** Largest resident set of any process of the build, from GNU time; undefined without it. */
  peakRssMb: number | undefined;
  outputMb: number;
  indexMb: number;
  pages: number;
}

/** A deterministic stream of pronounceable, unique nonsense words, so every copy adds new terms. */
function* uniqueWords(seed: number): Generator<string> {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  let n = seed * 7919 + 1;
  for (;;) {
    let word = '';
    let x = n++;
    do {
      word +=
        consonants[x % consonants.length]! +
        vowels[Math.floor(x / consonants.length) % vowels.length]!;
      x = Math.floor(x / (consonants.length * vowels.length));
    } while (x > 0);
    yield `${word}${seed.toString(36)}`;
  }
}

/**
 * Adds synthetic chapters to a project copy until it has `total`: each is a real chapter with a new
 * slug, position and title, plus a paragraph of words found nowhere else.
 */
export function addSyntheticChapters(projectDir: string, total: number): void {
  const dir = join(projectDir, 'content/chapters');
  const originals = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  for (let order = originals.length + 1; order <= total; order++) {
    const template = readFileSync(join(dir, originals[order % originals.length]!), 'utf8');
    const words = uniqueWords(order);
    const paragraph = Array.from({ length: 120 }, () => words.next().value as string).join(' ');
    const mdx = template
      .replace(/^order: \d+$/m, `order: ${order}`)
      .replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title} — copy ${order}"`)
      .trimEnd();
    writeFileSync(
      join(dir, `synthetic-${String(order).padStart(4, '0')}.mdx`),
      `${mdx}\n\n${paragraph}.\n`,
    );
  }
}

export function scalingRun(total: number): ScalingRun {
  const project = copyProject();
  try {
    addSyntheticChapters(project.dir, total);
    const astro = ['node_modules/astro/bin/astro.mjs', 'build'];
    const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const started = performance.now();
    const result = timeBinary
      ? spawnSync(timeBinary, ['-v', process.execPath, ...astro], {
          cwd: project.dir,
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        })
      : spawnSync(process.execPath, astro, {
          cwd: project.dir,
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0)
      throw new Error(`build of ${total} chapters failed:\n${result.stderr.slice(-3000)}`);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
    const dist = join(project.dir, 'dist');
    const pages = distFiles(dist, '.html').length;
    return {
      chapters: total,
      seconds,
      peakRssMb: rss ? Number(rss) / 1024 : undefined,
      outputMb: distBytes(dist) / 2 ** 20,
      indexMb: distBytes(join(dist, 'pagefind')) / 2 ** 20,
      pages,
    };
  } finally {
    project.remove();
  }
}
