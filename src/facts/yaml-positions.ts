/**
 * Where things are in a YAML data file, from the `yaml` package's own parse (its `LineCounter`),
 * so every problem in the data can name the line to fix.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface YamlPositions {
  file: string;
  /** The parsed file (its `errors` hold YAML syntax errors, positioned). */
  document: Document;
  /** Top-level keys (entry ids) in file order. */
  ids: string[];
  /**
   * 1-based line of the value at `path` (an entry id, then keys and list indices), or of the
   * deepest part of the path that exists: `['odesa-strike', 'actors', 2]` is the third actor's
   * line, `['odesa-strike', 'status', 0]` the entry's own line when it has no status.
   */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** `file:line` for a path, as problems name it. */
  at(path: readonly (string | number)[]): string;
  /** `file:line` for a character offset into the text. */
  atOffset(offset: number): string;
}

export function yamlPositions(file: string, text: string): YamlPositions {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineAt = (node: { range?: readonly number[] | null | undefined } | null | undefined) => {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const root = document.contents;
  const ids = isMap(root)
    ? root.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []))
    : [];
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    let node: Node | null | undefined = root;
    let line: number | undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
        if (!pair) break;
        line = lineAt(isScalar(pair.key) ? pair.key : undefined) ?? line;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part] as Node | undefined;
        if (!item) break;
        line = lineAt(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
  return {
    file,
    document,
    ids,
    lineOf,
    at(path) {
      const line = lineOf(path);
      return line === undefined ? file : `${file}:${line}`;
    },
    atOffset: (offset) => `${file}:${lineCounter.linePos(offset).line}`,
  };
}
