/**
 * Holds what the site says around the article to the article. Every derived statement (a chapter
 * summary or period, an actor description, an event title, a diagram caption, description, node or
 * edge, the standfirst) names the article's sentences it rests on; these checks refuse:
 *
 * - a source that is not a whole sentence of the article (showing the closest sentence and where
 *   the two first differ);
 * - a hedge or attribution its sources carry (alleged, accused, denied, unverified, may, reportedly,
 *   claimed, according to, suggests, widely believed) that the statement drops;
 * - a date in the statement that its sources do not carry (a day, a month and year, a year, a part
 *   of a year, a decade, a century);
 * - a claim label whose own sentence does not state it.
 *
 * Pure: the article's sentences come in as an array (from the article model's sentence splitter),
 * and every problem names the file and line to fix.
 */
import { closestSentence, firstDifference } from '../article/fidelity.ts';
import { claimLabelProblem, claimStatusOf, unknownStatusProblem } from './claim-labels.ts';
import { MONTHS } from './event-dates.ts';

/** A sentence a statement rests on, and the line it is written on when that is not the statement's. */
export interface SourceRef {
  text: string;
  line?: number | undefined;
}

export interface DerivedStatement {
  /** What the reader sees. */
  text: string;
  /** Where it is written: the file, relative to the project, and its 1-based line. */
  file: string;
  line: number;
  /** What it is, for messages: "the description of actor \"iran\"", "the diagram's accTitle". */
  what: string;
  /** The article's sentences it rests on: whole and word for word. */
  sources: readonly (string | SourceRef)[];
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** "content/actors.yaml:38: …", the way every content error in the build reads. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Every problem with one statement: its sources, then what it says against them. */
export function statementProblems(
  statement: DerivedStatement,
  sentences: readonly string[],
): Problem[] {
  const sources = sourcesOf(statement);
  if (sources.length === 0) {
    return [
      {
        file: statement.file,
        line: statement.line,
        message: `${statement.what} names no source: list the sentence(s) of the article it rests on, whole and word for word`,
      },
    ];
  }
  const problems: Problem[] = [];
  for (const source of sources) {
    const problem = sourceProblem(source.text, sentences);
    if (problem)
      problems.push({
        file: statement.file,
        line: source.line,
        message: `a source of ${statement.what} ${problem}`,
      });
  }
  return [...problems, ...contentProblems(statement)];
}

/**
 * What a statement says beyond its sources: a hedge or attribution they carry that it drops, a date
 * they do not carry. Whether the sources are sentences of the article is `statementProblems`' part.
 */
export function contentProblems(statement: DerivedStatement): Problem[] {
  const sources = sourcesOf(statement).map((s) => s.text);
  const at = (message: string): Problem => ({
    file: statement.file,
    line: statement.line,
    message,
  });
  return [
    ...droppedHedges(statement.text, sources).map((dropped) =>
      at(
        `${statement.what} drops “${dropped.word}” (${dropped.family}), which its source says: “${dropped.sentence}”. Keep the hedge or attribution, or rest the statement on other sentences.`,
      ),
    ),
    ...undatedDates(statement.text, sources).map((date) =>
      at(
        `${statement.what} gives the date “${date.text}”, which none of its sources carries${describeSourceDates(sources)}. A date goes only where its own source sentence carries it: name that sentence as a source, or leave the date out.`,
      ),
    ),
  ];
}

function sourcesOf(statement: DerivedStatement): { text: string; line: number }[] {
  return statement.sources.map((s) =>
    typeof s === 'string'
      ? { text: s, line: statement.line }
      : { text: s.text, line: s.line ?? statement.line },
  );
}

// --- Sources: whole sentences of the article -------------------------------------------------

const sentenceSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function sentenceSet(sentences: readonly string[]): ReadonlySet<string> {
  let set = sentenceSets.get(sentences);
  if (!set) sentenceSets.set(sentences, (set = new Set(sentences)));
  return set;
}

/**
 * Why a source is not one whole sentence of the article, or undefined when it is. The message
 * continues "a source of … " and shows the closest sentence and the first character that differs.
 */
export function sourceProblem(source: string, sentences: readonly string[]): string | undefined {
  if (sentenceSet(sentences).has(source)) return undefined;
  if (source.trim() === '') return 'is empty: quote a whole sentence of the article';
  if (source !== source.trim() && sentenceSet(sentences).has(source.trim()))
    return `has spaces around it: “${source.trim()}”`;
  const run = consecutiveRun(source, sentences);
  if (run) {
    return `is ${run.length} sentences of the article in one: list each as a source of its own (${run.map((s) => `“${s}”`).join(', ')})`;
  }
  const containing = sentences.find((s) => s.includes(source));
  if (containing) {
    return `is only part of a sentence: quote the whole sentence, “${containing}”`;
  }
  const closest = closestSentence(source, sentences);
  if (!closest)
    return `is not a sentence of the article, and no sentence of it comes close: “${source}”`;
  return `is not a sentence of the article: “${source}”. The closest sentence is “${closest}”; ${firstDifference(source, closest) ?? ''}`;
}

/** The sentences a quote of several consecutive sentences is made of, or undefined. */
export function consecutiveRun(quote: string, sentences: readonly string[]): string[] | undefined {
  for (let start = 0; start < sentences.length; start++) {
    const run: string[] = [];
    let rest = quote;
    for (let i = start; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      if (!rest.startsWith(sentence)) break;
      run.push(sentence);
      rest = rest.slice(sentence.length);
      if (rest === '') return run.length > 1 ? run : undefined;
      if (!rest.startsWith(' ')) break;
      rest = rest.slice(1);
    }
  }
  return undefined;
}

/**
 * The sentences an event's quote is made of: one whole sentence, or several consecutive ones (the
 * explicit way to date an event told in one sentence from its neighbour); or why it is neither.
 */
export function quoteSentences(
  quote: string,
  sentences: readonly string[],
): { sentences: string[] } | { problem: string } {
  if (sentenceSet(sentences).has(quote)) return { sentences: [quote] };
  const run = consecutiveRun(quote, sentences);
  if (run) return { sentences: run };
  // The longest run of whole sentences the quote starts with, to say where it leaves the article.
  let best: { last: number; rest: string } | undefined;
  for (let start = 0; start < sentences.length; start++) {
    let rest = quote;
    let i = start;
    while (i < sentences.length && rest.startsWith(`${sentences[i]!} `)) {
      rest = rest.slice(sentences[i]!.length + 1);
      i++;
    }
    if (i > start && (!best || rest.length < best.rest.length)) best = { last: i - 1, rest };
  }
  if (best) {
    const next = sentences[best.last + 1];
    const after = `after “${sentences[best.last]!}”`;
    return {
      problem:
        next === undefined
          ? `is not consecutive sentences of the article: the article ends ${after}, the quote goes on with “${best.rest}”`
          : `is not consecutive sentences of the article: ${after} the article goes on with “${next}”, the quote with “${best.rest}”`,
    };
  }
  const problem = sourceProblem(quote, sentences)!;
  return {
    problem: problem.replace(
      /^is not a sentence of the article/,
      'is neither a sentence of the article nor several consecutive ones',
    ),
  };
}

// --- Hedges and attributions -----------------------------------------------------------------

/** A word family that hedges a claim or says whose claim it is. */
export interface HedgeFamily {
  /** How messages name the family: "alleg-", "may/might/could". */
  name: string;
  /** Finds the family's words in a text; the "may" family leaves out the month May. */
  find(text: string): string[];
}

const words = (pattern: RegExp) => (text: string) =>
  [...text.matchAll(new RegExp(pattern.source, 'giu'))].map((m) => m[0]);

/**
 * The families the check knows. A statement that rests on a sentence carrying one of them must carry
 * the same family itself (any word of it: "could" keeps "may", "allegation" keeps "alleged").
 */
export const HEDGE_FAMILIES: readonly HedgeFamily[] = [
  { name: 'alleg-', find: words(/\balleg\w*/) },
  { name: 'accus-', find: words(/\baccus\w*/) },
  { name: 'deny/denies/denied', find: words(/\b(?:deny|denies|denied|denying|denials?)\b/) },
  { name: 'unverified/unconfirmed', find: words(/\bun(?:verified|confirmed)\b/) },
  { name: 'may/might/could', find: modalVerbs },
  { name: 'reportedly', find: words(/\breportedly\b/) },
  { name: 'claim-', find: words(/\bclaim\w*/) },
  { name: 'according to', find: words(/\baccording to\b/) },
  { name: 'suggest-', find: words(/\bsuggest\w*/) },
  { name: 'widely believed', find: words(/\bwidely believed\b/) },
];

/**
 * "may", "might" and "could" as modal verbs. "May" is the month, not the verb, when it is written
 * with a capital and stands with a day or a year ("1 May", "May 2025", "May 1") or after a word that
 * introduces a time ("in May", "since May", "mid-May"). A capital "May" elsewhere is the verb, as in
 * the heading "Moscow May Seek to Reassert Control".
 */
function modalVerbs(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b(?:may|might|could)\b/giu)) {
    const word = match[0];
    if (word === 'May' && isMonth(text, match.index)) continue;
    found.push(word);
  }
  return found;
}

function isMonth(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const after = text.slice(at + 3);
  return (
    /\b\d{1,2}(?:st|nd|rd|th)?\s+$/u.test(before) ||
    /^\s+\d{1,4}\b/u.test(after) ||
    /\b(?:in|of|early|mid|late|since|until|till|by|from|during|last|next|this|before|after|between|through|throughout)[\s-]+$/iu.test(
      before,
    )
  );
}

/** The hedge and attribution families a text carries, each with the first word found. */
export function hedgesIn(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const family of HEDGE_FAMILIES) {
    const [first] = family.find(text);
    if (first !== undefined) found.set(family.name, first);
  }
  return found;
}

/** The families the sources carry that the statement does not, each with a sentence that has it. */
export function droppedHedges(
  statement: string,
  sources: readonly string[],
): { family: string; word: string; sentence: string }[] {
  const kept = hedgesIn(statement);
  const dropped = new Map<string, { family: string; word: string; sentence: string }>();
  for (const sentence of sources) {
    for (const [family, word] of hedgesIn(sentence)) {
      if (!kept.has(family) && !dropped.has(family))
        dropped.set(family, { family, word, sentence });
    }
  }
  return [...dropped.values()];
}

// --- Dates -----------------------------------------------------------------------------------

export type DateKind = 'day' | 'month' | 'season' | 'year' | 'decade' | 'century';

/** A date written in a text, with the days it spans as yyyymmdd numbers. */
export interface DateMention {
  text: string;
  kind: DateKind;
  from: number;
  to: number;
}

const MONTH = MONTHS.join('|');
const SEASON_MONTHS: Record<string, [number, number]> = {
  early: [1, 4],
  mid: [5, 8],
  late: [9, 12],
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
};

const DATE_PATTERNS: readonly {
  kind: DateKind;
  pattern: RegExp;
  read: (m: RegExpMatchArray) => [number, number];
}[] = [
  {
    kind: 'day',
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\s+(\\d{4})\\b`, 'gu'),
    read: (m) => single(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
  },
  {
    kind: 'day',
    pattern: new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*(\\d{4})\\b`, 'gu'),
    read: (m) => single(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
  },
  {
    kind: 'month',
    pattern: new RegExp(`\\b(${MONTH})\\s+(\\d{4})\\b`, 'gu'),
    read: (m) => span(Number(m[2]), monthNumber(m[1]!), Number(m[2]), monthNumber(m[1]!)),
  },
  {
    kind: 'season',
    pattern: /\b(early|mid|late|spring|summer|autumn|fall|winter)[\s-]+(\d{4})\b/giu,
    read: (m) => {
      const year = Number(m[2]);
      const season = m[1]!.toLowerCase();
      if (season === 'winter') return span(year - 1, 12, year, 2);
      const [first, last] = SEASON_MONTHS[season]!;
      return span(year, first, year, last);
    },
  },
  {
    kind: 'decade',
    pattern: /\b(\d{3}0)s\b/gu,
    read: (m) => span(Number(m[1]), 1, Number(m[1]) + 9, 12),
  },
  {
    kind: 'century',
    pattern: /\b(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b/giu,
    read: (m) => span((Number(m[1]) - 1) * 100 + 1, 1, Number(m[1]) * 100, 12),
  },
  {
    kind: 'year',
    pattern: /(?<![\p{L}\p{N}-])(1\d{3}|20\d{2})(?![\p{L}\p{N}])/gu,
    read: (m) => span(Number(m[1]), 1, Number(m[1]), 12),
  },
];

function monthNumber(name: string): number {
  return MONTHS.indexOf(name as (typeof MONTHS)[number]) + 1;
}

function single(year: number, month: number, day: number): [number, number] {
  const value = year * 10000 + month * 100 + day;
  return [value, value];
}

function span(
  fromYear: number,
  fromMonth: number,
  toYear: number,
  toMonth: number,
): [number, number] {
  return [fromYear * 10000 + fromMonth * 100 + 1, toYear * 10000 + toMonth * 100 + 31];
}

/**
 * The dates a text gives, most precise reading first: "25 December 2024" is one day, not also the
 * month "December 2024" and the year "2024"; "the 1990s" is a decade, "the 19th century" a century.
 */
export function datesIn(text: string): DateMention[] {
  let rest = text;
  const found: (DateMention & { at: number })[] = [];
  for (const { kind, pattern, read } of DATE_PATTERNS) {
    for (const match of rest.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const [from, to] = read(match);
      found.push({ text: match[0], kind, from, to, at: match.index });
    }
    // Blank out what was read, so a year inside a full date is not read again.
    rest = rest.replace(new RegExp(pattern.source, pattern.flags), (m) => ' '.repeat(m.length));
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ text, kind, from, to }) => ({ text, kind, from, to }));
}

/**
 * The statement's dates that none of its sources carries. A source carries a date when it gives the
 * same date or a more precise one inside it: "25 December 2024" carries "December 2024" and "2024",
 * "1999" carries "the 1990s"; "2025" does not carry "June 2025".
 */
export function undatedDates(statement: string, sources: readonly string[]): DateMention[] {
  const carried = sources.flatMap(datesIn);
  return datesIn(statement).filter(
    (date) =>
      !carried.some(
        (source) =>
          (source.from >= date.from && source.to <= date.to) ||
          source.text.toLowerCase() === date.text.toLowerCase(),
      ),
  );
}

function describeSourceDates(sources: readonly string[]): string {
  const dates = [...new Set(sources.flatMap(datesIn).map((d) => d.text))];
  return dates.length > 0
    ? ` (they give ${dates.map((d) => `“${d}”`).join(', ')})`
    : ' (they give no date)';
}

// --- Claim labels ----------------------------------------------------------------------------

/** A `<Claim status=… by=…/>` label and the sentence it stands after. */
export interface ClaimLabel {
  status: string;
  by?: string | undefined;
  sentence: string;
  file: string;
  line: number;
}

/** A label stands only after a whole sentence of the article that itself says what the label says. */
export function claimProblems(claim: ClaimLabel, sentences: readonly string[]): Problem[] {
  const where = (message: string): Problem[] => [{ file: claim.file, line: claim.line, message }];
  const status = claimStatusOf(claim.status);
  if (!status) return where(unknownStatusProblem(claim.status));
  const notSentence = sourceProblem(claim.sentence, sentences);
  if (notSentence) return where(`the sentence before the “${status}” label ${notSentence}`);
  const problem = claimLabelProblem(status, claim.sentence, claim.by);
  return problem ? where(problem) : [];
}

// --- Events ----------------------------------------------------------------------------------

/** An event of the timeline as the check needs it, with the line of each part in its file. */
export interface EventEntry {
  id: string;
  file: string;
  title: string;
  titleLine: number;
  quote: string;
  quoteLine: number;
  status: readonly { label: string; by?: string | undefined; sentence: string; line: number }[];
}

/**
 * An event's quote must be whole sentences of the article (one, or several consecutive ones); its
 * title rests on the quote and the sentences of its labels, and each label on its own sentence.
 */
export function eventProblems(event: EventEntry, sentences: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const quoted = quoteSentences(event.quote, sentences);
  if ('problem' in quoted) {
    problems.push({
      file: event.file,
      line: event.quoteLine,
      message: `the quote of event "${event.id}" ${quoted.problem}`,
    });
  }
  for (const status of event.status) {
    problems.push(
      ...claimProblems({ ...status, status: status.label, file: event.file }, sentences),
    );
  }
  problems.push(...eventTitleProblems(event, sentences));
  return problems;
}

/**
 * The title against the quote and the labels' sentences (the build's facts check the quote and
 * the labels themselves): no hedge dropped, no date the sentences do not carry.
 */
export function eventTitleProblems(event: EventEntry, sentences: readonly string[]): Problem[] {
  const quoted = quoteSentences(event.quote, sentences);
  return contentProblems({
    text: event.title,
    file: event.file,
    line: event.titleLine,
    what: `the title of event "${event.id}"`,
    sources: [
      ...('sentences' in quoted ? quoted.sentences : []),
      ...event.status.map((s) => s.sentence),
    ],
  });
}

// --- Diagrams --------------------------------------------------------------------------------

/** The statements of one Mermaid fence with their `%% source:` lines, and what is wrong with them. */
export interface FenceStatements {
  statements: DerivedStatement[];
  problems: Problem[];
}

const SOURCE_LINE = /^%%\s*source:\s*(.*)$/iu;
const DIAGRAM_TYPE =
  /^(?:flowchart|graph|sequenceDiagram|classDiagram|stateDiagram(?:-v2)?|erDiagram|journey|gantt|pie|quadrantChart|requirementDiagram|gitGraph|mindmap|timeline|[a-z]+-beta|kanban)\b/u;
/** Lines that arrange or style a diagram and say nothing a reader takes as fact. */
const STRUCTURE = /^(?:direction\s+\w+|classDef\s|class\s|style\s|linkStyle\s|click\s|end$)/u;

/**
 * Reads the statements of a Mermaid fence: `accTitle`, `accDescr` (one line or a `{ … }` block) and
 * every node or edge line, each with the `%% source: <sentence>` lines directly before it (other
 * comments and blank lines may sit between). Lines are counted in the MDX file: `fenceLine` is the
 * line of the opening fence, so the fence's first line of source is `fenceLine + 1`.
 */
export function mermaidStatements(
  source: string,
  file: string,
  fenceLine: number,
): FenceStatements {
  const lines = source.split('\n');
  const statements: DerivedStatement[] = [];
  const problems: Problem[] = [];
  let pending: SourceRef[] = [];
  let sawType = false;
  let inFrontmatter = false;

  const strayPending = (reason: string) => {
    if (pending.length === 0) return;
    problems.push({
      file,
      line: pending[0]!.line!,
      message: `${pending.length === 1 ? 'this source line stands' : `these ${pending.length} source lines stand`} ${reason}; put “%% source:” lines directly before the accTitle, accDescr, node or edge line they support`,
    });
    pending = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = fenceLine + 1 + i;
    const text = lines[i]!.trim();
    if (text === '') continue;
    if (i === 0 || inFrontmatter) {
      if (text === '---') {
        inFrontmatter = !inFrontmatter;
        continue;
      }
    }
    if (inFrontmatter) {
      const title = /^title:\s*(.*)$/u.exec(text);
      if (title) addStatement(title[1]!, 'the diagram’s title', line, text);
      continue;
    }
    const sourceMatch = SOURCE_LINE.exec(text);
    if (sourceMatch) {
      const sentence = sourceMatch[1]!.trim();
      if (sentence === '') {
        problems.push({
          file,
          line,
          message: '“%% source:” needs a sentence of the article after it',
        });
      } else pending.push({ text: sentence, line });
      continue;
    }
    if (text.startsWith('%%')) continue;
    if (!sawType && DIAGRAM_TYPE.test(text)) {
      sawType = true;
      strayPending('before the line that names the kind of diagram');
      continue;
    }
    sawType = true;
    if (STRUCTURE.test(text)) {
      strayPending(`before “${text}”, which only arranges or styles the diagram`);
      continue;
    }
    const title = /^accTitle\s*:\s*(.*)$/u.exec(text);
    if (title) {
      addStatement(title[1]!, 'the diagram’s accTitle (its caption)', line, text);
      continue;
    }
    const description = /^accDescr\s*(?::\s*(.*)|\{(.*))$/u.exec(text);
    if (description) {
      if (description[1] !== undefined) {
        addStatement(description[1], 'the diagram’s accDescr (its description)', line, text);
        continue;
      }
      // A block: `accDescr {` … `}`, its lines joined.
      const parts = [description[2]!.replace(/\}\s*$/u, '')];
      let closed = /\}\s*$/u.test(description[2]!);
      while (!closed && i + 1 < lines.length) {
        const next = lines[++i]!.trim();
        closed = next.endsWith('}');
        parts.push(closed ? next.slice(0, -1) : next);
      }
      addStatement(
        parts
          .map((p) => p.trim())
          .filter(Boolean)
          .join(' '),
        'the diagram’s accDescr (its description)',
        line,
        text,
      );
      continue;
    }
    addStatement(diagramLabels(text).join(' · '), `the diagram line “${text}”`, line, text);
  }
  strayPending('at the end of the diagram, before no statement');
  return { statements, problems };

  function addStatement(text: string, what: string, line: number, raw: string): void {
    if (pending.length === 0) {
      problems.push({
        file,
        line,
        message: `${what.startsWith('the diagram line') ? what : `${what} “${raw}”`} has no source: add a line “%% source: <sentence of the article>” directly before it for each sentence it rests on`,
      });
    }
    statements.push({ text, file, line, what, sources: pending });
    pending = [];
  }
}

/**
 * The words a reader sees on a Mermaid node or edge line: node labels (`A[…]`, `A(…)`, `A{…}`,
 * `A((…))`, `A([…])`, `A[[…]]`, `A[(…)]`, `A{{…}}`, `A[/…/]`, `A>…]`, quoted or not), edge labels
 * (`-->|…|`, `-- … -->`) and a subgraph's title. Node ids and arrows are not shown, so they are left
 * out; a line of bare ids and arrows has no words.
 */
export function diagramLabels(line: string): string[] {
  const subgraph = /^subgraph\s+(.*)$/u.exec(line.trim());
  if (subgraph) {
    const title = /\[(.*)\]\s*$/u.exec(subgraph[1]!);
    return [unquote(title ? title[1]! : subgraph[1]!)].filter((label) => label !== '');
  }
  const labels: string[] = [];
  let residue = '';
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === '|') {
      const end = line.indexOf('|', i + 1);
      if (end === -1) break;
      labels.push(unquote(line.slice(i + 1, end)));
      residue += ' ';
      i = end + 1;
      continue;
    }
    const opener = /[\p{L}\p{N}_]/u.test(line[i - 1] ?? '')
      ? /^(?:\(\(\(|\(\(|\[\[|\[\(|\(\[|\{\{|\[\/|\[\\|[[({>])/u.exec(line.slice(i))?.[0]
      : undefined;
    if (opener) {
      const closers = closingOf(opener);
      let j = i + opener.length;
      let end: { at: number; length: number } | undefined;
      while (j < line.length && !end) {
        if (line[j] === '"') {
          const quoteEnd = line.indexOf('"', j + 1);
          j = quoteEnd === -1 ? line.length : quoteEnd + 1;
          continue;
        }
        const closer = closers.find((c) => line.startsWith(c, j));
        if (closer) end = { at: j, length: closer.length };
        else j++;
      }
      const stop = end?.at ?? line.length;
      labels.push(unquote(line.slice(i + opener.length, stop)));
      residue += ' ';
      i = stop + (end?.length ?? 0);
      continue;
    }
    residue += char;
    i++;
  }
  // `A -- label --> B`, `A -. label .-> B`, `A == label ==> B`
  for (const match of residue.matchAll(
    /(?:^|\s)(?:--|==|-\.)\s+(.+?)\s+(?:-->|---|==>|===|\.->|-\.-|--[ox]|==[ox])/gu,
  )) {
    labels.push(match[1]!.trim());
  }
  return labels.filter((label) => label !== '');
}

/** `[(` closes with `)]`, `>` with `]`; a slanted shape may close with either slant. */
function closingOf(opener: string): string[] {
  const mirror: Record<string, string> = {
    '(': ')',
    '[': ']',
    '{': '}',
    '>': ']',
    '/': '/',
    '\\': '\\',
  };
  const closer = [...opener]
    .reverse()
    .map((c) => mirror[c] ?? c)
    .join('');
  if (opener === '[/' || opener === '[\\') return ['/]', '\\]'];
  return [closer];
}

function unquote(label: string): string {
  const trimmed = label.trim();
  return (trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed)
    .replace(/<br\s*\/?>/giu, ' ')
    .trim();
}
