import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';

/** One top-level entry of a data file, typed, with where it is. */
export interface YamlEntry<T> {
  id: string;
  data: T;
  /** 1-based line of the entry's key. */
  line: number;
}

export interface YamlEntries<T> {
  entries: YamlEntry<T>[];
  /** `file:line: message` for every problem found: syntax, ids, schema. */
  problems: string[];
  /** `file:line` of a value inside the file, by its path of keys and indexes; the nearest existing parent's line otherwise. */
  at(path: readonly (string | number)[]): string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a YAML file of entries keyed by id (like content/actors.yaml) and checks each against a
 * schema, reporting every problem with its file and line.
 */
export function readYamlEntries<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): YamlEntries<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const at = (path: readonly (string | number)[]) => `${file}:${lineAtPath(doc, path, lineOf)}`;
  const problems = doc.errors.map(
    (error) => `${file}:${lineOf(error.pos[0])}: ${error.message.split('\n')[0]}`,
  );
  const entries: YamlEntry<z.output<S>>[] = [];
  if (problems.length > 0) return { entries, problems, at };
  if (!isMap(doc.contents)) {
    problems.push(`${file}:1: expected entries keyed by id (a YAML mapping)`);
    return { entries, problems, at };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const line = isNode(pair.key) && pair.key.range ? lineOf(pair.key.range[0]) : 1;
    if (typeof key !== 'string' || !ID.test(key)) {
      problems.push(
        `${file}:${line}: the id ${JSON.stringify(key)} must be lower-case words joined by hyphens, e.g. "nagorno-karabakh"`,
      );
      continue;
    }
    const value: unknown = isNode(pair.value) ? pair.value.toJS(doc) : pair.value;
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      entries.push({ id: key, data: parsed.data, line });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const where = path.length > 0 ? ` (${path.join('.')})` : '';
      problems.push(`${at([key, ...path])}: "${key}"${where}: ${issue.message}`);
    }
  }
  return { entries, problems, at };
}

function lineAtPath(
  doc: Document,
  path: readonly (string | number)[],
  lineOf: (offset: number) => number,
): number {
  for (let length = path.length; length > 0; length--) {
    const node: unknown = doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return lineOf(node.range[0]);
  }
  return 1;
}
