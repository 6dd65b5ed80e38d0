import { z } from 'astro/zod';
import { DATE_PRECISIONS, dateProblem } from './event-dates.ts';
import { CLAIM_STATUSES } from './claim-labels.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase id such as "energy" or "vladimir-putin"');

/** One entry of `content/events.yaml`, keyed by its id, listed in chronological order. */
export const eventSchema = z
  .strictObject({
    /** "2025-06-01", "2025-06", "early 2025" or "2025", matching `precision`. Quote it in YAML. */
    date: z.string(),
    precision: z.enum(DATE_PRECISIONS),
    /** A short headline in the editors' own words, stating only what the text says. */
    title: z.string().trim().min(8).max(200),
    /** The sentence of the article the event comes from, word for word. */
    quote: z.string().trim().min(10),
    /** The chapter (file name without .mdx) and the id of the heading of the section that tells it. */
    chapter: slug,
    section: z
      .string()
      .regex(/^[^\s#]+$/, 'must be a heading id as on the chapter page, without "#"')
      .optional(),
    /** Ids of `content/actors.yaml`. */
    actors: z.array(slug).min(1),
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
      .optional(),
  })
  .superRefine((event, context) => {
    const problem = dateProblem(event.date, event.precision);
    if (problem) context.addIssue({ code: 'custom', path: ['date'], message: problem });
  });

export type EventData = z.infer<typeof eventSchema>;
