import { z } from 'astro/zod';

const sentence = z.string().trim().min(1);

/** Frontmatter of one chapter in `content/chapters/`. */
export const chapterSchema = z
  .strictObject({
    /** The chapter's heading, shown as its `h1` and in the contents. */
    title: z.string().trim().min(1),
    /** Position in the article, starting at 1; no two chapters share one. */
    order: z.number().int().positive(),
    /** One or two sentences in the editors' own words: what the chapter covers, no new facts. */
    summary: z.string().trim().min(20).max(320),
    /** The stretch of time the chapter deals with, as a reader would say it ("2020 to early 2025"). */
    period: z.string().trim().min(4).max(60),
    /**
     * Whose words the chapter's prose is: `article` (the default), checked sentence by sentence against
     * the article's source, or `editors`, the editors' own text, labelled as such to readers and left
     * out of the article checks.
     */
    source: z.enum(['article', 'editors']).default('article'),
    /**
     * The article's sentences the summary and the period rest on, each whole and word for word (a
     * heading counts as one). Required for the article's chapters: both are shown as fact on the
     * contents and chapter pages, so each must say what it rests on. An editors' chapter describes
     * the editors' own text, so it may leave them out.
     */
    sources: z
      .strictObject({
        summary: z.array(sentence).min(1, 'name at least one sentence of the article'),
        period: z.array(sentence).min(1, 'name at least one sentence of the article'),
      })
      .optional(),
  })
  .superRefine((chapter, context) => {
    if (chapter.source === 'article' && !chapter.sources)
      context.addIssue({
        code: 'custom',
        path: ['sources'],
        message:
          'a chapter of the article needs `sources: {summary: [...], period: [...]}`: the sentences of the article its summary and period rest on',
      });
  });

export type ChapterData = z.infer<typeof chapterSchema>;
