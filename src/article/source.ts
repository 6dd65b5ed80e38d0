/**
 * The reader of the article's plain-text source, `content/source/article.txt`: the first line is the
 * title; after it every non-empty line is a heading, a list item (`- `) or a paragraph. The text
 * carries no heading markers, so a heading is a short line that reads as one sentence and does not
 * end like one (one paragraph of the article lacks its final stop, which is why the rule also needs
 * the line to be a single sentence).
 */
import { normalise, sentenceSpans } from './text.ts';

export const SOURCE_FILE = 'content/source/article.txt';

export interface SourceSentence {
  text: string;
  /** What the sentence is: the title, a heading and a list item count as one sentence each. */
  kind: 'title' | SourceBlock['kind'];
  /** 1-based line in the source file. */
  line: number;
  /** Position among all the sentences of the article, from 0. */
  index: number;
}

export interface SourceBlock {
  kind: 'heading' | 'paragraph' | 'item';
  /** The line, white space normalised (a list item without its marker). */
  text: string;
  /** 1-based line in the source file. */
  line: number;
  /** A heading or a list item is one sentence; a paragraph has one or more. */
  sentences: SourceSentence[];
}

export interface SourceSection {
  /** The heading the section starts with; undefined for text before the first heading. */
  heading: SourceBlock | undefined;
  /** Paragraphs and list items, in order. */
  blocks: SourceBlock[];
}

export interface SourceArticle {
  file: string;
  title: { text: string; line: number };
  /** Every block after the title, in order. */
  blocks: SourceBlock[];
  /** Every heading, in order. */
  headings: SourceBlock[];
  /** Every sentence of the article in order: the title, headings and list items count as one each. */
  sentences: SourceSentence[];
  /** The text cut at each heading. */
  sections: SourceSection[];
}

export function parseSource(text: string, file: string = SOURCE_FILE): SourceArticle {
  const lines = text
    .split('\n')
    .map((raw, index) => ({ text: normalise(raw), line: index + 1 }))
    .filter((l) => l.text);
  const [title, ...body] = lines;
  if (!title) throw new Error(`${file}: the article's source is empty`);
  const blocks: SourceBlock[] = [];
  const all: SourceSentence[] = [];
  const sentence = (kind: SourceSentence['kind'], text: string, line: number): SourceSentence => {
    const s = { kind, text, line, index: all.length };
    all.push(s);
    return s;
  };
  sentence('title', title.text, title.line);
  for (const { text: line, line: number } of body) {
    if (line.startsWith('- ')) {
      const item = line.slice(2).trim();
      blocks.push({
        kind: 'item',
        text: item,
        line: number,
        sentences: [sentence('item', item, number)],
      });
    } else if (isHeading(line)) {
      blocks.push({
        kind: 'heading',
        text: line,
        line: number,
        sentences: [sentence('heading', line, number)],
      });
    } else {
      blocks.push({
        kind: 'paragraph',
        text: line,
        line: number,
        sentences: sentenceSpans(line).map((s) => sentence('paragraph', s.text, number)),
      });
    }
  }
  const sections: SourceSection[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') sections.push({ heading: block, blocks: [] });
    else if (sections.length === 0) sections.push({ heading: undefined, blocks: [block] });
    else sections.at(-1)?.blocks.push(block);
  }
  return {
    file,
    title: { text: title.text, line: title.line },
    blocks,
    headings: blocks.filter((b) => b.kind === 'heading'),
    sentences: all,
    sections,
  };
}

function isHeading(line: string): boolean {
  return line.length < 110 && !/[.:]$/.test(line) && sentenceSpans(line).length === 1;
}

/**
 * Where a passage of whole, consecutive sentences stands in the article: the index of its first
 * sentence, or undefined when the passage is not such a run (a changed word, a half sentence).
 */
export function findPassage(
  article: readonly { text: string }[],
  passage: readonly string[],
): number | undefined {
  if (passage.length === 0) return undefined;
  for (let i = 0; i + passage.length <= article.length; i++) {
    if (passage.every((s, j) => article[i + j]?.text === s)) return i;
  }
  return undefined;
}
