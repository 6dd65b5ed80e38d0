/**
 * The facts read straight from the project's files, without Astro: for tests and tools, through the
 * same schemas and the same `buildFacts` the site uses. The site reads its entries from Astro's
 * collections instead (load-facts.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { readArticle } from '../article/chapters.ts';
import { ACTORS_FILE, actorSchema, type ActorData } from './actor.ts';
import { EVENTS_FILE, eventSchema, idReference, type EventData } from './event.ts';
import type { DataFile, FactsInput } from './graph.ts';
import { yamlPositions, type YamlPositions } from './yaml-positions.ts';

/** The events schema outside Astro, with references read as Astro's `reference()` reads them. */
export const plainEventSchema = eventSchema({
  actors: idReference('actors'),
  chapters: idReference('chapters'),
});

/** The facts' input as read from the files: each data file with where its entries are. */
export interface FileFactsInput extends FactsInput {
  actors: ParsedDataFile<ActorData>;
  events: ParsedDataFile<EventData>;
}

export type InputReading = { ok: true; input: FileFactsInput } | { ok: false; problems: string[] };

/** The facts' input; `article` is the article model when the caller has read it already. */
export function readFactsInput(
  root: string = process.cwd(),
  article?: ReturnType<typeof readArticle>,
): InputReading {
  const data = readFactsData(root);
  if (!data.ok) return data;
  const { source, chapters } = article ?? readArticle(root);
  return { ok: true, input: { ...data, chapters, article: source } };
}

/** The actors and events files alone, each entry read by its schema (no cross-references checked). */
export function readFactsData(
  root: string = process.cwd(),
):
  | { ok: true; actors: ParsedDataFile<ActorData>; events: ParsedDataFile<EventData> }
  | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const actors = readDataFile(root, ACTORS_FILE, actorSchema, problems);
  const events = readDataFile(root, EVENTS_FILE, plainEventSchema, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, actors, events };
}

/** A data file as parsed once: its entries, where each thing is, and the entries as written. */
export interface ParsedDataFile<T> extends DataFile<T> {
  at: YamlPositions;
  /** Every entry as the YAML gives it, before the schema (what Astro's loader stores). */
  raw: Record<string, Record<string, unknown>>;
}

/** A YAML file of entries keyed by id, each read by the schema; problems name the line. */
export function readDataFile<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
  problems: string[],
): ParsedDataFile<z.output<S>> {
  return parseDataFile(file, readFileSync(join(root, file), 'utf8'), schema, problems);
}

export function parseDataFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: string[],
): ParsedDataFile<z.output<S>> {
  const at = yamlPositions(file, text);
  const { document } = at;
  const entries: { id: string; data: z.output<S> }[] = [];
  for (const error of document.errors)
    problems.push(`${at.atOffset(error.pos[0])}: ${error.message}`);
  const raw: unknown = document.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${file}: expected entries keyed by id`);
    return { file, text, entries, at, raw: {} };
  }
  for (const [id, value] of Object.entries(raw)) {
    const result = schema.safeParse(value);
    if (result.success) entries.push({ id, data: result.data });
    else
      for (const issue of result.error.issues)
        problems.push(
          `${at.at([id, ...issue.path.filter((p) => typeof p !== 'symbol')])}: "${id}": ${issue.path.join('.')}: ${issue.message}`,
        );
  }
  return { file, text, entries, at, raw: raw as Record<string, Record<string, unknown>> };
}

/**
 * A parser for Astro's `file()` loader that reads the YAML with the `yaml` package and checks every
 * entry against its schema first, printing each problem with the file and the line of the field
 * (Astro's own schema error names no line). Returns the entries for Astro to read as usual.
 */
export function checkedYamlParser<S extends z.ZodType>(file: string, schema: S) {
  return (text: string): Record<string, Record<string, unknown>> => {
    const problems: string[] = [];
    const { raw } = parseDataFile(file, text, schema, problems);
    if (problems.length > 0)
      console.error(
        `${problems.length} problem(s) in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    return raw;
  };
}
