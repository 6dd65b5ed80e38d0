/**
 * Dates of timeline events, as precise as the article gives them: a day ("1 June 2025"), a month
 * ("June 2025"), a part of a year ("early 2025"), a year ("1999"), a decade ("the 1990s") or a
 * century ("the 19th century").
 * Written in the data as `2025-06-01`, `2025-06`, `early 2025`, `1999`, `1990s` and `19th century`.
 */
export const DATE_PRECISIONS = ['day', 'month', 'season', 'year', 'decade', 'century'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Parts of a year the article may use, with the month each ends in; only used to sort events. */
const SEASON_END_MONTH = { early: 4, spring: 5, mid: 8, summer: 8, autumn: 11, late: 12 } as const;
export type Season = keyof typeof SEASON_END_MONTH;
const SEASONS = Object.keys(SEASON_END_MONTH) as Season[];

/** The month names, as the article writes them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A date as precise as the article gives it, and no more: each precision has exactly its parts.
 * A decade is named by its first year (1990 for the 1990s), a century by its number (19).
 */
export type EventDate =
  | { precision: 'day'; year: number; month: number; day: number }
  | { precision: 'month'; year: number; month: number }
  | { precision: 'season'; year: number; season: Season }
  | { precision: 'year'; year: number }
  | { precision: 'decade'; decade: number }
  | { precision: 'century'; century: number };

/** A date read from the data, or what is wrong with it in words a data editor can act on. */
export type DateReading = { ok: true; date: EventDate } | { ok: false; problem: string };

const FORMATS: Record<DatePrecision, { pattern: RegExp; example: string }> = {
  day: { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, example: '2025-06-01' },
  month: { pattern: /^(\d{4})-(\d{2})$/, example: '2025-06' },
  season: {
    pattern: new RegExp(`^(${SEASONS.join('|')}) (\\d{4})$`),
    example: 'early 2025',
  },
  year: { pattern: /^(\d{4})$/, example: '2025' },
  decade: { pattern: /^(\d{3}0)s$/, example: '1990s' },
  century: { pattern: /^(\d{1,2})(?:st|nd|rd|th) century$/, example: '19th century' },
};

/** "1st", "2nd", "3rd", "4th", "11th", "21st": how the article writes a century's number. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Reads a date written for the given precision. */
export function parseEventDate(text: string, precision: DatePrecision): DateReading {
  const format = FORMATS[precision];
  const match = format.pattern.exec(text);
  const problem = (message: string): DateReading => ({ ok: false, problem: message });
  if (!match)
    return problem(
      `date "${text}" is not written like a ${precision} (expected e.g. "${format.example}")`,
    );
  const [, first = '', second, third] = match;
  if (precision === 'season') {
    const season = SEASONS.find((s) => s === first);
    return season
      ? { ok: true, date: { precision, season, year: Number(second) } }
      : problem(`date "${text}" names no part of a year (one of: ${SEASONS.join(', ')})`);
  }
  if (precision === 'decade') return { ok: true, date: { precision, decade: Number(first) } };
  if (precision === 'century') {
    const century = Number(first);
    const expected = `${ordinal(Math.max(century, 1))} century`;
    return century >= 1 && text === expected
      ? { ok: true, date: { precision, century } }
      : problem(
          `date "${text}" is not a century as the article writes one (expected "${expected}")`,
        );
  }
  const year = Number(first);
  if (precision === 'year') return { ok: true, date: { precision, year } };
  const month = Number(second);
  if (month < 1 || month > 12) return problem(`date "${text}" has no month ${month}`);
  if (precision === 'month') return { ok: true, date: { precision, year, month } };
  const day = Number(third);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth)
    return problem(
      `date "${text}" does not exist: ${monthName(month)} ${year} has ${daysInMonth} days`,
    );
  return { ok: true, date: { precision, year, month, day } };
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** How a reader sees the date: "1 June 2025", "June 2025", "Early 2025", "1999", "1990s", "19th century". */
export function formatEventDate(date: EventDate): string {
  switch (date.precision) {
    case 'day':
      return `${date.day} ${monthName(date.month)} ${date.year}`;
    case 'month':
      return `${monthName(date.month)} ${date.year}`;
    case 'season':
      return `${date.season.charAt(0).toUpperCase()}${date.season.slice(1)} ${date.year}`;
    case 'year':
      return String(date.year);
    case 'decade':
      return `${date.decade}s`;
    case 'century':
      return `${ordinal(date.century)} century`;
  }
}

/** The date as the data file writes it, the inverse of `parseEventDate`: "2025-06-01", "early 2025", "1990s", "19th century". */
export function eventDateInData(date: EventDate): string {
  switch (date.precision) {
    case 'day':
    case 'month':
      return isoDate(date);
    case 'season':
      return `${date.season} ${date.year}`;
    case 'year':
      return String(date.year);
    case 'decade':
    case 'century':
      return formatEventDate(date);
  }
}

/** A date to the day or the month as ISO 8601 writes it: "2025-06-01", "2025-06". */
function isoDate(date: Extract<EventDate, { precision: 'day' | 'month' }>): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = `${date.year}-${pad(date.month)}`;
  return date.precision === 'day' ? `${month}-${pad(date.day)}` : month;
}

/** The date inside a sentence: "from the 19th century to 14 November 2025", "in early 2025". */
export function formatDateInProse(date: EventDate): string {
  switch (date.precision) {
    case 'decade':
    case 'century':
      return `the ${formatEventDate(date)}`;
    case 'season':
      return `${date.season} ${date.year}`;
    default:
      return formatEventDate(date);
  }
}

/**
 * The value of a `<time datetime>` attribute: as precise as the date, a year for a part of a year.
 * A decade or a century has none (HTML has no way to write one, and a year would claim too much),
 * so the page shows it as plain text.
 */
export function machineReadableDate(date: EventDate): string | undefined {
  switch (date.precision) {
    case 'day':
    case 'month':
      return isoDate(date);
    case 'season':
    case 'year':
      return String(date.year);
    case 'decade':
    case 'century':
      return undefined;
  }
}

/** The stretch of time an event is listed under on the timeline. */
export interface DateGroup {
  /** For the heading's id: "year-1999", "decade-1990s", "century-19". */
  id: string;
  /** The heading: "1999", "1990s", "19th century". */
  label: string;
}

/** Its year, or its decade or century when that is all the article gives. */
export function dateGroup(date: EventDate): DateGroup {
  switch (date.precision) {
    case 'decade':
      return { id: `decade-${date.decade}s`, label: `${date.decade}s` };
    case 'century':
      return { id: `century-${date.century}`, label: `${ordinal(date.century)} century` };
    default:
      return { id: `year-${date.year}`, label: String(date.year) };
  }
}

/** How precisely the article dates events, as a reader would say it: "to the day", "to the decade". */
export const PRECISION_PHRASES: Record<DatePrecision, string> = {
  day: 'to the day',
  month: 'to the month',
  season: 'to part of a year',
  year: 'to the year',
  decade: 'to the decade',
  century: 'to the century',
};

/**
 * How many dates there are of each precision, most precise first, leaving out the precisions no
 * date has: "3 to the day, 9 to the month, 1 to the decade and 1 to the century".
 */
export function describePrecisions(dates: readonly EventDate[]): string {
  const parts = DATE_PRECISIONS.flatMap((precision) => {
    const count = dates.filter((d) => d.precision === precision).length;
    return count > 0 ? [`${count} ${PRECISION_PHRASES[precision]}`] : [];
  });
  return parts.length > 1
    ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
    : (parts[0] ?? '');
}

const PRECISION_RANK: Record<DatePrecision, number> = {
  day: 0,
  month: 1,
  season: 2,
  year: 3,
  decade: 4,
  century: 5,
};

/**
 * Chronological order, by the latest day each date allows: "25 December 2024" comes before
 * "December 2024", "1 June 2025" before "June 2025", and events dated only "2025" close their
 * year. A decade or a century is different: it opens the stretch it names, so "the 1990s" comes
 * before "1990" and "1999", and "the 19th century" before any year in it. On a tie the more
 * precise date goes first.
 */
export function compareEventDates(a: EventDate, b: EventDate): number {
  const [ay, am, ad] = sortDay(a);
  const [by, bm, bd] = sortDay(b);
  return ay - by || am - bm || ad - bd || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}

function sortDay(date: EventDate): [number, number, number] {
  switch (date.precision) {
    case 'day':
      return [date.year, date.month, date.day];
    case 'month':
      return [date.year, date.month, 31];
    case 'season':
      return [date.year, SEASON_END_MONTH[date.season], 31];
    case 'year':
      return [date.year, 12, 31];
    case 'decade':
      return [date.decade, 1, 1];
    case 'century':
      // The 19th century runs from 1801 to 1900.
      return [(date.century - 1) * 100 + 1, 1, 1];
  }
}
