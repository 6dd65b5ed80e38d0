/**
 * Every statement the site derives from the article, read from the content files with their
 * lines, for the faithfulness checks (src/facts/faithfulness.ts): actor descriptions, event titles
 * and quotes, chapter summaries and periods, every Mermaid diagram, the claim labels, and the
 * standfirst and description in src/site.config.ts. YAML is read with `yaml` and its LineCounter,
 * MDX with Sätteri's mdxToMdast, the site config with the TypeScript parser.
 */
import { readdirSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { mdxToMdast, type MdastNode } from 'satteri';
import ts from 'typescript';
import { read } from './facts-data.ts';
import { normalise, readSourceArticle, splitSentences } from './article-text.ts';
import {
  mermaidStatements,
  type ClaimLabel,
  type DerivedStatement,
  type EventEntry,
  type Problem,
} from '../../src/facts/faithfulness.ts';
import { findClaimTags } from '../../src/lib/facts/claim-tags.ts';

export const ACTORS_FILE = 'content/actors.yaml';
export const EVENTS_FILE = 'content/events.yaml';
export const SITE_CONFIG_FILE = 'src/site.config.ts';

/** The article's title, headings, sentences and list items, in the article's own order. */
export function articleSentences(text = read('content/source/article.txt')): string[] {
  const { title, headings } = readSourceArticle(text);
  const headingSet = new Set(headings);
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return [
    title,
    ...lines.slice(1).flatMap((line) => {
      if (line.startsWith('- ')) return [normalise(line.slice(2))];
      if (headingSet.has(normalise(line))) return [normalise(line)];
      return splitSentences(line);
    }),
  ];
}

interface YamlFile {
  root: YAMLMap | undefined;
  /** Top-level entries whose value is a map: the actors, the events. */
  entries: { id: string; map: YAMLMap }[];
  /** The 1-based line of a node in the file the YAML is in. */
  lineOf(node: Node | undefined | null): number;
}

/** Parses YAML that starts on line `firstLine` of its file (a chapter's frontmatter starts on 2). */
function readYaml(file: string, text: string, firstLine = 1): YamlFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
  const lineOf = (node: Node | undefined | null) =>
    firstLine - 1 + (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const root = isMap(document.contents) ? document.contents : undefined;
  const entries =
    root?.items.flatMap((pair) =>
      isScalar(pair.key) && isMap(pair.value)
        ? [{ id: String(pair.key.value), map: pair.value }]
        : [],
    ) ?? [];
  return { root, entries, lineOf };
}

function field(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return (pair?.value ?? undefined) as Node | undefined;
}

function text(node: Node | undefined): string {
  return isScalar(node) ? String(node.value) : '';
}

function sourceList(yaml: YamlFile, node: Node | undefined) {
  return isSeq(node)
    ? node.items.map((item) => ({ text: text(item as Node), line: yaml.lineOf(item as Node) }))
    : [];
}

export function actorStatements(): DerivedStatement[] {
  const yaml = readYaml(ACTORS_FILE, read(ACTORS_FILE));
  return yaml.entries.map(({ id, map }) => {
    const description = field(map, 'description');
    return {
      text: text(description),
      file: ACTORS_FILE,
      line: yaml.lineOf(description),
      what: `the description of actor "${id}"`,
      sources: sourceList(yaml, field(map, 'sources')),
    };
  });
}

export function eventEntries(): EventEntry[] {
  const yaml = readYaml(EVENTS_FILE, read(EVENTS_FILE));
  return yaml.entries.map(({ id, map }) => {
    const title = field(map, 'title');
    const quote = field(map, 'quote');
    const status = field(map, 'status');
    return {
      id,
      file: EVENTS_FILE,
      title: text(title),
      titleLine: yaml.lineOf(title),
      quote: text(quote),
      quoteLine: yaml.lineOf(quote),
      status: isSeq(status)
        ? status.items.flatMap((item) => {
            if (!isMap(item)) return [];
            const sentence = field(item, 'sentence');
            const by = text(field(item, 'by'));
            return [
              {
                label: text(field(item, 'label')),
                ...(by ? { by } : {}),
                sentence: text(sentence),
                line: yaml.lineOf(sentence),
              },
            ];
          })
        : [],
    };
  });
}

export interface ChapterStatements {
  file: string;
  /** The summary and the period, from the frontmatter. */
  frontmatter: DerivedStatement[];
  /** Every statement of every Mermaid fence, and the fences' own problems (a line without a source). */
  diagrams: DerivedStatement[];
  diagramProblems: Problem[];
  claims: ClaimLabel[];
}

export function chapterFiles(): string[] {
  return readdirSync(new URL('../../content/chapters/', import.meta.url))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => `content/chapters/${f}`);
}

export function chapterStatements(file: string): ChapterStatements {
  const mdx = read(file);
  const tree = mdxToMdast(mdx);
  const result: ChapterStatements = {
    file,
    frontmatter: [],
    diagrams: [],
    diagramProblems: [],
    claims: findClaimTags(mdx).map((tag) => ({ ...tag, file })),
  };
  const visit = (node: MdastNode): void => {
    if (node.type === 'yaml') {
      // The YAML's first line is the one after the opening `---`.
      const yaml = readYaml(file, node.value, (node.position?.start.line ?? 1) + 1);
      if (yaml.root) {
        const sources = field(yaml.root, 'sources');
        for (const key of ['summary', 'period'] as const) {
          const value = field(yaml.root, key);
          result.frontmatter.push({
            text: text(value),
            file,
            line: yaml.lineOf(value),
            what: `the ${key} of the chapter`,
            sources: isMap(sources) ? sourceList(yaml, field(sources, key)) : [],
          });
        }
      }
    }
    if (node.type === 'code' && node.lang === 'mermaid') {
      const fence = mermaidStatements(node.value, file, node.position?.start.line ?? 0);
      result.diagrams.push(...fence.statements);
      result.diagramProblems.push(...fence.problems);
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return result;
}

/** The standfirst and the description of src/site.config.ts, with their `sources` lists. */
export function siteStatements(): DerivedStatement[] {
  const source = ts.createSourceFile(
    SITE_CONFIG_FILE,
    read(SITE_CONFIG_FILE),
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
