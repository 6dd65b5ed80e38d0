import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { mdxToMdast, markdownToMdast, type MdastNode } from 'satteri';

/** One ```mermaid fence, with where it is so errors can point at it. */
export interface DiagramFence {
  source: string;
  /** Path relative to the project root, as an author would type it. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export const DIAGRAM_LANG = 'mermaid';

/** Finds the fences with the same parser the site is built with, so sources match byte for byte. */
export function findFences(path: string, root: string = process.cwd()): DiagramFence[] {
  const text = readFileSync(path, 'utf8');
  let tree: MdastNode;
  try {
    tree = path.endsWith('.mdx') ? mdxToMdast(text) : markdownToMdast(text);
  } catch (error) {
    // The parser's message starts with "line:column:"; put the file in front so authors can jump there.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${relative(root, path)}:${message}`, { cause: error });
  }
  const fences: DiagramFence[] = [];
  const visit = (node: MdastNode): void => {
    if (node.type === 'code' && node.lang === DIAGRAM_LANG) {
      fences.push({
        source: node.value,
        file: relative(root, path),
        line: node.position?.start.line ?? 0,
      });
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return fences;
}

export function describeFence(fence: Pick<DiagramFence, 'file' | 'line'>): string {
  return `${fence.file}:${fence.line}`;
}
