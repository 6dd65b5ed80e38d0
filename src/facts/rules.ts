/**
 * Content rules the facts check beyond references, each with a message that says how to fix it:
 * an event's date must be written in its quote; ids that do not exist get the closest known one.
 */
import { type EventDate, formatEventDate, monthName, ordinal } from './event-dates.ts';

/**
 * Whether the text gives the date, as precise as the data says: the year always; for a month or a
 * day the month's name; for a day its number right before the month ("1 June"); for a part of a
 * year its word ("early 2025"); a decade or a century as the article writes it ("1990s",
 * "19th century"). The text is the event's quote, which may be several consecutive sentences of
 * the article — the way to date an event from a neighbouring sentence.
 */
export function dateInText(date: EventDate, text: string): boolean {
  const has = (words: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu').test(text);
  if (date.precision === 'decade') return has(`${date.decade}s`);
  if (date.precision === 'century') return has(`${ordinal(date.century)}[ -]century`);
  if (!has(String(date.year))) return false;
  switch (date.precision) {
    case 'year':
      return true;
    case 'season':
      return has(`${date.season}[ -]${date.year}`) || has(`${date.season}`);
    case 'month':
      return has(monthName(date.month));
    case 'day':
      return (
        has(`${date.day} ${monthName(date.month)}`) || has(`${monthName(date.month)} ${date.day}`)
      );
  }
}

export function dateNotInQuoteProblem(date: EventDate): string {
  return `the date "${formatEventDate(date)}" is not in the quote; an event may only carry a date its own words give. Fix the date, or, when a neighbouring sentence of the article gives it, quote the consecutive sentences together (one after the other, as the article writes them)`;
}

/** The known id closest to an unknown one, by edit distance; undefined when none is close. */
export function closestId(unknown: string, known: readonly string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of known) {
    const distance = editDistance(unknown.toLowerCase(), id.toLowerCase());
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(unknown.length / 3)) ? best.id : undefined;
}

/** What to say about an unknown actor id: whose name or alias it is, or the closest id. */
export function unknownActorHint(
  ref: string,
  actors: readonly {
    id: string;
    name: string;
    aliases: readonly string[];
    demonyms: readonly string[];
  }[],
): string {
  const lower = ref.toLowerCase();
  for (const actor of actors) {
    if (actor.name.toLowerCase() === lower)
      return `; "${ref}" is the name of ${actor.id}: use the id "${actor.id}"`;
    const alias = [...actor.aliases, ...actor.demonyms].find((a) => a.toLowerCase() === lower);
    if (alias) return `; ${alias} is an alias of ${actor.id}: use the id "${actor.id}"`;
  }
  const close = closestId(
    ref,
    actors.map((a) => a.id),
  );
  return close ? `; did you mean "${close}"?` : '';
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}
