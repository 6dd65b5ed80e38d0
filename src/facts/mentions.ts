/**
 * Finds the actors a text names, from their names, aliases and demonyms. Matching is case-sensitive
 * (the article writes proper nouns with capitals) and on whole words, where a word is a run of
 * letters and digits: "Russia" matches in "Russia’s" and "Moscow-Baku" but not inside "Russian",
 * which is matched as Russia's demonym instead. Where terms overlap, the longest wins, so
 * "Azerbaijan Airlines" counts for the airline, not for Azerbaijan.
 */
export interface ActorNames {
  id: string;
  name: string;
  aliases: readonly string[];
  demonyms: readonly string[];
}

/** For each actor named in a text: each term found and how often. */
export type Mentions = Map<string, Map<string, number>>;

export function termsOf(actor: ActorNames): string[] {
  return [actor.name, ...actor.aliases, ...actor.demonyms];
}

/** A term two actors claim: mentions of it could not be told apart. */
export interface TermConflict {
  term: string;
  first: string;
  second: string;
}

export function createMentionFinder(actors: readonly ActorNames[]): {
  find: (text: string) => Mentions;
  conflicts: TermConflict[];
} {
  const owner = new Map<string, string>();
  const conflicts: TermConflict[] = [];
  for (const actor of actors) {
    for (const term of termsOf(actor)) {
      const other = owner.get(term);
      if (other && other !== actor.id) conflicts.push({ term, first: other, second: actor.id });
      else owner.set(term, actor.id);
    }
  }
  if (owner.size === 0) return { find: () => new Map(), conflicts };
  const alternatives = [...owner.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const find = (text: string): Mentions => {
    const found: Mentions = new Map();
    for (const [term] of text.matchAll(pattern)) {
      const id = owner.get(term);
      if (id === undefined) continue;
      const counts = found.get(id) ?? new Map<string, number>();
      counts.set(term, (counts.get(term) ?? 0) + 1);
      found.set(id, counts);
    }
    return found;
  };
  return { find, conflicts };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
