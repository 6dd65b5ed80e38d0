/**
 * Build-time checks of the facts data against the chapters and the article. Each check returns
 * every problem it finds as a line naming the file, the line and the entry, so one build reports
 * them all; `assertNoProblems` turns them into one error.
 */
import { claimLabelProblem } from './claim-labels.ts';
import type { ClaimTag } from './claim-tags.ts';
import type { ActorNames } from './mentions.ts';
import { termsOf } from './mentions.ts';

/** Points into a data file: the line of an entry, or of a value inside it. */
export interface SourceLocator {
  file: string;
  /** `file:line` of the entry `id` (a top-level YAML key), or of the first line in it containing `needle`. */
  at(id: string, needle?: string): string;
  /** 0-based line of the entry `id`, or -1; the data's own order where dates tie. */
  lineOf(id: string): number;
}

export function locator(file: string, text: string): SourceLocator {
  const lines = text.split('\n');
  const lineOf = (id: string) =>
    lines.findIndex(
      (line) => line === `${id}:` || line.startsWith(`${id}: `) || line.trim() === `id: ${id}`,
    );
  return {
    file,
    lineOf,
    at(id, needle) {
      const start = lineOf(id);
      if (start === -1) return file;
      if (needle === undefined) return `${file}:${start + 1}`;
      for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i]!); i++) {
        if (lines[i]!.includes(needle)) return `${file}:${i + 1}`;
      }
      return `${file}:${start + 1}`;
    },
  };
}

export interface EventReferences {
  id: string;
  chapter: string;
  section?: string | undefined;
  actors: readonly string[];
  quote: string;
  status?: readonly { label: string; by?: string | undefined; sentence: string }[] | undefined;
}

export interface ChapterOutline {
  id: string;
  /** Sections in order; `anchor` is the heading's id on the chapter page, absent for the lead-in. */
  sections: readonly { anchor?: string | undefined; text: string }[];
}

export interface EventContext {
  actorIds: ReadonlySet<string>;
  chapters: ReadonlyMap<string, ChapterOutline>;
  /** The article's full text (content/source/article.txt). */
  article: string;
  where: SourceLocator;
}

export function eventProblems(events: readonly EventReferences[], context: EventContext): string[] {
  const { actorIds, chapters, where } = context;
  const article = collapse(context.article);
  const problems: string[] = [];
  for (const event of events) {
    const report = (message: string, needle?: string) =>
      problems.push(`${where.at(event.id, needle)}: event "${event.id}": ${message}`);

    for (const actor of event.actors) {
      if (!actorIds.has(actor))
        report(`unknown actor "${actor}"; actors are the ids in content/actors.yaml`, actor);
    }

    const quote = collapse(event.quote);
    if (!article.includes(quote))
      report(
        `the quote is not word for word in content/source/article.txt: "${event.quote}"`,
        'quote',
      );

    for (const status of event.status ?? []) {
      if (!article.includes(collapse(status.sentence))) {
        report(
          `the sentence for the label "${status.label}" is not word for word in content/source/article.txt: "${status.sentence}"`,
          `label: ${status.label}`,
        );
      }
      const problem = claimLabelProblem(status.label, collapse(status.sentence), status.by);
      if (problem) report(problem, `label: ${status.label}`);
    }

    const chapter = chapters.get(event.chapter);
    if (!chapter) {
      report(
        `unknown chapter "${event.chapter}" (chapters: ${[...chapters.keys()].join(', ')})`,
        'chapter',
      );
      continue;
    }
    const anchors = chapter.sections.flatMap((s) => (s.anchor ? [s.anchor] : []));
    const section = chapter.sections.find((s) => s.anchor === event.section);
    if (event.section === undefined && anchors.length > 0) {
      report(
        `needs a section: the heading id in chapter "${chapter.id}" where the text tells it (one of: ${anchors.join(', ')})`,
        'chapter',
      );
    } else if (!section) {
      report(
        `section "#${event.section}" does not exist in chapter "${chapter.id}" (its headings: ${anchors.join(', ') || 'none'})`,
        'section',
      );
    } else if (article.includes(quote) && !collapse(section.text).includes(quote)) {
      const actual = [...chapters.values()].flatMap((c) =>
        c.sections
          .filter((s) => collapse(s.text).includes(quote))
          .map((s) => `${c.id}${s.anchor ? `#${s.anchor}` : ''}`),
      );
      report(
        `the quote is not in section "#${event.section}" of chapter "${chapter.id}"${actual.length ? `; it is in ${actual.join(', ')}` : ''}`,
        'section',
      );
    }
  }
  return problems;
}

export interface ChapterActors {
  /** The chapter's file, e.g. content/chapters/energy.mdx. */
  file: string;
  /** The file's text, to name the line; optional. */
  text?: string;
  actors: readonly string[];
}

/** Chapter frontmatter lists actors by display name; each must be an actor's name or alias. */
export function chapterActorProblems(
  chapters: readonly ChapterActors[],
  actors: readonly ActorNames[],
): string[] {
  const known = new Set(actors.flatMap((a) => [a.name, ...a.aliases]));
  const problems: string[] = [];
  for (const chapter of chapters) {
    const lines = chapter.text?.split('\n') ?? [];
    for (const name of chapter.actors) {
      if (known.has(name)) continue;
      const line = lines.findIndex(
        (l) =>
          /^\s*-\s/.test(l) &&
          l
            .replace(/^\s*-\s*/, '')
            .replace(/^["']|["']$/g, '')
            .trim() === name,
      );
      const close = actors.find((a) =>
        termsOf(a).some((t) => t.toLowerCase() === name.toLowerCase()),
      );
      problems.push(
        `${chapter.file}${line >= 0 ? `:${line + 1}` : ''}: actor "${name}" is not the name or an alias of any actor in content/actors.yaml${close ? ` (did you mean "${close.name}"?)` : ''}`,
      );
    }
  }
  return problems;
}

/** Every `<Claim>` in a chapter must follow a sentence of the article that says what the label says. */
export function claimTagProblems(
  file: string,
  tags: readonly ClaimTag[],
  article: string,
): string[] {
  const text = collapse(article);
  return tags.flatMap((tag) => {
    const where = `${file}:${tag.line}`;
    if (!tag.sentence)
      return [`${where}: a <Claim> label must follow, on the same line, the sentence it qualifies`];
    if (!text.includes(tag.sentence))
      return [
        `${where}: the sentence before the <Claim> label is not word for word in the article: "${tag.sentence}"`,
      ];
    const problem = claimLabelProblem(tag.status, tag.sentence, tag.by);
    return problem ? [`${where}: ${problem}`] : [];
  });
}

export function assertNoProblems(problems: readonly string[], what: string): void {
  if (problems.length === 0) return;
  throw new Error(
    `${problems.length} problem(s) in ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
