import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { ACTORS_FILE, actorSchema } from './facts/actor.ts';
import { EVENTS_FILE, eventSchema } from './facts/event.ts';
import { checkedYamlParser, plainEventSchema } from './facts/files.ts';

export const collections = {
  chapters: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
    schema: chapterSchema,
  }),
  actors: defineCollection({
    loader: file(ACTORS_FILE, { parser: checkedYamlParser(ACTORS_FILE, actorSchema) }),
    schema: actorSchema,
  }),
  events: defineCollection({
    loader: file(EVENTS_FILE, { parser: checkedYamlParser(EVENTS_FILE, plainEventSchema) }),
    schema: eventSchema({ actors: reference('actors'), chapters: reference('chapters') }),
  }),
};
