/**
 * `npm run check:content`: the editor's fast loop. Checks what the build checks about the content,
 * without building or opening a browser: the chapters' frontmatter and the data files against their
 * schemas, the facts (references, quotes, dates, order, names), the derived statements (sources,
 * hedges, dates: src/facts/faithfulness.ts), the article both ways (every
 * sentence once, unchanged; no other prose outside a marked passage) and that every diagram's
 * Mermaid source parses. Prints every problem with its file and line; exits 1 if there is any.
 */
import { parseHTML } from 'linkedom';
import { isEditorsChapter, readArticle } from '../src/article/chapters.ts';
import { chapterFidelityProblems } from '../src/article/fidelity.ts';
import { readFactsInput } from '../src/facts/files.ts';
import { derivedStatementProblems } from '../src/facts/derived-statements.ts';
import { formatProblem } from '../src/facts/faithfulness.ts';
import { buildFacts } from '../src/facts/graph.ts';

const started = performance.now();
const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--')) ?? process.cwd();

// `--ids`: the chapter and heading ids `content/events.yaml` refers to, then exit.
if (args.includes('--ids')) {
  for (const chapter of readArticle(root).chapters) {
    console.log(`${chapter.id}  (${chapter.outline.file}: chapter: ${chapter.id})`);
    for (const { heading } of chapter.outline.sections)
      if (heading)
        console.log(`  section: ${heading.id}  ← ${'#'.repeat(heading.depth)} ${heading.text}`);
  }
  process.exit(0);
}
const stages: { name: string; problems: string[] }[] = [];
const stage = async (name: string, run: () => string[] | Promise<string[]>) => {
  let problems: string[];
  try {
    problems = await run();
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  stages.push({ name, problems });
  return problems;
};

let article: ReturnType<typeof readArticle> | undefined;
await stage('chapters (frontmatter)', () => {
  article = readArticle(root);
  const problems: string[] = [];
  const byOrder = new Map<number, string>();
  for (const chapter of article.chapters) {
    const clash = byOrder.get(chapter.order);
    if (clash)
      problems.push(
        `${chapter.outline.file}: field "order" is ${chapter.order}, the same as in ${clash}; each chapter needs its own position.`,
      );
    byOrder.set(chapter.order, chapter.outline.file);
  }
  return problems;
});

await stage('facts (actors, events, claim labels)', () => {
  const reading = readFactsInput(root);
  if (!reading.ok) return reading.problems;
  const result = buildFacts(reading.input);
  return result.ok ? [] : result.problems;
});

await stage('derived statements (sources, hedges, dates)', () =>
  derivedStatementProblems(root).map(formatProblem),
);

await stage('the article both ways', () =>
  article ? chapterFidelityProblems(article.source, article.chapters) : ['chapters not read'],
);

await stage('diagram sources', async () => {
  if (!article) return ['chapters not read'];
  // Mermaid's parser sanitises labels with DOMPurify, which needs a DOM: a small one does.
  const { window } = parseHTML('<html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  const problems: string[] = [];
  for (const chapter of article.chapters)
    for (const { source, line } of chapter.outline.diagrams) {
      const where = `${chapter.outline.file}:${line}`;
      try {
        const parsed = await mermaid.parse(source);
        if (parsed && !parsed.diagramType.startsWith('flowchart'))
          problems.push(
            `${where}: the diagram is a "${parsed.diagramType}"; only flowcharts are supported.`,
          );
        if (!/^\s*accTitle\s*:/m.test(source))
          problems.push(
            `${where}: the diagram has no accTitle; add one: it becomes the caption and accessible name.`,
          );
      } catch (error) {
        problems.push(
          `${where}: Mermaid cannot parse the diagram: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  return problems;
});

const total = stages.reduce((n, s) => n + s.problems.length, 0);
for (const { name, problems } of stages) {
  console.log(
    `${problems.length === 0 ? '✓' : '✗'} ${name}${problems.length ? `: ${problems.length} problem(s)` : ''}`,
  );
  for (const problem of problems) console.log(`  - ${problem}`);
}
const editors = article?.chapters.filter(isEditorsChapter).length ?? 0;
console.log(
  `${total === 0 ? 'Content OK' : `${total} problem(s)`}: ${article?.chapters.length ?? 0} chapter(s) (${editors} of the editors’ own) checked in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = total === 0 ? 0 : 1;
