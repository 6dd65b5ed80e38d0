import { getFacts } from '../../facts/load-facts.ts';
import { withBase } from '../../lib/urls.ts';
import {
  ACTOR_FIELDS,
  actorRows,
  datasetCsv,
  datasetJson,
  EVENT_FIELDS,
  eventRows,
} from './tables.ts';

export const DATA_DIRECTORY = 'data/';

export interface Dataset {
  /** `events`, `actors`: the file names are `<id>.json` and `<id>.csv`. */
  id: 'events' | 'actors';
  name: string;
  description: string;
  /** The page the data comes from, relative to the base path. */
  page: string;
  fields: Record<string, string>;
  count: number;
  json: string;
  csv: string;
}

/** Both datasets, built from the facts the timeline and the actors index show. */
export async function datasets(siteUrl: URL, base?: string): Promise<Dataset[]> {
  const facts = await getFacts();
  const events = eventRows(facts, siteUrl, base);
  const actors = actorRows(facts, siteUrl, base);
  const eventsDescription =
    'Every dated event in the analysis: its date, a short title, the sentence that tells it, where to read it, who is involved and any label the article gives it.';
  const actorsDescription =
    'The states, organisations, people, places, infrastructure and operations the analysis names, with the events each takes part in.';
  const source = (page: string) => new URL(withBase(page, base), siteUrl);
  return [
    {
      id: 'events',
      name: 'Timeline events',
      description: eventsDescription,
      page: 'timeline/',
      fields: EVENT_FIELDS,
      count: events.length,
      json: datasetJson({
        name: 'Timeline events',
        description: eventsDescription,
        source: source('timeline/'),
        fields: EVENT_FIELDS,
        rows: events,
      }),
      csv: datasetCsv(EVENT_FIELDS, events),
    },
    {
      id: 'actors',
      name: 'Actors',
      description: actorsDescription,
      page: 'actors/',
      fields: ACTOR_FIELDS,
      count: actors.length,
      json: datasetJson({
        name: 'Actors',
        description: actorsDescription,
        source: source('actors/'),
        fields: ACTOR_FIELDS,
        rows: actors,
      }),
      csv: datasetCsv(ACTOR_FIELDS, actors),
    },
  ];
}

export function dataFile(dataset: Pick<Dataset, 'id'>, format: 'json' | 'csv'): string {
  return `${DATA_DIRECTORY}${dataset.id}.${format}`;
}
