import { z } from 'astro/zod';
import { CLAIM_STATUSES } from '../facts/claim-labels.ts';

/** Kinds of place, in the order the places page lists them. */
export const PLACE_KINDS = ['country', 'city', 'region', 'sea', 'corridor'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_KIND_NAMES: Record<PlaceKind, { one: string; many: string }> = {
  country: { one: 'Country', many: 'Countries' },
  city: { one: 'City', many: 'Cities' },
  region: { one: 'Region', many: 'Regions' },
  sea: { one: 'Sea', many: 'Seas' },
  corridor: { one: 'Corridor', many: 'Corridors' },
};

const term = z.string().trim().min(2);
const sentence = z.string().trim().min(3);

/** [longitude, latitude] in degrees, WGS84. */
export const coordinatesSchema = z.tuple([
  z.number().min(-180).max(180),
  z.number().min(-90).max(90),
]);
export type Coordinates = z.infer<typeof coordinatesSchema>;

/** A claim label on a place or on a map's entry: the article's own sentence must state it. */
export const statusSchema = z.strictObject({
  label: z.enum(CLAIM_STATUSES),
  /** Who alleges or denies, as the sentence names them. */
  by: term.optional(),
  sentence,
});
export type StatusData = z.infer<typeof statusSchema>;

/** One entry of `content/places.yaml`, keyed by its id (its anchor on /places/ is #<id>). */
export const placeSchema = z
  .strictObject({
    /** The name the site uses, as the article spells it. */
    name: term,
    kind: z.enum(PLACE_KINDS),
    /** Other names the article uses for the same place ("Turkey", "Karabakh"). */
    aliases: z.array(term).default([]),
    /** Adjectives that also count as mentions ("Turkish"). */
    demonyms: z.array(term).default([]),
    /**
     * Where the place is drawn: a city's location, a point inside a country, region or sea where its
     * name is written. A region too wide to pin to a point (Europe) has none and is listed, not drawn.
     */
    coordinates: coordinatesSchema.optional(),
    /** A country's ISO 3166-1 numeric code: its outline in the boundary data. */
    iso: z
      .string()
      .regex(/^\d{3}$/, 'an ISO 3166-1 numeric code is three digits, e.g. "031"')
      .optional(),
    /** A corridor's places the article names along it (ids); it is drawn there and nowhere else. */
    along: z.array(term).default([]),
    /** Whole sentences of the article that name the place (or, for a corridor, the places along it). */
    sources: z.array(sentence).min(1),
    /** When the article names the place only in a claim it labels: each label and its sentence. */
    status: z.array(statusSchema).default([]),
    /** When the article names the place only as the party that makes or rejects a claim (Tehran, alleging). */
    claimant: z.enum(CLAIM_STATUSES).optional(),
  })
  .superRefine((place, context) => {
    if (place.kind === 'country' && !place.iso)
      context.addIssue({
        code: 'custom',
        path: ['iso'],
        message: 'a country needs "iso", its ISO 3166-1 numeric code, to be outlined',
      });
    if (place.kind !== 'country' && place.iso)
      context.addIssue({
        code: 'custom',
        path: ['iso'],
        message: 'only a country has an outline ("iso")',
      });
    if (place.kind !== 'corridor' && place.along.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['along'],
        message: 'only a corridor has places along it',
      });
    if (place.kind === 'corridor' && place.along.length > 0 && place.coordinates)
      context.addIssue({
        code: 'custom',
        path: ['coordinates'],
        message:
          'a corridor is drawn at the places along it; give "along" or "coordinates", not both',
      });
    if ((place.kind === 'city' || place.kind === 'country') && !place.coordinates)
      context.addIssue({
        code: 'custom',
        path: ['coordinates'],
        message: `a ${place.kind} needs "coordinates": [longitude, latitude]`,
      });
  });
export type PlaceData = z.infer<typeof placeSchema>;

/** The area a map must show, in degrees. */
export const frameSchema = z
  .strictObject({
    west: z.number().min(-180).max(180),
    south: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
  })
  .refine((f) => f.west < f.east && f.south < f.north, {
    message: 'west must be less than east, and south less than north',
  });
export type Frame = z.infer<typeof frameSchema>;

/** A place on a chapter's map, with what the chapter says happened there. */
export const mapEntrySchema = z.strictObject({
  place: term,
  /** Where to write the name, when the place's own point is off this map or crowded. */
  at: coordinatesSchema.optional(),
  /** One short sentence in the editors' words, saying no more than the sources. */
  note: z.string().trim().min(5).max(240).optional(),
  /**
   * Whole sentences of the chapter the entry rests on; at least one names the place. Required on a
   * chapter's map; on the places page's maps the place's own sources stand when this is left out.
   */
  sources: z.array(sentence).min(1).optional(),
  status: z.array(statusSchema).default([]),
  claimant: z.enum(CLAIM_STATUSES).optional(),
});
export type MapEntryData = z.infer<typeof mapEntrySchema>;

/** One entry of `content/maps.yaml`, keyed by its id (`<PlaceMap id="…" />`). */
export const mapSchema = z.strictObject({
  /** The caption: says what the map shows, states no fact of its own. */
  title: z.string().trim().min(5).max(120),
  /** The chapter the map stands in; without one, the map is on /places/ and may draw any place. */
  chapter: term.optional(),
  frame: frameSchema,
  /** Place ids (drawn as the places data has them) or entries with the chapter's own notes. */
  places: z.array(z.union([term, mapEntrySchema])).min(1),
});
export type MapData = z.infer<typeof mapSchema>;
