/**
 * The wording rules a map's labels and notes are held to (the brief's faithful-layer rules, applied
 * to the maps' own data): a statement keeps every hedge or attribution its source sentences carry
 * and states a date only where a source carries it. (That the sources are whole sentences of the
 * article, the model checks against the article model's own sentences.)
 *
 * These work on plain sentences and short notes, never on MDX, HTML or YAML. When the faithful
 * layer's shared checker lands (src/facts), the maps can call it instead.
 */

/** A hedge or attribution word family: a statement resting on a sentence that has one must have it too. */
export interface HedgeFamily {
  name: string;
  pattern: RegExp;
}

export const HEDGE_FAMILIES: readonly HedgeFamily[] = [
  { name: 'alleg-', pattern: /\balleg\p{L}*/iu },
  { name: 'accus-', pattern: /\baccus\p{L}*/iu },
  { name: 'deny/denies/denied', pattern: /\bden(?:y|ies|ied)\b/iu },
  { name: 'unverified/unconfirmed', pattern: /\bun(?:verified|confirmed)\b/iu },
  { name: 'may/might/could', pattern: /\b(?:may|might|could)\b/u },
  { name: 'reportedly', pattern: /\breportedly\b/iu },
  { name: 'claim-', pattern: /\bclaim\p{L}*/iu },
  { name: 'according to', pattern: /\baccording to\b/iu },
  { name: 'suggest-', pattern: /\bsuggest\p{L}*/iu },
  { name: 'widely believed', pattern: /\bwidely believed\b/iu },
];

/** The hedge families a text carries. */
export function hedgesIn(text: string): HedgeFamily[] {
  return HEDGE_FAMILIES.filter((family) => family.pattern.test(text));
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** Day + month + year, month + year, a year, a decade ("1990s") or a century ("19th century"). */
const DATE = new RegExp(
  `\\b(?:(?:\\d{1,2} )?${MONTH} \\d{4}|\\d{4}s|\\d{1,2}(?:st|nd|rd|th) century|(?:1[0-9]|20)\\d{2})\\b`,
  'gu',
);

/** Every date a text states, as written. */
export function datesIn(text: string): string[] {
  return [...text.matchAll(DATE)].map((match) => match[0]);
}

/**
 * Why a statement may not rest on its sources, or an empty list when it may: each hedge family of
 * the sources must be in the statement, and each date of the statement must be in a source.
 */
export function statementProblems(statement: string, sources: readonly string[]): string[] {
  const problems: string[] = [];
  const joined = sources.join('\n');
  for (const family of hedgesIn(joined)) {
    if (!family.pattern.test(statement))
      problems.push(
        `its sources hedge or attribute with "${family.name}", but it does not: "${statement}"`,
      );
  }
  for (const date of datesIn(statement)) {
    if (!joined.includes(date))
      problems.push(`it states the date "${date}", which none of its sources carries`);
  }
  return problems;
}
