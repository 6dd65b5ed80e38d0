/**
 * The places the article names and the maps drawn of them, as one pure function from the data files
 * and the article model (src/article, which also says where each chapter places its map) to either
 * every problem found (each naming file and line) or a fully typed model the pages render. Nothing
 * here reads files or knows about Astro (see load.ts and files.ts).
 */
import type { ArticleChapter } from '../article/chapters.ts';
import type { SourceArticle } from '../article/source.ts';
import { normalise } from '../article/text.ts';
import { claimLabelProblem, type ClaimStatus } from '../facts/claim-labels.ts';
import { parseDataFile } from '../facts/files.ts';
import { placeOf, type ChapterPlace } from '../facts/graph.ts';
import { createMentionFinder, termsOf } from '../facts/mentions.ts';
import {
  mapSchema,
  placeSchema,
  type Coordinates,
  type Frame,
  type MapEntryData,
  type PlaceData,
  type StatusData,
} from './schema.ts';
import { droppedHedges, hedgesIn, undatedDates } from '../facts/faithfulness.ts';

export const PLACES_FILE = 'content/places.yaml';
export const MAPS_FILE = 'content/maps.yaml';
/** The MDX component a chapter places its map with. */
export const MAP_COMPONENT = 'PlaceMap';

/** A section of a chapter a reader can be sent to (as the facts link to them). */
export type SectionLink = ChapterPlace;

export interface PlacesInput {
  placesText: string;
  mapsText: string;
  /** The article's source (content/source/article.txt), in the article model. */
  article: SourceArticle;
  chapters: readonly ArticleChapter[];
}

/** A chapter's sections as the places read them: the prose and its sentences. */
interface ChapterInput {
  id: string;
  title: string;
  file: string;
  outline: ArticleChapter['outline'];
  sentences: Set<string>;
  sections: { link: SectionLink; text: string; sentences: Set<string> }[];
}

function chapterInput(chapter: ArticleChapter): ChapterInput {
  const sections = chapter.outline.sections.map((section) => {
    const sentences = section.blocks.flatMap((block) => block.sentences.map((s) => s.text));
    return {
      link: placeOf(chapter, section),
      text: [section.heading?.text, ...section.blocks.map((b) => b.text)]
        .filter((t) => t !== undefined)
        .join('\n'),
      sentences: new Set(sentences),
    };
  });
  return {
    id: chapter.id,
    title: chapter.title,
    file: chapter.outline.file,
    outline: chapter.outline,
    sentences: new Set(sections.flatMap((s) => [...s.sentences])),
    sections,
  };
}

export interface Place extends PlaceData {
  id: string;
}

export interface PlaceMention extends SectionLink {
  /** The words that named the place in this section and how often. */
  terms: { term: string; count: number }[];
}

export interface MapEntry {
  place: Place;
  /** Where its marker and label go: the place's point, or for a corridor the first place along it. */
  at: Coordinates;
  /** For a corridor: the points of the places along it. */
  along: { place: Place; at: Coordinates }[];
  note?: string | undefined;
  /** Labels the map must show beside the name; empty when the text names the place plainly. */
  status: StatusData[];
  /** Sections of the map's chapter that name the place (none on the places page's maps). */
  links: SectionLink[];
}

export interface PlaceMapModel {
  id: string;
  title: string;
  chapter?: { id: string; title: string; file: string } | undefined;
  frame: Frame;
  entries: MapEntry[];
  /** For a chapter's map: places the chapter names that the map does not draw. */
  alsoNamed: Place[];
}

export interface PlaceModel {
  places: Place[];
  mentionsByPlace: Map<string, PlaceMention[]>;
  maps: PlaceMapModel[];
}

export type PlacesResult =
  { ok: true; model: PlaceModel; problems: [] } | { ok: false; problems: string[] };

export function buildPlaceModel(input: PlacesInput): PlacesResult {
  const problems: string[] = [];
  const placesFile = parseDataFile(PLACES_FILE, input.placesText, placeSchema, problems);
  const mapsFile = parseDataFile(MAPS_FILE, input.mapsText, mapSchema, problems);
  if (problems.length > 0) return { ok: false, problems };
  const placesAt = placesFile.at;
  const mapsAt = mapsFile.at;
  const sourceSentences = new Set(input.article.sentences.map((s) => s.text));
  const chapters = input.chapters.map(chapterInput);

  const places: Place[] = placesFile.entries.map((e) => ({ id: e.id, ...e.data }));
  const placesById = new Map(places.map((p) => [p.id, p]));
  const atPlace = (id: string, ...path: (string | number)[]) => placesAt.at([id, ...path]);

  const finder = createMentionFinder(places);
  for (const { term, first, second } of finder.conflicts)
    problems.push(
      `${placesAt.at([second])}: place "${second}": the term "${term}" also names "${first}"; each name may point to one place only`,
    );
  const names = (place: Place, text: string) => finder.find(text).has(place.id);

  // Where each place is named, section by section, and which of its terms the text uses.
  const mentionsByPlace = new Map<string, PlaceMention[]>(places.map((p) => [p.id, []]));
  const termsUsed = new Map<string, Set<string>>(places.map((p) => [p.id, new Set()]));
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      for (const [id, counts] of finder.find(section.text)) {
        mentionsByPlace.get(id)!.push({
          ...section.link,
          terms: [...counts].map(([term, count]) => ({ term, count })),
        });
        for (const term of counts.keys()) termsUsed.get(id)!.add(term);
      }
    }
  }

  for (const place of places) {
    const used = termsUsed.get(place.id)!;
    if (used.size === 0) {
      problems.push(
        `${atPlace(place.id)}: place "${place.id}" (${place.name}) is named nowhere in the chapters; remove it, or correct its name, aliases and demonyms to the article's spelling`,
      );
    } else {
      // The name may be one the article only uses inside another word (Anatolia, as Trans-Anatolian).
      for (const term of [...place.aliases, ...place.demonyms]) {
        if (!used.has(term))
          problems.push(
            `${atPlace(place.id)}: place "${place.id}": the term "${term}" occurs nowhere in the chapters; every alias and demonym must be one the article uses`,
          );
      }
    }
    problems.push(
      ...sourceProblems(place.sources, sourceSentences, (i) => atPlace(place.id, 'sources', i)),
    );
    const named = (text: string) =>
      names(place, text) ||
      place.along.some((id) => placesById.has(id) && names(placesById.get(id)!, text));
    if (!place.sources.some((s) => names(place, s)))
      problems.push(
        `${atPlace(place.id, 'sources')}: place "${place.id}": none of its sources names it (as ${termsOf(place).join(', ')})`,
      );
    place.sources.forEach((s, i) => {
      if (!named(s))
        problems.push(
          `${atPlace(place.id, 'sources', i)}: place "${place.id}": this source does not name the place${place.along.length ? ' or a place along it' : ''}: "${s}"`,
        );
    });
    place.along.forEach((id, i) => {
      const other = placesById.get(id);
      if (!other) {
        problems.push(
          `${atPlace(place.id, 'along', i)}: place "${place.id}": unknown place "${id}" along it`,
        );
      } else if (!other.coordinates) {
        problems.push(
          `${atPlace(place.id, 'along', i)}: place "${place.id}": "${id}" has no coordinates, so the corridor cannot be drawn there`,
        );
      } else if (!place.sources.some((s) => names(other, s))) {
        problems.push(
          `${atPlace(place.id, 'along', i)}: place "${place.id}": no source names "${other.name}" as a place along it`,
        );
      }
    });
    problems.push(
      ...statusProblems(place.status, sourceSentences, (i) => atPlace(place.id, 'status', i)),
      ...plainnessProblems(
        place,
        place.sources,
        place.status,
        place.claimant,
        names,
        atPlace(place.id),
      ),
    );
  }

  // Where each chapter places its maps, as the article model read them from the MDX.
  const placements = new Map<string, { chapter: ChapterInput; line: number }[]>();
  for (const chapter of chapters) {
    for (const element of chapter.outline.components) {
      if (element.name !== MAP_COMPONENT) continue;
      const id = element.attributes.id;
      if (typeof id !== 'string') {
        problems.push(
          `${chapter.file}:${element.line}: <${MAP_COMPONENT}> needs an id="…", one of the maps in ${MAPS_FILE}`,
        );
        continue;
      }
      placements.set(id, [...(placements.get(id) ?? []), { chapter, line: element.line }]);
    }
  }
  const mapIds = new Set(mapsFile.entries.map((e) => e.id));
  for (const [id, where] of placements) {
    if (!mapIds.has(id))
      for (const { chapter, line } of where)
        problems.push(
          `${chapter.file}:${line}: <${MAP_COMPONENT} id="${id}" />: there is no map "${id}" in ${MAPS_FILE} (maps: ${[...mapIds].join(', ')})`,
        );
  }

  const chaptersById = new Map(chapters.map((c) => [c.id, c]));
  const maps: PlaceMapModel[] = [];
  for (const { id, data } of mapsFile.entries) {
    const at = (...path: (string | number)[]) => mapsAt.at([id, ...path]);
    const report = (where: string, message: string) =>
      problems.push(`${where}: map "${id}": ${message}`);
    const placed = placements.get(id) ?? [];
    const chapter = data.chapter === undefined ? undefined : chaptersById.get(data.chapter);
    if (data.chapter !== undefined && !chapter) {
      report(
        at('chapter'),
        `unknown chapter "${data.chapter}" (chapters: ${[...chaptersById.keys()].join(', ')})`,
      );
      continue;
    }
    if (chapter) {
      if (placed.length === 0 || placed.some((p) => p.chapter !== chapter))
        report(
          at('chapter'),
          `it belongs to chapter "${chapter.id}", so ${chapter.file} must place it once with <${MAP_COMPONENT} id="${id}" />, and no other chapter may` +
            (placed.length
              ? ` (found in ${placed.map((p) => `${p.chapter.file}:${p.line}`).join(', ')})`
              : ''),
        );
      else if (placed.length > 1)
        report(at('chapter'), `${chapter.file} places it ${placed.length} times; once is enough`);
    } else if (placed.length > 0) {
      report(
        at(),
        `it has no chapter, so it belongs to the places page; give it "chapter: ${placed[0]!.chapter.id}" to place it in ${placed[0]!.chapter.file}`,
      );
    }

    const entries: MapEntry[] = [];
    const seen = new Set<string>();
    data.places.forEach((raw, index) => {
      const entry: MapEntryData | undefined = typeof raw === 'string' ? undefined : raw;
      const placeId = typeof raw === 'string' ? raw : raw.place;
      const where = at('places', index);
      const place = placesById.get(placeId);
      if (!place) {
        report(where, `unknown place "${placeId}"; places are the ids in ${PLACES_FILE}`);
        return;
      }
      if (seen.has(place.id)) report(where, `"${place.id}" is on the map twice`);
      seen.add(place.id);
      if (chapter && !entry?.sources) {
        report(
          where,
          `"${place.id}": a chapter's map says what the chapter says, so each place needs its own "sources" from ${chapter.file} (and a "note" if the map says why it is there)`,
        );
        return;
      }
      const sources = entry?.sources ?? place.sources;
      const status = entry?.sources ? entry.status : place.status;
      if (entry?.sources) {
        problems.push(
          ...sourceProblems(entry.sources, sourceSentences, (i) =>
            at('places', index, 'sources', i),
          ),
        );
        if (chapter)
          entry.sources.forEach((s, i) => {
            if (!chapter.sentences.has(normalise(s)))
              report(
                at('places', index, 'sources', i),
                `"${place.id}": this source is not in chapter "${chapter.id}": "${s}"`,
              );
          });
        if (
          !entry.sources.some(
            (s) =>
              names(place, s) ||
              place.along.some((a) => placesById.has(a) && names(placesById.get(a)!, s)),
          )
        )
          report(
            at('places', index, 'sources'),
            `"${place.id}": none of its sources names ${place.name}`,
          );
        problems.push(
          ...statusProblems(entry.status, sourceSentences, (i) => at('places', index, 'status', i)),
          ...plainnessProblems(place, entry.sources, entry.status, entry.claimant, names, where),
        );
        if (entry.note)
          for (const problem of noteProblems(entry.note, [
            ...entry.sources,
            ...entry.status.map((s) => s.sentence),
          ]))
            report(
              at('places', index, 'note'),
              `"${place.id}": the note says more than its sources: ${problem}`,
            );
      }

      const along = place.along.flatMap((a) => {
        const other = placesById.get(a);
        return other?.coordinates ? [{ place: other, at: other.coordinates }] : [];
      });
      const anchor = entry?.at ?? place.coordinates ?? along[0]?.at;
      if (entry && !entry.sources && (entry.note || entry.status.length > 0 || entry.claimant))
        report(where, `"${place.id}": a note or a label needs the entry's own "sources"`);
      if (!anchor) {
        report(
          where,
          `"${place.id}" has no coordinates${place.kind === 'corridor' ? ' and no places along it' : ''}, so it cannot be drawn`,
        );
        return;
      }
      for (const point of [anchor, ...along.map((a) => a.at)]) {
        if (!inFrame(point, data.frame))
          report(
            where,
            `"${place.id}" at [${point.join(', ')}] lies outside the frame; widen the frame${place.kind === 'country' || place.kind === 'region' ? ' or give "at": a point inside it where its name can go' : ''}`,
          );
      }
      entries.push({
        place,
        at: anchor,
        along,
        note: entry?.note,
        status,
        links: chapter ? sectionsHolding(chapter, sources) : [],
      });
    });

    const drawn = new Set(entries.map((e) => e.place.id));
    const alsoNamed = chapter
      ? places.filter(
          (p) =>
            !drawn.has(p.id) &&
            (mentionsByPlace.get(p.id) ?? []).some((m) => m.chapterId === chapter.id),
        )
      : [];
    maps.push({
      id,
      title: data.title,
      chapter: chapter && { id: chapter.id, title: chapter.title, file: chapter.file },
      frame: data.frame,
      entries,
      alsoNamed,
    });
  }

  // The places page's maps between them draw every place that can be drawn.
  const onPlacesPage = new Set(
    maps.filter((m) => !m.chapter).flatMap((m) => m.entries.map((e) => e.place.id)),
  );
  for (const place of places) {
    if ((place.coordinates || place.along.length > 0) && !onPlacesPage.has(place.id))
      problems.push(
        `${atPlace(place.id)}: place "${place.id}" has coordinates but is on none of the places page's maps (the maps in ${MAPS_FILE} without a chapter); add it to one`,
      );
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, model: { places, mentionsByPlace, maps }, problems: [] };
}

/** The chapter's sections that hold any of the sentences, in order. */
function sectionsHolding(chapter: ChapterInput, sentences: readonly string[]): SectionLink[] {
  const wanted = sentences.map(normalise);
  return chapter.sections
    .filter((section) => wanted.some((s) => section.sentences.has(s)))
    .map((section) => section.link);
}

function sourceProblems(
  sources: readonly string[],
  article: ReadonlySet<string>,
  where: (index: number) => string,
): string[] {
  return sources.flatMap((s, i) =>
    article.has(normalise(s))
      ? []
      : [`${where(i)}: not a whole sentence of content/source/article.txt, word for word: "${s}"`],
  );
}

function statusProblems(
  status: readonly StatusData[],
  article: ReadonlySet<string>,
  where: (index: number) => string,
): string[] {
  return status.flatMap((s, i) => {
    const problems: string[] = [];
    if (!article.has(normalise(s.sentence)))
      problems.push(
        `${where(i)}: the label's sentence is not a whole sentence of content/source/article.txt: "${s.sentence}"`,
      );
    const problem = claimLabelProblem(s.label, normalise(s.sentence), s.by);
    if (problem) problems.push(`${where(i)}: ${problem}`);
    return problems;
  });
}

/**
 * A place drawn plainly (no label) must rest on at least one source that names it without hedging;
 * a place the text names only in an allegation or unverified report must carry that label.
 */
function plainnessProblems(
  place: Place,
  sources: readonly string[],
  status: readonly StatusData[],
  claimant: ClaimStatus | undefined,
  names: (place: Place, text: string) => boolean,
  where: string,
): string[] {
  const naming = sources.filter((s) => names(place, s));
  if (claimant) {
    // Named as the party making or rejecting a claim: its sentences must say so.
    return naming.flatMap((s) => {
      const problem = claimLabelProblem(claimant, normalise(s));
      return problem
        ? [
            `${where}: "${place.id}" is marked as the one whose claim is "${claimant}", but ${problem}`,
          ]
        : [];
    });
  }
  if (status.length > 0) return [];
  if (naming.length === 0 || naming.some((s) => hedgesIn(s).size === 0)) return [];
  const families = [...new Set(naming.flatMap((s) => [...hedgesIn(s).keys()]))];
  return [
    `${where}: "${place.id}": every source that names ${place.name} hedges or attributes it (${families.join(', ')}); draw it with a "status" label (alleged, unverified, denied) that its sentence states, or cite a sentence that names it plainly`,
  ];
}

function inFrame([lon, lat]: Coordinates, frame: Frame): boolean {
  return lon >= frame.west && lon <= frame.east && lat >= frame.south && lat <= frame.north;
}

/**
 * Why a note may not rest on its sources, by the faithful layer's own rules: it keeps every hedge or
 * attribution they carry and states no date they do not.
 */
function noteProblems(note: string, sources: readonly string[]): string[] {
  return [
    ...droppedHedges(note, sources).map(
      ({ family, word, sentence }) =>
        `it drops “${word}” (${family}), which its source says: “${sentence}”`,
    ),
    ...undatedDates(note, sources).map(
      (date) => `it states the date “${date.text}”, which none of its sources carries`,
    ),
  ];
}
