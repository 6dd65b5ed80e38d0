import { describe, expect, it } from 'vitest';
import { readArticle, type ArticleChapter } from '../../src/article/chapters.ts';
import { describeWhatMoved, unplacedProblem, whatMoved } from '../../src/article/moves.ts';
import type { Section } from '../../src/article/outline.ts';

const { source, chapters } = readArticle();
const actual = whatMoved(source, chapters);

/** A copy of the chapters with one section (by heading) taken out and put elsewhere. */
function moveSection(
  from: readonly ArticleChapter[],
  heading: string,
  to: { chapter: string; after?: string },
): ArticleChapter[] {
  const copy = from.map((c) => ({
    ...c,
    outline: { ...c.outline, sections: [...c.outline.sections] },
  }));
  let moving: Section | undefined;
  for (const c of copy) {
    const index = c.outline.sections.findIndex((s) => s.heading?.text === heading);
    if (index >= 0) [moving] = c.outline.sections.splice(index, 1);
  }
  const target = copy.find((c) => c.id === to.chapter);
  if (!moving || !target) throw new Error(`cannot move "${heading}" to ${to.chapter}`);
  const after = target.outline.sections.findIndex((s) => s.heading?.text === to.after);
  target.outline.sections.splice(after + 1, 0, moving);
  return copy;
}

/** Where the article puts a section: the heading of the source section before it. */
const headingBefore = (heading: string) => {
  const index = source.sections.findIndex((s) => s.heading?.text === heading);
  return source.sections[index - 1]?.heading?.text;
};
const chapterHolding = (heading: string) =>
  chapters.find((c) => c.outline.sections.some((s) => s.heading?.text === heading));

describe('what the chapters change in the article’s order', () => {
  it('places every heading and sentence of the article', () => {
    expect(unplacedProblem(actual)).toBeUndefined();
  });

  it('finds the moved sections: without them, the chapters run in the article’s order', () => {
    const moved = new Set(actual.moves.map((m) => m.heading));
    const order = chapters.flatMap((c) =>
      [c.title, ...c.outline.sections.map((s) => s.heading?.text)].flatMap((text) => {
        const index = source.headings.findIndex((h) => h.text === text);
        return index >= 0 && !moved.has(text) ? [index] : [];
      }),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.length + moved.size).toBe(source.headings.length);
    expect(actual.moves.every((m) => m.whole)).toBe(true);
  });

  it('says where the article and the site put each', () => {
    for (const move of actual.moves) {
      const heading = move.heading ?? '';
      expect(move.afterInArticle).toBe(headingBefore(heading));
      expect(move.toChapter.id).toBe(chapterHolding(heading)?.id);
      expect(move.fromChapter?.id).toBe(
        chapterHolding(move.afterInArticle ?? '')?.id ??
          chapters.find((c) => c.title === move.afterInArticle)?.id,
      );
    }
  });

  it('names the chapter titles that are not headings of the article', () => {
    const headings = new Set(source.headings.map((h) => h.text));
    expect(actual.editorsTitles.map((t) => t.id)).toEqual(
      chapters.filter((c) => !headings.has(c.title)).map((c) => c.id),
    );
  });

  it('changes its statement when the content changes', () => {
    // Put every moved section back where the article has it: the order is the article's again.
    let restored: ArticleChapter[] = chapters;
    for (const move of actual.moves) {
      const heading = move.heading ?? '';
      const before = headingBefore(heading) ?? '';
      const holder =
        restored.find((c) => c.outline.sections.some((s) => s.heading?.text === before)) ??
        restored.find((c) => c.title === before);
      restored = moveSection(restored, heading, { chapter: holder?.id ?? '', after: before });
    }
    const kept = describeWhatMoved(whatMoved(source, restored));
    expect(kept.lead).toBe(
      'The chapters keep the article’s order: every section stands where the article puts it.',
    );
    expect(kept.moves).toEqual([]);

    // Move the last section of the last chapter to the start of the first chapter that has sections.
    const last = chapters.findLast((c) => c.outline.sections.some((s) => s.heading));
    const lastHeading = last?.outline.sections.findLast((s) => s.heading)?.heading?.text ?? '';
    const first = restored.find((c) => c.outline.sections.some((s) => s.heading));
    const moved = whatMoved(
      source,
      moveSection(restored, lastHeading, { chapter: first?.id ?? '' }),
    );
    const statement = describeWhatMoved(moved);
    expect(moved.moves.map((m) => m.heading)).toEqual([lastHeading]);
    expect(statement.lead).toMatch(
      /^The chapters keep the article’s order, except for one section moved into chapter \d+, “/,
    );
    expect(statement.moves).toEqual([
      expect.stringContaining(
        `“${lastHeading}” comes in the article after “${headingBefore(lastHeading) ?? ''}”`,
      ),
    ]);
  });

  it('states a single moved sentence and an editors’ title', () => {
    const [one, two] = chapters;
    const [opening, ...rest] = one?.outline.sections ?? [];
    const [block, ...blocks] = opening?.blocks ?? [];
    const sentence = block?.sentences[0];
    const target = two?.outline.sections[0];
    if (!one || !two || !opening || !block || !sentence || !target)
      throw new Error('the article needs two chapters, the first opening with a sentence');
    const withSections = (c: ArticleChapter, sections: Section[], title = c.title) => ({
      ...c,
      title,
      outline: { ...c.outline, sections },
    });
    const changed = chapters.map((c) =>
      c === one
        ? withSections(
            c,
            [
              {
                ...opening,
                blocks: [{ ...block, sentences: block.sentences.slice(1) }, ...blocks],
              },
              ...rest,
            ],
            'Our Own Title',
          )
        : c === two
          ? withSections(c, [
              { ...target, blocks: [...target.blocks, { ...block, sentences: [sentence] }] },
              ...two.outline.sections.slice(1),
            ])
          : c,
    );
    const statement = describeWhatMoved(whatMoved(source, changed));
    expect(statement.moves).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^One sentence of .*, from “${sentence.text.slice(0, 20)}.*”, stands .* in chapter 2 here\\.$`,
        ),
      ),
    );
    expect(statement.titles).toMatch(
      actual.editorsTitles.length === 0
        ? /^The title of chapter 1 is the editors’ own/
        : /^The titles of chapters 1, /,
    );
  });
});

describe('a heading moved without its text', () => {
  it('is named as a heading, not as a section', () => {
    const chapter = chapters.find((c) => c.outline.sections.filter((s) => s.heading).length >= 2);
    const [a, b, ...rest] = chapter?.outline.sections.filter((s) => s.heading) ?? [];
    if (!chapter || !a?.heading || !b?.heading) throw new Error('no chapter with two sections');
    const swapped = chapters.map((c) =>
      c === chapter
        ? {
            ...c,
            outline: {
              ...c.outline,
              sections: [
                ...c.outline.sections.filter((s) => !s.heading),
                { ...a, heading: b.heading },
                { ...b, heading: a.heading },
                ...rest,
              ],
            },
          }
        : c,
    );
    const statement = describeWhatMoved(whatMoved(source, swapped));
    expect(statement.moves).toContainEqual(
      expect.stringMatching(/^The heading “.*” stands after “.*” in chapter \d+ here\.$/),
    );
  });
});
