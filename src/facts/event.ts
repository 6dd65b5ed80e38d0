import { z } from 'astro/zod';
import { DATE_PRECISIONS, parseEventDate } from './event-dates.ts';
import { CLAIM_STATUSES } from './claim-labels.ts';

/** The events' data file, from the project root. */
export const EVENTS_FILE = 'content/events.yaml';

/** A reference to an entry of another collection, as Astro's `reference()` gives it. */
export type Reference<C extends string> = z.ZodType<{ collection: C; id: string }, string>;

/** A reference read without Astro (tests, tools): the same shape `reference()` gives. */
export function idReference<C extends string>(collection: C): Reference<C> {
  return z.string().transform((id) => ({ collection, id }));
}

/**
 * One entry of `content/events.yaml`, keyed by its id, listed in chronological order. Whether the
 * referenced actors, chapter and heading exist, and whether the quotes are the article's, is
 * checked across files by `buildFacts` (src/facts/graph.ts), which names the line.
 */
export function eventSchema(references: {
  actors: Reference<'actors'>;
  chapters: Reference<'chapters'>;
}) {
  return z
    .strictObject({
      /** "2025-06-01", "2025-06", "early 2025" or "2025", matching `precision`. Quote it in YAML. */
      date: z.string(),
      precision: z.enum(DATE_PRECISIONS),
      /** A short headline in the editors' own words, stating only what the text says. */
      title: z.string().trim().min(8).max(200),
      /** The sentence(s) of the article the event comes from, word for word. */
      quote: z.string().trim().min(10),
      /** The chapter (file name without .mdx) that tells it… */
      chapter: references.chapters,
      /** …and the id of the heading of its section there. */
      section: z
        .string()
        .regex(/^[^\s#]+$/, 'must be a heading id as on the chapter page, without "#"')
        .optional(),
      /** Ids of `content/actors.yaml`. */
      actors: z.array(references.actors).min(1),
      /** Only where the article itself calls the claim verified, unverified, alleged or denied. */
      status: z
        .array(
          z.strictObject({
            label: z.enum(CLAIM_STATUSES),
            /** Who alleges or denies, as the sentence names them ("Baku"). */
            by: z.string().trim().min(2).optional(),
            /** The article's sentence that says so, word for word. */
            sentence: z.string().trim().min(10),
          }),
        )
        .default([]),
    })
    .transform(({ date: text, precision, ...event }, context) => {
      const reading = parseEventDate(text, precision);
      if (reading.ok) return { ...event, date: reading.date };
      context.issues.push({
        code: 'custom',
        path: ['date'],
        message: reading.problem,
        input: text,
      });
      return z.NEVER;
    });
}

export type EventData = z.output<ReturnType<typeof eventSchema>>;
