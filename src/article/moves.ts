/**
 * What the site changed in the article's order: which of its sections stand somewhere else in the
 * chapters than in `content/source/article.txt`, and which chapter titles are the editors' own.
 * The about page states it from this, so the statement cannot drift from the content.
 *
 * Every heading and sentence of the article is placed where the chapters tell it (chapters in
 * their `order`, then position in the chapter; a chapter title that is a heading of the article
 * stands at the head of its chapter). The largest set of them that already runs in the article's
 * order stays put; everything else was moved. A section counts as moved when all its heading and
 * sentences were; otherwise the sentences that moved are named on their own.
 */
import { inReadingOrder, isEditorsChapter, type ArticleChapter } from './chapters.ts';
import {
  SOURCE_FILE,
  type SourceArticle,
  type SourceSection,
  type SourceSentence,
} from './source.ts';

export interface ChapterRef {
  id: string;
  order: number;
  title: string;
}

export interface Move {
  /** The section's heading in the article (undefined for text before the first heading). */
  heading: string | undefined;
  /** All of the section moved, or only part of it: its heading and/or the `sentences` listed. */
  whole: boolean;
  /** The section's heading itself moved. */
  headingMoved: boolean;
  /** The sentences of the section that moved (all of them when `whole`). */
  sentences: string[];
  /** In the article: the heading of the section it follows, undefined at the start. */
  afterInArticle: string | undefined;
  /** The chapter that now holds the section the article puts right before it. */
  fromChapter: ChapterRef | undefined;
  /** The chapter it was moved into. */
  toChapter: ChapterRef;
  /** On the site: nothing of its chapter stands before it. */
  opensChapter: boolean;
  /** On the site: the heading of the section it follows (or is part of), undefined in a lead-in. */
  afterOnSite: string | undefined;
}

export interface WhatMoved {
  moves: Move[];
  /** Chapters whose title is not a heading of the article. */
  editorsTitles: ChapterRef[];
  /** Section headings in the chapters that are not headings of the article. */
  editorsHeadings: { chapter: ChapterRef; heading: string }[];
  /** Headings and sentences of the article that no chapter tells. */
  missing: SourceSentence[];
  /** Chapters of the editors' own text (`source: editors`): not part of the article's order. */
  editorsChapters: ChapterRef[];
  /** How many chapters there are. */
  chapterCount: number;
}

interface Placed {
  unit: SourceSentence;
  chapter: ChapterRef;
  /** The heading of the site section before the unit's own, undefined for the chapter's first. */
  previousSection: string | undefined;
  /** The site heading the unit stands under, undefined in a chapter's lead-in. */
  under: string | undefined;
  /** Nothing of the chapter stands before it. */
  first: boolean;
}

export function whatMoved(source: SourceArticle, chapters: readonly ArticleChapter[]): WhatMoved {
  const byText = (kind: 'heading' | 'body') => {
    const map = new Map<string, SourceSentence[]>();
    for (const s of source.sentences) {
      if (s.kind === 'title' || (s.kind === 'heading') !== (kind === 'heading')) continue;
      map.set(s.text, [...(map.get(s.text) ?? []), s]);
    }
    return map;
  };
  const headings = byText('heading');
  const body = byText('body');
  const take = (map: Map<string, SourceSentence[]>, text: string) => {
    const [first, ...rest] = map.get(text) ?? [];
    if (first) map.set(text, rest);
    return first;
  };

  const placed: Placed[] = [];
  const editorsTitles: ChapterRef[] = [];
  const editorsHeadings: WhatMoved['editorsHeadings'] = [];
  const editorsChapters: ChapterRef[] = [];
  for (const chapter of inReadingOrder(chapters)) {
    const ref = { id: chapter.id, order: chapter.order, title: chapter.title };
    if (isEditorsChapter(chapter)) {
      editorsChapters.push(ref);
      continue;
    }
    let first = true;
    let previousSection: string | undefined;
    const place = (unit: SourceSentence | undefined, under: string | undefined) => {
      if (unit) placed.push({ unit, chapter: ref, previousSection, under, first });
      first = false;
    };
    const title = take(headings, chapter.title);
    if (title) {
      place(title, undefined);
      // What follows stands under the title, a heading of the article.
      previousSection = title.text;
    } else editorsTitles.push(ref);
    for (const section of chapter.outline.sections) {
      const heading = section.heading;
      if (heading) {
        const unit = take(headings, heading.text);
        if (!unit) editorsHeadings.push({ chapter: ref, heading: heading.text });
        place(unit, heading.text);
      }
      const under = heading?.text ?? (title ? title.text : undefined);
      for (const block of section.blocks)
        for (const sentence of block.sentences)
          place(take(block.kind === 'heading' ? headings : body, sentence.text), under);
      previousSection = under;
    }
  }

  const kept = new Set(longestIncreasing(placed.map((p) => p.unit.index)));
  const where = new Map(placed.map((p) => [p.unit.index, p]));
  const missing = source.sentences.filter((s) => s.kind !== 'title' && !where.has(s.index));

  const moves: { at: number; move: Move }[] = [];
  source.sections.forEach((section, sectionIndex) => {
    const units = unitsOf(section).filter((u) => where.has(u.index));
    const moved = units.filter((u) => !kept.has(u.index));
    const first = moved[0];
    const firstPlace = first && where.get(first.index);
    if (!firstPlace) return;
    const previous = source.sections[sectionIndex - 1]?.heading?.sentences[0];
    moves.push({
      at: placed.indexOf(firstPlace),
      move: {
        heading: section.heading?.text,
        whole: moved.length === units.length,
        headingMoved: moved.some((u) => u.kind === 'heading'),
        sentences: moved.filter((u) => u.kind !== 'heading').map((u) => u.text),
        afterInArticle: source.sections[sectionIndex - 1]?.heading?.text,
        fromChapter: previous && where.get(previous.index)?.chapter,
        toChapter: firstPlace.chapter,
        opensChapter: firstPlace.first,
        afterOnSite: first.kind === 'heading' ? firstPlace.previousSection : firstPlace.under,
      },
    });
  });
  // In the site's reading order: where a reader meets them.
  moves.sort((a, b) => a.at - b.at);
  return {
    moves: moves.map(({ move }) => move),
    editorsTitles,
    editorsHeadings,
    missing,
    editorsChapters,
    chapterCount: chapters.length,
  };
}

function unitsOf(section: SourceSection): SourceSentence[] {
  return [
    ...(section.heading?.sentences ?? []),
    ...section.blocks.flatMap((block) => block.sentences),
  ];
}

/**
 * Why the statement could not be made: headings or sentences of the article that no chapter tells
 * (the about page says every sentence appears), naming their lines; undefined when all are placed.
 */
export function unplacedProblem(what: WhatMoved, file: string = SOURCE_FILE): string | undefined {
  if (what.missing.length === 0) return undefined;
  return `${what.missing.length} heading(s) or sentence(s) of the article are in no chapter:\n${what.missing
    .map((s) => `  - ${file}:${s.line}: "${s.text}"`)
    .join('\n')}`;
}

/** What the about page says about the order, in sentences built only from `whatMoved`. */
export interface OrderStatement {
  /** Whether the chapters keep the article's order, and how many sections or passages do not. */
  lead: string;
  /** One sentence per move: where the article puts it, where the site does. */
  moves: string[];
  /** Which chapter titles (and section headings) are the editors' own. */
  titles: string;
  /** Which chapters are the editors' own text; empty when none is. */
  editorsChapters: string;
}

export function describeWhatMoved(what: WhatMoved): OrderStatement {
  const q = (text: string | undefined) => `“${text ?? ''}”`;
  const chapter = (ref: ChapterRef) => `chapter ${ref.order}`;
  const whole = what.moves.filter((m) => m.whole).length;
  const parts = what.moves.length - whole;
  const targets = [...new Map(what.moves.map((m) => [m.toChapter.id, m.toChapter])).values()];
  const counted = [
    whole > 0 ? `${count(whole)} ${whole === 1 ? 'section' : 'sections'}` : '',
    parts > 0 ? `${count(parts)} ${parts === 1 ? 'passage' : 'passages'}` : '',
  ].filter(Boolean);
  const lead =
    what.moves.length === 0
      ? 'The chapters keep the article’s order: every section stands where the article puts it.'
      : `The chapters keep the article’s order, except for ${counted.join(' and ')} moved into ${
          targets.length === 1
            ? targets.map((t) => `${chapter(t)}, ${q(t.title)}`).join('')
            : `chapters ${list(targets.map((t) => String(t.order)))}`
        }:`;
  const moves = what.moves.map((move) => {
    const target = chapter(move.toChapter);
    if (move.whole) {
      const from = move.afterInArticle
        ? `after ${q(move.afterInArticle)}${move.fromChapter ? ` (now in ${chapter(move.fromChapter)})` : ''}`
        : 'at its start';
      const to = move.opensChapter
        ? `it opens ${target}`
        : move.afterOnSite
          ? `it follows ${q(move.afterOnSite)} in ${target}`
          : `it follows the opening of ${target}`;
      return `${q(move.heading)} comes in the article ${from}; here ${to}.`;
    }
    const n = move.sentences.length;
    const some = n === 1 ? 'one sentence' : `${count(n)} sentences`;
    const from = n > 0 ? `, from ${q(move.sentences[0])},` : '';
    const [subject, singular] = move.headingMoved
      ? n > 0
        ? [`The heading ${q(move.heading)} and ${some} of its section${from}`, false]
        : [`The heading ${q(move.heading)}`, true]
      : [
          `${capital(some)} of ${move.heading ? q(move.heading) : 'the article’s opening'}${from}`,
          n === 1,
        ];
    const verb = (one: string, many: string) => (singular ? one : many);
    const to = move.opensChapter
      ? `${verb('opens', 'open')} ${target}`
      : move.afterOnSite
        ? `${verb('stands', 'stand')} ${move.headingMoved ? 'after' : 'under'} ${q(move.afterOnSite)} in ${target}`
        : `${verb('stands', 'stand')} in the opening of ${target}`;
    return `${subject} ${to} here.`;
  });
  const orders = what.editorsTitles.map((t) => String(t.order));
  const articleChapters = what.chapterCount - what.editorsChapters.length;
  const every =
    what.editorsChapters.length > 0
      ? 'Every title of the article’s chapters'
      : 'Every chapter title';
  let titles =
    orders.length === 0
      ? `${every} is a heading of the article.`
      : orders.length === articleChapters
        ? `${every} is the editors’ own.`
        : orders.length === 1
          ? `The title of chapter ${list(orders)} is the editors’ own; the other chapter titles are headings of the article.`
          : `The titles of chapters ${list(orders)} are the editors’ own; the other chapter titles are headings of the article.`;
  if (what.editorsHeadings.length > 0) {
    const named = what.editorsHeadings.map((h) => `${q(h.heading)} (${chapter(h.chapter)})`);
    titles += ` ${named.length === 1 ? 'The section heading' : 'The section headings'} ${list(named)} ${named.length === 1 ? 'is' : 'are'} the editors’ own too.`;
  }
  const editors = what.editorsChapters.map((c) => `${chapter(c)}, ${q(c.title)}`);
  const editorsChapters =
    editors.length === 0
      ? ''
      : `${capital(list(editors))} ${editors.length === 1 ? 'is' : 'are'} the editors’ own text, not part of the article, and labelled so on ${editors.length === 1 ? 'its page' : 'their pages'}.`;
  return { lead, moves, titles, editorsChapters };
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

function count(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "4", "4 and 5", "4, 5 and 6". */
function list(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * Indices (values) of one longest strictly increasing subsequence, choosing the earliest-ending
 * candidates so the answer is deterministic. O(n log n).
 */
export function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []; // positions in `values` of the smallest tail of each length
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] ?? 0] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    previous[position] = low > 0 ? (tails[low - 1] ?? -1) : -1;
    tails[low] = position;
  });
  const result: number[] = [];
  for (let p = tails.at(-1) ?? -1; p >= 0; p = previous[p] ?? -1) result.push(values[p] ?? 0);
  return result.reverse();
}
