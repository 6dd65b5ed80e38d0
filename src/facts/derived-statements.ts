/**
 * Every statement the site derives from the article, read from the content files with their
 * lines, for the faithfulness checks (faithfulness.ts), which the build and `npm run check:content`
 * run through `derivedStatementProblems`: actor descriptions, event titles
 * and quotes, chapter summaries and periods, every Mermaid diagram, the claim labels, and the
 * standfirst and description in src/site.config.ts. The article and the chapters come from the
 * article model (src/article/), with the diagrams' fences, the data files through the facts' own
 * schemas and YAML positions, the site config from Vite's own parser (Oxc, through `parseAst`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'vite';
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

/** A node of the ESTree (with TypeScript's nodes) that `parseAst` gives; offsets in UTF-16 units. */
interface SyntaxNode {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

function isSyntaxNode(value: unknown): value is SyntaxNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as SyntaxNode).type === 'string'
  );
}

/** The nodes directly below `node`, in source order. */
function childNodes(node: SyntaxNode): SyntaxNode[] {
  return Object.values(node).flatMap((value) =>
    Array.isArray(value) ? value.filter(isSyntaxNode) : isSyntaxNode(value) ? [value] : [],
  );
}

/** The string a literal holds: quoted, or a template without substitutions. */
function stringValue(node: unknown): string | undefined {
  if (!isSyntaxNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node['value'] === 'string') return node['value'];
  if (node.type !== 'TemplateLiteral' || (node['expressions'] as unknown[]).length > 0)
    return undefined;
  const [quasi] = node['quasis'] as { value: { cooked: string | null } }[];
  return quasi?.value.cooked ?? undefined;
}

/** A property written `name: value`, as its name and value. */
function namedProperty(node: SyntaxNode): { name: string; value: SyntaxNode } | undefined {
  const { key, value } = node as { key?: unknown; value?: unknown };
  if (node.type !== 'Property' || node['computed'] || !isSyntaxNode(key) || !isSyntaxNode(value))
    return undefined;
  return key.type === 'Identifier' ? { name: String(key['name']), value } : undefined;
}

/** The site config's syntax tree; a file that does not parse fails with its file and line. */
function parseSiteConfig(text: string): SyntaxNode {
  try {
    return parseAst(text, { lang: 'ts' }, SITE_CONFIG_FILE) as unknown as SyntaxNode;
  } catch (error) {
    const { loc, message } = error as { loc?: { line: number; column: number }; message?: string };
    const where = loc ? `${SITE_CONFIG_FILE}:${loc.line}:${loc.column}` : SITE_CONFIG_FILE;
    throw new Error(`${where}: ${message ?? String(error)}`, { cause: error });
  }
}

/** The standfirst and the description of src/site.config.ts, with their `sources` lists. */
export function siteStatements(root = process.cwd()): DerivedStatement[] {
  const text = read(root, SITE_CONFIG_FILE);
  const program = parseSiteConfig(text);
  const lineOf = (node: SyntaxNode) => text.slice(0, node.start).split('\n').length;
  const properties = new Map<string, SyntaxNode>();
  const sources = new Map<string, SyntaxNode>();
  const visit = (node: SyntaxNode, inSources: boolean): void => {
    const property = namedProperty(node);
    if (property) {
      (inSources ? sources : properties).set(property.name, property.value);
      if (property.name === 'sources') {
        for (const child of childNodes(property.value)) visit(child, true);
        return;
      }
    }
    for (const child of childNodes(node)) visit(child, inSources);
  };
  visit(program, false);
  return (['standfirst', 'description'] as const).map((key) => {
    const value = properties.get(key);
    const statement = stringValue(value);
    if (!value || statement === undefined)
      throw new Error(`${SITE_CONFIG_FILE}: no string property "${key}"`);
    const list = sources.get(key);
    const elements = list?.type === 'ArrayExpression' ? (list['elements'] as unknown[]) : [];
    return {
      text: statement,
      file: SITE_CONFIG_FILE,
      line: lineOf(value),
      what: `the ${key} of the site`,
      sources: elements.filter(isSyntaxNode).map((element) => ({
        text: stringValue(element) ?? text.slice(element.start, element.end),
        line: lineOf(element),
      })),
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
