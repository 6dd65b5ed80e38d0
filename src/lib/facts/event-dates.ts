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

const MONTHS = [
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
];

export interface EventDate {
  precision: DatePrecision;
  /** The year; for a decade or a century, its first year (1990 for the 1990s, 1801 for the 19th century). */
  year: number;
  month?: number;
  day?: number;
  season?: Season;
  /** For a decade, its first year: 1990 for the 1990s. */
  decade?: number;
  /** For a century, its ordinal number: 19 for the 19th century. */
  century?: number;
}

const FORMATS: Record<DatePrecision, { pattern: RegExp; example: string }> = {
  day: { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, example: '2025-06-01' },
  month: { pattern: /^(\d{4})-(\d{2})$/, example: '2025-06' },
  season: {
    pattern: new RegExp(`^(${Object.keys(SEASON_END_MONTH).join('|')}) (\\d{4})$`),
    example: 'early 2025',
  },
  year: { pattern: /^(\d{4})$/, example: '2025' },
  decade: { pattern: /^(\d{3}0)s$/, example: '1990s' },
  century: { pattern: /^(\d{1,2})(st|nd|rd|th) century$/, example: '19th century' },
};

/** "1st", "2nd", "3rd", "4th", "11th", "21st": how the article writes a century's number. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** Reads a date written for the given precision; throws a message a data editor can act on. */
export function parseEventDate(text: string, precision: DatePrecision): EventDate {
  const format = FORMATS[precision];
  const match = format.pattern.exec(text);
  if (!match) {
    throw new Error(
      `date "${text}" is not written like a ${precision} (expected e.g. "${format.example}")`,
    );
  }
  if (precision === 'season')
    return { precision, season: match[1] as Season, year: Number(match[2]) };
  if (precision === 'decade') {
    const decade = Number(match[1]);
    return { precision, decade, year: decade };
  }
  if (precision === 'century') {
    const century = Number(match[1]);
    if (century < 1 || `${ordinal(century)} century` !== text)
      throw new Error(
        `date "${text}" is not a century as the article writes one (expected "${ordinal(Math.max(century, 1))} century")`,
      );
    return { precision, century, year: (century - 1) * 100 + 1 };
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12))
    throw new Error(`date "${text}" has no month ${month}`);
  if (month !== undefined && day !== undefined) {
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth)
      throw new Error(
        `date "${text}" does not exist: ${MONTHS[month - 1]} ${year} has ${daysInMonth} days`,
      );
  }
  return {
    precision,
    year,
    ...(month === undefined ? {} : { month }),
    ...(day === undefined ? {} : { day }),
  };
}

/** The problem with a date, or undefined when it is well-formed. */
export function dateProblem(text: string, precision: DatePrecision): string | undefined {
  try {
    parseEventDate(text, precision);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** How a reader sees the date: "1 June 2025", "June 2025", "Early 2025", "1999", "1990s", "19th century". */
export function formatEventDate(date: EventDate): string {
  switch (date.precision) {
    case 'day':
      return `${date.day} ${MONTHS[date.month! - 1]} ${date.year}`;
    case 'month':
      return `${MONTHS[date.month! - 1]} ${date.year}`;
    case 'season':
      return `${date.season![0]!.toUpperCase()}${date.season!.slice(1)} ${date.year}`;
    case 'year':
      return String(date.year);
    case 'decade':
      return `${date.decade}s`;
    case 'century':
      return `${ordinal(date.century!)} century`;
  }
}

/** The date inside a sentence: "from the 19th century to 14 November 2025", "in early 2025". */
export function formatDateInProse(date: EventDate): string {
  if (date.precision === 'decade' || date.precision === 'century')
    return `the ${formatEventDate(date)}`;
  if (date.precision === 'season') return `${date.season} ${date.year}`;
  return formatEventDate(date);
}

/**
 * The value of a `<time datetime>` attribute: as precise as the date, a year for a part of a year.
 * A decade or a century has none (HTML has no way to write one; a year would claim too much), so
 * the page shows it as plain text.
 */
export function machineReadableDate(date: EventDate): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.precision === 'day') return `${date.year}-${pad(date.month!)}-${pad(date.day!)}`;
  if (date.precision === 'month') return `${date.year}-${pad(date.month!)}`;
  if (date.precision === 'decade' || date.precision === 'century') return undefined;
  return String(date.year);
}

/** The stretch of time an event is listed under on the timeline: its year, or its decade or century when that is all the article gives. */
export interface DateGroup {
  /** For the heading's id: "year-1999", "decade-1990s", "century-19". */
  id: string;
  /** The heading: "1999", "1990s", "19th century". */
  label: string;
}

export function dateGroup(date: EventDate): DateGroup {
  if (date.precision === 'decade')
    return { id: `decade-${date.decade}s`, label: `${date.decade}s` };
  if (date.precision === 'century')
    return { id: `century-${date.century}`, label: `${ordinal(date.century!)} century` };
  return { id: `year-${date.year}`, label: String(date.year) };
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
 * before "1999" and "the 19th century" before "1900". On a tie the more precise date goes first.
 */
export function compareEventDates(a: EventDate, b: EventDate): number {
  const [ay, am, ad] = sortDay(a);
  const [by, bm, bd] = sortDay(b);
  return ay - by || am - bm || ad - bd || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}

function sortDay(date: EventDate): [number, number, number] {
  switch (date.precision) {
    case 'decade':
    case 'century':
      return [date.year, 1, 1];
    case 'day':
      return [date.year, date.month!, date.day!];
    case 'month':
      return [date.year, date.month!, 31];
    case 'season':
      return [date.year, SEASON_END_MONTH[date.season!], 31];
    case 'year':
      return [date.year, 12, 31];
  }
}
