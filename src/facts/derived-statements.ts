/**
 * Every statement the site derives from the article, read from the content files with their
 * lines, for the faithfulness checks (faithfulness.ts), which the build and `npm run check:content`
 * run through `derivedStatementProblems`: actor descriptions, event titles
 * and quotes, chapter summaries and periods, every Mermaid diagram, the claim labels, and the
 * standfirst and description in src/site.config.ts. The article and the chapters come from the
 * article model (src/article/), with the diagrams' fences, the data files through the facts' own
 * schemas and YAML positions, the site config from the TypeScript parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { readArticle, readSource } from '../article/chapters.ts';
import { ACTORS_FILE } from './actor.ts';
import { EVENTS_FILE } from './event.ts';
import { readFactsInput } from './files.ts';
import { yamlPositions } from './yaml-positions.ts';
import {
  eventTitleProblems,
  mermaidStatements,
  statementProblems,
  type ClaimLabel,
  type DerivedStatement,
  type EventEntry,
  type Problem,
} from './faithfulness.ts';

export const SITE_CONFIG_FILE = 'src/site.config.ts';

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

/** The article's title, headings, sentences and list items, in the article's own order. */
export function articleSentences(root = process.cwd()): string[] {
  return readSource(root).sentences.map((s) => s.text);
}

type Article = ReturnType<typeof readArticle>;

function factsInput(root: string, article?: Article) {
  const reading = readFactsInput(root, article);
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  return reading.input;
}

export function actorStatements(
  root = process.cwd(),
  input = factsInput(root),
): DerivedStatement[] {
  const line = (path: (string | number)[]) => input.actors.at.lineOf(path) ?? 1;
  return input.actors.entries.map(({ id, data }) => ({
    text: data.description,
    file: ACTORS_FILE,
    line: line([id, 'description']),
    what: `the description of actor "${id}"`,
    sources: data.sources.map((text, i) => ({ text, line: line([id, 'sources', i]) })),
  }));
}

export function eventEntries(root = process.cwd(), input = factsInput(root)): EventEntry[] {
  const line = (path: (string | number)[]) => input.events.at.lineOf(path) ?? 1;
  return input.events.entries.map(({ id, data }) => ({
    id,
    file: EVENTS_FILE,
    title: data.title,
    titleLine: line([id, 'title']),
    quote: data.quote,
    quoteLine: line([id, 'quote']),
    status: data.status.map((s, i) => ({
      label: s.label,
      by: s.by,
      sentence: s.sentence,
      line: line([id, 'status', i, 'sentence']),
    })),
  }));
}

export interface ChapterStatements {
  file: string;
  /** The summary and the period, from the frontmatter. */
  frontmatter: DerivedStatement[];
  /** Every statement of every Mermaid fence, and the fences' own problems (a line without a source). */
  diagrams: DerivedStatement[];
  diagramProblems: Problem[];
  /** Every `<Claim>` label with the sentence it follows. */
  claims: ClaimLabel[];
  /** Labels that follow no whole sentence: the article model's own finding. */
  strayClaimLines: number[];
}

/** The article's chapters (an editors' chapter is the editors' own text and rests on no sentence). */
export function chapterStatements(article: Article = readArticle()): ChapterStatements[] {
  return article.chapters
    .filter(({ data }) => data.source === 'article')
    .map(({ outline, data }) => {
      const { file } = outline;
      const frontmatter = outline.frontmatter!;
      const at = yamlPositions(file, frontmatter.yaml);
      const line = (path: (string | number)[]) => frontmatter.line - 1 + (at.lineOf(path) ?? 1);
      const result: ChapterStatements = {
        file,
        frontmatter: (['summary', 'period'] as const).map((key) => ({
          text: data[key],
          file,
          line: line([key]),
          what: `the ${key} of the chapter`,
          sources: (data.sources?.[key] ?? []).map((text, i) => ({
            text,
            line: line(['sources', key, i]),
          })),
        })),
        diagrams: [],
        diagramProblems: [],
        claims: outline.sections.flatMap((section) =>
          section.blocks.flatMap((block) =>
            block.sentences.flatMap((sentence) =>
              sentence.claims.map((claim) => ({
                status: claim.status ?? '',
                by: claim.by,
                sentence: sentence.text,
                file,
                line: claim.line,
              })),
            ),
          ),
        ),
        strayClaimLines: outline.strayClaims.map((c) => c.line),
      };
      for (const diagram of outline.diagrams) {
        const fence = mermaidStatements(diagram.source, file, diagram.line);
        result.diagrams.push(...fence.statements);
        result.diagramProblems.push(...fence.problems);
      }
      return result;
    });
}

/** The standfirst and the description of src/site.config.ts, with their `sources` lists. */
export function siteStatements(root = process.cwd()): DerivedStatement[] {
  const source = ts.createSourceFile(
    SITE_CONFIG_FILE,
    read(root, SITE_CONFIG_FILE),
    ts.ScriptTarget.Latest,
    true,
  );
  const lineOf = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const properties = new Map<string, ts.PropertyAssignment>();
  const sources = new Map<string, ts.PropertyAssignment>();
  const visit = (node: ts.Node, inSources: boolean): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      (inSources ? sources : properties).set(node.name.text, node);
      if (node.name.text === 'sources') {
        ts.forEachChild(node.initializer, (child) => visit(child, true));
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, inSources));
  };
  visit(source, false);
  return (['standfirst', 'description'] as const).map((key) => {
    const property = properties.get(key);
    const list = sources.get(key)?.initializer;
    if (!property || !ts.isStringLiteralLike(property.initializer))
      throw new Error(`${SITE_CONFIG_FILE}: no string property "${key}"`);
    return {
      text: property.initializer.text,
      file: SITE_CONFIG_FILE,
      line: lineOf(property.initializer),
      what: `the ${key} of the site`,
      sources:
        list && ts.isArrayLiteralExpression(list)
          ? list.elements.map((element) => ({
              text: ts.isStringLiteralLike(element) ? element.text : element.getText(source),
              line: lineOf(element),
            }))
          : [],
    };
  });
}

/**
 * Every problem with the derived layer, each naming its file and line: sources that are not the
 * article's sentences, dropped hedges and attributions, dates the sources do not carry, and diagram
 * lines without a source. Event quotes and claim labels are the facts' own checks (graph.ts).
 */
export function derivedStatementProblems(root = process.cwd()): Problem[] {
  // The article is read once: every chapter parsed, for the facts and for the chapters' statements.
  const article = readArticle(root);
  const input = factsInput(root, article);
  const sentences = article.source.sentences.map((s) => s.text);
  const chapters = chapterStatements(article);
  const statements = [
    ...actorStatements(root, input),
    ...siteStatements(root),
    ...chapters.flatMap((c) => [...c.frontmatter, ...c.diagrams]),
  ];
  return [
    ...statements.flatMap((s) => statementProblems(s, sentences)),
    ...chapters.flatMap((c) => c.diagramProblems),
    ...eventEntries(root, input).flatMap((e) => eventTitleProblems(e, sentences)),
  ];
}
