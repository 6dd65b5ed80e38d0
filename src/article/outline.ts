/**
 * One chapter of the article as the rest of the site reads it, parsed once from its mdast (Sätteri's
 * `mdxToMdast`, the parser the site is built with): the sections a reader can link to, their
 * headings with the ids the page gives them, the prose blocks with their lines in the file, the
 * sentences, and each `<Claim>` label as a typed node attached to the sentence it follows.
 *
 * Only the article's words are prose: fenced blocks (diagrams), imports and exports, expressions
 * and comments, and the contents of block-level components are not. Inline components other than
 * `<Claim>` keep the words between their tags, as the page shows them.
 */
import GithubSlugger from 'github-slugger';
import type { Nodes, Parent, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { mdxToMdast } from 'satteri';
import { sentenceSpans, normalise } from './text.ts';

export interface Heading {
  /** 1 to 6, as in the Markdown. */
  depth: number;
  /** What the reader sees, white space normalised. */
  text: string;
  /** The id the page gives the heading: github-slugger over its text, as Astro does, per file. */
  id: string;
  /** 1-based line in the file. */
  line: number;
}

/** A `<Claim status="…" by="…" />` label. Attribute values are as written; the facts check them. */
export interface ClaimNode {
  type: 'claim';
  /** Undefined when the attribute is missing or not a plain string. */
  status: string | undefined;
  by: string | undefined;
  line: number;
  column: number;
}

export interface Sentence {
  text: string;
  /** 1-based line in the file where the sentence starts. */
  line: number;
  /** The labels written right after this sentence. */
  claims: ClaimNode[];
}

export interface ProseBlock {
  /** A paragraph, a list item, or a heading deeper than ### (which opens no section). */
  kind: 'paragraph' | 'item' | 'heading';
  /** The words, white space normalised, labels left out. */
  text: string;
  /** 1-based line in the file where the block starts. */
  line: number;
  sentences: Sentence[];
}

export interface Section {
  /** The `##` or `###` heading; undefined for the lead-in before the first one. */
  heading: Heading | undefined;
  blocks: ProseBlock[];
}

export interface ChapterOutline {
  /** Path from the project root, e.g. `content/chapters/energy.mdx`. */
  file: string;
  /** The frontmatter as written (YAML) and the line its first key is on, for the YAML parser. */
  frontmatter: { yaml: string; line: number } | undefined;
  /** Every heading of the body in order, any depth: the page's ids depend on all of them. */
  headings: Heading[];
  /** The lead-in (only when it has prose), then one section per `##` or `###` heading. */
  sections: Section[];
  /** Labels that follow no whole sentence of their block: the facts report each one. */
  strayClaims: ClaimNode[];
  /**
   * Passages wrapped in `<EditorsNote>`: the editors' own words, shown labelled and left out of the
   * sections (so out of every article check), with their sentences for search and counts.
   */
  editorsNotes: EditorsNote[];
  /** The ```mermaid fences: their source and the line of the opening fence. */
  diagrams: { source: string; line: number }[];
  /** Every component the body writes, in order, at any depth: where maps and the like are placed. */
  components: ComponentUse[];
}

/** A component as written in the MDX, e.g. `<PlaceMap id="south-caucasus" />`. */
export interface ComponentUse {
  name: string;
  /** 1-based line of its opening tag. */
  line: number;
  /** Each attribute as written: a string, `true` when bare, undefined when an expression. */
  attributes: Record<string, string | true | undefined>;
}

/** An `<EditorsNote>…</EditorsNote>` passage. */
export interface EditorsNote {
  /** 1-based lines in the file where it starts and ends. */
  line: number;
  endLine: number;
  sentences: Sentence[];
}

/** The component that marks the editors' own words inside a chapter. */
export const EDITORS_NOTE = 'EditorsNote';

/** The linkable depths: the page's table of contents and the data's `section` ids use these. */
const SECTION_DEPTHS = new Set([2, 3]);

/** A chapter's MDX as mdast; a syntax error names the file, line and column. */
function parseMdx(file: string, text: string): Nodes {
  try {
    return mdxToMdast(text, { features: { smartPunctuation: false } });
  } catch (error) {
    // The parser's message starts with "line:column:"; put the file in front so authors can jump there.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${file}:${message}`, { cause: error });
  }
}

/**
 * Only the chapter's file name and frontmatter, without reading its prose: what a list of the
 * chapters (links, records, cards) needs, at a fraction of `parseChapter`'s cost.
 */
export function parseChapterHead(
  file: string,
  text: string,
): Pick<ChapterOutline, 'file' | 'frontmatter'> {
  const tree = parseMdx(file, text);
  const blocks: Nodes[] = 'children' in tree ? tree.children : [];
  for (const node of blocks)
    if (node.type === 'yaml') return { file, frontmatter: frontmatterBlock(node) };
  return { file, frontmatter: undefined };
}

export function parseChapter(file: string, text: string): ChapterOutline {
  const tree = parseMdx(file, text);
  const slugger = new GithubSlugger();
  const outline: ChapterOutline = {
    file,
    frontmatter: undefined,
    headings: [],
    sections: [{ heading: undefined, blocks: [] }],
    strayClaims: [],
    editorsNotes: [],
    diagrams: [],
    components: componentsIn(tree),
  };
  const current = () => outline.sections[outline.sections.length - 1] ?? outline.sections[0];

  const visitBlock = (node: Nodes): void => {
    switch (node.type) {
      case 'yaml':
        outline.frontmatter = frontmatterBlock(node);
        return;
      case 'heading': {
        const raw = toString(node, { includeImageAlt: false });
        const heading = {
          depth: node.depth,
          text: normalise(raw),
          id: slugger.slug(raw),
          line: lineOf(node),
        };
        outline.headings.push(heading);
        if (SECTION_DEPTHS.has(node.depth)) outline.sections.push({ heading, blocks: [] });
        else current()?.blocks.push(proseBlock('heading', node, outline));
        return;
      }
      case 'paragraph':
        current()?.blocks.push(proseBlock('paragraph', node, outline));
        return;
      case 'listItem':
        current()?.blocks.push(proseBlock('item', node, outline));
        // A nested list is its own items.
        for (const child of node.children) if (child.type === 'list') visitBlock(child);
        return;
      case 'mdxJsxFlowElement':
        // A label on a line of its own follows no sentence; other block components are not prose.
        if (node.name === 'Claim') outline.strayClaims.push(claimNode(node));
        if (node.name === EDITORS_NOTE) outline.editorsNotes.push(editorsNote(node, outline));
        return;
      case 'code':
        if (node.lang === 'mermaid')
          outline.diagrams.push({ source: node.value, line: lineOf(node) });
        return;
      case 'root':
      case 'list':
      case 'blockquote':
        for (const child of node.children) visitBlock(child);
        return;
      default:
        // Code (diagrams), ESM, expressions, HTML, thematic breaks, tables and block components
        // carry no words of the article.
        return;
    }
  };
  visitBlock(tree);
  outline.sections = outline.sections.filter((s, i) => i > 0 || s.blocks.length > 0);
  return outline;
}

function frontmatterBlock(node: Yaml): NonNullable<ChapterOutline['frontmatter']> {
  return { yaml: node.value, line: lineOf(node) + 1 };
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** A piece of a block's text and the file line it starts on. */
interface Piece {
  text: string;
  line: number;
}

/**
 * The block's words, with the offset of each label in them and the line of each piece, then cut
 * into sentences. A label belongs to the sentence that ends right before it.
 */
function proseBlock(kind: ProseBlock['kind'], node: Parent, outline: ChapterOutline): ProseBlock {
  const pieces: Piece[] = [];
  const claims: { claim: ClaimNode; offset: number }[] = [];
  let length = 0;
  const add = (text: string, line: number) => {
    if (!text) return;
    pieces.push({ text, line });
    length += text.length;
  };
  const walk = (child: Nodes, separator: boolean): void => {
    switch (child.type) {
      case 'mdxJsxTextElement':
      case 'mdxJsxFlowElement':
        if (child.name === 'Claim') {
          claims.push({ claim: claimNode(child), offset: length });
          return;
        }
        // The editors' words inside a paragraph are theirs: not part of the article's sentences.
        if (child.name === EDITORS_NOTE) {
          outline.editorsNotes.push(editorsNote(child, outline));
          return;
        }
        if (child.type === 'mdxJsxFlowElement') return;
        for (const c of child.children) walk(c, false);
        return;
      case 'mdxTextExpression':
      case 'mdxFlowExpression':
      case 'mdxjsEsm':
      case 'code':
      case 'html':
      case 'list':
        return;
      case 'break':
        add('\n', lineOf(child));
        return;
      case 'paragraph':
      case 'heading':
        if (separator && length > 0) add(' ', lineOf(child));
        for (const c of child.children) walk(c, false);
        return;
      default:
        if ('children' in child) for (const c of child.children) walk(c, false);
        else add(toString(child, { includeImageAlt: false }), lineOf(child));
    }
  };
  for (const child of node.children as Nodes[]) walk(child, true);

  const text = pieces.map((p) => p.text).join('');
  const lineAt = (offset: number): number => {
    let start = 0;
    for (const piece of pieces) {
      if (offset < start + piece.text.length)
        return piece.line + countNewlines(piece.text.slice(0, offset - start));
      start += piece.text.length;
    }
    return pieces.at(-1)?.line ?? lineOf(node as Nodes);
  };
  const spans = sentenceSpans(text);
  const sentences: Sentence[] = spans.map((span) => ({
    text: span.text,
    line: lineAt(span.start),
    claims: [],
  }));
  for (const { claim, offset } of claims) {
    const index = spans.findLastIndex((span) => span.end <= offset);
    const follows = index >= 0 && text.slice(spans[index]?.end, offset).trim() === '';
    const sentence = follows ? sentences[index] : undefined;
    if (sentence) sentence.claims.push(claim);
    else outline.strayClaims.push(claim);
  }
  return { kind, text: normalise(text), line: lineOf(node as Nodes), sentences };
}

/** The passage's words as sentences, read like any prose block (its own labels are ignored). */
function editorsNote(node: Parent, outline: ChapterOutline): EditorsNote {
  const scratch: ChapterOutline = {
    ...outline,
    strayClaims: [],
    editorsNotes: [],
    diagrams: [],
    components: [],
  };
  const blocks: ProseBlock[] = [];
  const collect = (child: Nodes): void => {
    if (child.type === 'paragraph' || child.type === 'heading')
      blocks.push(proseBlock('paragraph', child, scratch));
    else if (child.type === 'listItem') blocks.push(proseBlock('item', child, scratch));
    else if (child.type === 'list' || child.type === 'blockquote')
      for (const c of child.children) collect(c);
    else if (child.type === 'text' || child.type === 'emphasis' || child.type === 'strong')
      blocks.push(proseBlock('paragraph', { type: 'paragraph', children: [child] }, scratch));
  };
  for (const child of node.children as Nodes[]) collect(child);
  return {
    line: lineOf(node as Nodes),
    endLine: (node as Nodes).position?.end.line ?? lineOf(node as Nodes),
    sentences: blocks.flatMap((b) => b.sentences),
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (const c of text) if (c === '\n') count++;
  return count;
}

function claimNode(node: JsxNode): ClaimNode {
  const { status, by } = attributesOf(node);
  return {
    type: 'claim',
    status: typeof status === 'string' ? status : undefined,
    by: typeof by === 'string' ? by : undefined,
    line: node.position?.start.line ?? 0,
    column: node.position?.start.column ?? 0,
  };
}

type JsxNode = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

function attributesOf(node: JsxNode): ComponentUse['attributes'] {
  const attributes: ComponentUse['attributes'] = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const value = attribute.value;
    attributes[attribute.name] =
      value === null || value === undefined ? true : typeof value === 'string' ? value : undefined;
  }
  return attributes;
}

function componentsIn(tree: Nodes): ComponentUse[] {
  const found: ComponentUse[] = [];
  const visit = (node: Nodes): void => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name)
      found.push({ name: node.name, line: lineOf(node), attributes: attributesOf(node) });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/** The sections' sentences in reading order, each with its section: what mentions and labels read. */
export function* sentencesOf(
  outline: ChapterOutline,
): Generator<{ section: Section; block: ProseBlock; sentence: Sentence }> {
  for (const section of outline.sections)
    for (const block of section.blocks)
      for (const sentence of block.sentences) yield { section, block, sentence };
}
