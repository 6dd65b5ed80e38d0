import { z } from 'astro/zod';

/** Frontmatter of one chapter in `content/chapters/`. */
export const chapterSchema = z.strictObject({
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
});

export type ChapterData = z.infer<typeof chapterSchema>;
