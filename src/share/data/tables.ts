import { machineReadableDate } from '../../facts/event-dates.ts';
import type { Facts, TimelineEvent } from '../../facts/load-facts.ts';
import { withBase } from '../../lib/urls.ts';
import { site } from '../../site.config.ts';

/**
 * The timeline and the actors index as data: one row per event and per actor, made at build time
 * from the same facts the pages show. The field lists below describe each column on the /data/
 * page and in the JSON files, so the description and the data cannot drift apart.
 */
export const EVENT_FIELDS = {
  id: 'Stable identifier of the event; the timeline links to it as #event-<id>.',
  date: 'The date as precise as the article gives it: YYYY-MM-DD, YYYY-MM, a part of a year such as "early 2025", or YYYY.',
  precision: 'How precise the date is: day, month, season or year.',
  date_label: 'The date as the site writes it.',
  title: 'A short title in the editors’ words, saying no more than the quote.',
  quote: 'The article’s own sentence(s) telling the event, word for word.',
  chapter: 'The chapter that tells the event.',
  url: 'The address of the passage that tells it: the chapter page and the section’s anchor.',
  actors: 'The actors involved, by name (in CSV separated by "; ").',
  status:
    'Labels the article itself gives the claim (verified, unverified, alleged, denied) and by whom; empty when it gives none.',
} as const;

export const ACTOR_FIELDS = {
  id: 'Stable identifier; the actor’s page is /actors/<id>/.',
  name: 'The name the site uses.',
  kind: 'State, organisation, person, territory, infrastructure, operation or agreement.',
  aliases: 'Other names the article uses (in CSV separated by "; ").',
  description: 'One or two sentences in the editors’ words, saying only what the article says.',
  url: 'The address of the actor’s page.',
  events: 'Identifiers of the events the actor takes part in (in CSV separated by "; ").',
} as const;

type Row<Fields> = Record<
  keyof Fields,
  string | string[] | { label: string; by?: string | undefined }[]
>;
export type EventRow = Row<typeof EVENT_FIELDS>;
export type ActorRow = Row<typeof ACTOR_FIELDS>;

/** The date as the data file writes it. */
export function eventDateText(event: TimelineEvent): string {
  const { date } = event;
  return date.precision === 'season' ? `${date.season} ${date.year}` : machineReadableDate(date);
}

export function eventRows(facts: Pick<Facts, 'events'>, siteUrl: URL, base?: string): EventRow[] {
  return facts.events.map((event) => ({
    id: event.id,
    date: eventDateText(event),
    precision: event.date.precision,
    date_label: event.dateLabel,
    title: event.title,
    quote: event.quote,
    chapter: event.place.chapterTitle,
    url: new URL(withBase(event.place.path, base), siteUrl).href,
    actors: event.actors.map((actor) => actor.name),
    status: event.status.map((s) => ({ label: s.label, by: s.by })),
  }));
}

export function actorRows(facts: Pick<Facts, 'actors'>, siteUrl: URL, base?: string): ActorRow[] {
  return facts.actors.map((actor) => ({
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    aliases: actor.aliases,
    description: actor.description,
    url: new URL(withBase(`actors/${actor.id}/`, base), siteUrl).href,
    events: actor.events.map((event) => event.id),
  }));
}

/** A dataset as one JSON document: what it is, as of when, what each field means, then the rows. */
export function datasetJson<Fields extends Record<string, string>>(input: {
  name: string;
  description: string;
  source: URL;
  fields: Fields;
  rows: Row<Fields>[];
}): string {
  return `${JSON.stringify(
    {
      name: input.name,
      description: input.description,
      source: input.source.href,
      asOf: site.asOf,
      asOfLabel: site.asOfLabel,
      fields: input.fields,
      count: input.rows.length,
      rows: input.rows,
    },
    null,
    2,
  )}\n`;
}

/**
 * RFC 4180 CSV: a header row of the field names, CRLF line ends, fields quoted when they hold a
 * quote, comma or line break. A UTF-8 byte order mark first, so spreadsheet programs read the
 * article's typographic quotes and accented names correctly.
 */
export function datasetCsv<Fields extends Record<string, string>>(
  fields: Fields,
  rows: Row<Fields>[],
): string {
  const names = Object.keys(fields) as (keyof Fields & string)[];
  const cell = (value: Row<Fields>[keyof Fields]): string => {
    const text: string = Array.isArray(value)
      ? value
          .map((item: string | { label: string; by?: string | undefined }) =>
            typeof item === 'string'
              ? item
              : item.by
                ? `${item.label} (by ${item.by})`
                : item.label,
          )
          .join('; ')
      : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [names.join(','), ...rows.map((row) => names.map((n) => cell(row[n])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
