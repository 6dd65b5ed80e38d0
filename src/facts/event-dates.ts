/**
 * Dates of timeline events, as precise as the article gives them: a day ("1 June 2025"), a month
 * ("June 2025"), a part of a year ("early 2025") or a year ("1999").
 * Written in the data as `2025-06-01`, `2025-06`, `early 2025` and `1999`.
 */
export const DATE_PRECISIONS = ['day', 'month', 'season', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Parts of a year the article may use, with the month each ends in; only used to sort events. */
const SEASON_END_MONTH = { early: 4, spring: 5, mid: 8, summer: 8, autumn: 11, late: 12 } as const;
export type Season = keyof typeof SEASON_END_MONTH;
const SEASONS = Object.keys(SEASON_END_MONTH) as Season[];

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

/** A date as precise as the article gives it, and no more: each precision has exactly its parts. */
export type EventDate =
  | { precision: 'day'; year: number; month: number; day: number }
  | { precision: 'month'; year: number; month: number }
  | { precision: 'season'; year: number; season: Season }
  | { precision: 'year'; year: number };

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
};

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

/** How a reader sees the date: "1 June 2025", "June 2025", "Early 2025", "1999". */
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
  }
}

/** The value of a `<time datetime>` attribute: as precise as the date, a year for a part of a year. */
export function machineReadableDate(date: EventDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (date.precision) {
    case 'day':
      return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
    case 'month':
      return `${date.year}-${pad(date.month)}`;
    default:
      return String(date.year);
  }
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, season: 2, year: 3 };

/**
 * Chronological order, by the latest day each date allows: "25 December 2024" comes before
 * "December 2024", "1 June 2025" before "June 2025", and events dated only "2025" close their
 * year. On a tie the more precise date goes first.
 */
export function compareEventDates(a: EventDate, b: EventDate): number {
  const [ay, am, ad] = latestDay(a);
  const [by, bm, bd] = latestDay(b);
  return ay - by || am - bm || ad - bd || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}

function latestDay(date: EventDate): [number, number, number] {
  switch (date.precision) {
    case 'day':
      return [date.year, date.month, date.day];
    case 'month':
      return [date.year, date.month, 31];
    case 'season':
      return [date.year, SEASON_END_MONTH[date.season], 31];
    case 'year':
      return [date.year, 12, 31];
  }
}
