import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { DatePrecision } from '../../src/lib/facts/event-dates.ts';

const ROOT = new URL('../../', import.meta.url);

export const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

export interface RawEvent {
  date: string;
  precision: DatePrecision;
  title: string;
  quote: string;
  chapter: string;
  section?: string;
  actors: string[];
  status?: { label: string; by?: string; sentence: string }[];
}

export interface RawActor {
  name: string;
  kind: string;
  aliases?: string[];
  demonyms?: string[];
  description: string;
  sources: string[];
}

/** The data files as editors wrote them, in file order. */
export function readEvents(): [string, RawEvent][] {
  return Object.entries(parse(read('content/events.yaml')) as Record<string, RawEvent>);
}

export function readActors(): [string, RawActor][] {
  return Object.entries(parse(read('content/actors.yaml')) as Record<string, RawActor>);
}

export function actorNames() {
  return readActors().map(([id, a]) => ({
    id,
    name: a.name,
    aliases: a.aliases ?? [],
    demonyms: a.demonyms ?? [],
  }));
}

/** Each chapter's MDX file: its path, full text, frontmatter actors and body. */
export function readChapters() {
  return readdirSync(new URL('content/chapters/', ROOT))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const file = `content/chapters/${f}`;
      const text = read(file);
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const { actors } = parse(frontmatter) as { actors: string[] };
      return { id: f.replace(/\.mdx$/, ''), file, text, actors, body };
    });
}
