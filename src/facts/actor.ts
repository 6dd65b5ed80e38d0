import { z } from 'astro/zod';

/** The actors' data file, from the project root. */
export const ACTORS_FILE = 'content/actors.yaml';

/** Kinds of actor, in the order the actors index lists them. */
export const ACTOR_KINDS = [
  'state',
  'organisation',
  'person',
  'territory',
  'infrastructure',
  'operation',
  'agreement',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const term = z.string().trim().min(2);

/** One entry of `content/actors.yaml`, keyed by its id (the page is /actors/<id>/). */
export const actorSchema = z.strictObject({
  /** The name the site uses, as the article spells it ("Türkiye"). */
  name: term,
  kind: z.enum(ACTOR_KINDS),
  /** Other names the article uses for the same actor: spellings ("Turkey"), capitals standing for a government ("Moscow"). */
  aliases: z.array(term).default([]),
  /** Adjectives of nationality that also count as mentions ("Turkish"). */
  demonyms: z.array(term).default([]),
  /** One or two sentences in the editors' own words, saying only what the article says. */
  description: z.string().trim().min(20).max(320),
});

export type ActorData = z.infer<typeof actorSchema>;
