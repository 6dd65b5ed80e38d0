import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast, type MdastNode } from 'satteri';
import { parseDocument } from 'yaml';
import { distBytes, distFiles } from '../lib/dist-files.ts';
import { copyProject } from '../lib/project-copy.ts';

export interface BuildMeasure {
  /** Wall time of the build. */
  seconds: number;
  /** CPU time (user + system) of the build and the processes it waited for, from GNU time. */
  cpuSeconds: number | undefined;
  /** Largest resident set of any process of the build, from GNU time; undefined without it. */
  peakRssMb: number | undefined;
}

export interface ScalingRun {
  chapters: number;
  /** The first build of the grown site: every synthetic chapter's social card is drawn. */
  cold: BuildMeasure;
  /** The same site built again: the cards come from the cache the first build wrote. */
  warm: BuildMeasure;
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

/** The `<PlaceMap id="…" />` elements of an MDX file, found by the parser, with their offsets. */
function placedMaps(mdx: string): { id: string; start: number; end: number }[] {
  const found: { id: string; start: number; end: number }[] = [];
  const visit = (node: MdastNode): void => {
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name === 'PlaceMap' &&
      node.position
    ) {
      const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
      const { start, end } = node.position;
      if (
        id &&
        typeof id.value === 'string' &&
        start.offset !== undefined &&
        end.offset !== undefined
      )
        found.push({ id: id.value, start: start.offset, end: end.offset });
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(mdxToMdast(mdx));
  return found;
}

/**
 * Adds synthetic chapters to a project copy until it has `total`: each is a real chapter with a new
 * slug, position and title, plus a paragraph of words found nowhere else. They are marked as the
 * editors' own (`source: editors`): the article's sentences may stand only once in its chapters, and
 * only an editors' chapter may repeat them. A map belongs to one chapter, so a copy of a chapter
 * with a map gets its own copy of that map in `content/maps.yaml`: it is drawn like the original.
 */
export function addSyntheticChapters(projectDir: string, total: number): void {
  const dir = join(projectDir, 'content/chapters');
  const mapsFile = join(projectDir, 'content/maps.yaml');
  const maps = parseDocument(readFileSync(mapsFile, 'utf8'));
  const mapData = maps.toJS() as Record<string, Record<string, unknown>>;
  const originals = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  for (let order = originals.length + 1; order <= total; order++) {
    const slug = `synthetic-${String(order).padStart(4, '0')}`;
    const template = readFileSync(join(dir, originals[order % originals.length]!), 'utf8');
    let body = template;
    for (const placed of placedMaps(template).reverse()) {
      const id = `${placed.id}-${slug}`;
      maps.set(id, maps.createNode({ ...mapData[placed.id], chapter: slug }));
      body = `${body.slice(0, placed.start)}<PlaceMap id="${id}" />${body.slice(placed.end)}`;
    }
    const words = uniqueWords(order);
    const paragraph = Array.from({ length: 120 }, () => words.next().value as string).join(' ');
    const mdx = body
      .replace(/^order: \d+$/m, `order: ${order}\nsource: editors`)
      .replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title} — copy ${order}"`)
      .trimEnd();
    writeFileSync(join(dir, `${slug}.mdx`), `${mdx}\n\n${paragraph}.\n`);
  }
  writeFileSync(mapsFile, maps.toString());
}

/** Builds as a publisher does, with `npm run build` (its settings included). */
function timedBuild(dir: string, total: number): BuildMeasure {
  const build = ['npm', 'run', 'build'];
  const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = performance.now();
  const result = timeBinary
    ? spawnSync(timeBinary, ['-v', ...build], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(build[0]!, build.slice(1), { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`build of ${total} chapters failed:\n${result.stderr.slice(-3000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1];
  return {
    seconds,
    cpuSeconds: user && system ? Number(user) + Number(system) : undefined,
    peakRssMb: rss ? Number(rss) / 1024 : undefined,
  };
}

/**
 * Grows a copy of the project to `total` chapters and builds it twice: cold (each new chapter's
 * social card drawn in Chromium, as a real site's first build of new chapters) and warm (the cards
 * from the cache; what a rebuild after an edit costs).
 */
export function scalingRun(total: number): ScalingRun {
  const project = copyProject();
  try {
    addSyntheticChapters(project.dir, total);
    const cold = timedBuild(project.dir, total);
    const warm = timedBuild(project.dir, total);
    const dist = join(project.dir, 'dist');
    return {
      chapters: total,
      cold,
      warm,
      outputMb: distBytes(dist) / 2 ** 20,
      indexMb: distBytes(join(dist, 'pagefind')) / 2 ** 20,
      pages: distFiles(dist, '.html').length,
    };
  } finally {
    project.remove();
  }
}
