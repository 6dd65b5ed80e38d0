import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { actorSchema } from './facts/actor.ts';
import { eventSchema } from './facts/event.ts';

export const collections = {
  chapters: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
    schema: chapterSchema,
  }),
  actors: defineCollection({
    loader: file('content/actors.yaml'),
    schema: actorSchema,
  }),
  events: defineCollection({
    loader: file('content/events.yaml'),
    schema: eventSchema,
  }),
};
