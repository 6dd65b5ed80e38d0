import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  claimProblems,
  consecutiveRun,
  contentProblems,
  datesIn,
  diagramLabels,
  droppedHedges,
  eventProblems,
  formatProblem,
  hedgesIn,
  mermaidStatements,
  quoteSentences,
  sourceProblem,
  statementProblems,
  undatedDates,
  type DerivedStatement,
  type EventEntry,
} from '../../src/facts/faithfulness.ts';
import { formatEventDate } from '../../src/facts/event-dates.ts';
import { readFactsInput } from '../../src/facts/files.ts';
import { isEditorsChapter } from '../../src/article/chapters.ts';
import {
  actorStatements,
  articleSentences,
  chapterStatements,
  eventEntries,
  siteStatements,
  derivedStatementProblems,
} from '../../src/facts/derived-statements.ts';

/** A small article: headings, sentences and list items, in order. */
const ARTICLE = [
  'A Region on Edge',
  'The recent crisis began on 25 December 2024.',
  'Two missiles detonated near an airliner flying from Baku to Grozny.',
  'The aircraft crash-landed in Kazakhstan, killing 38 people.',
  'Pro-Kremlin sources later accused diaspora networks of aiding the alleged “Operation Spiderweb” on 1 June 2025.',
  'Baku denied involvement.',
  'Although unconfirmed reports suggest Azerbaijan may have helped transfer jets, these claims remain unverified.',
  'However, supply of aerial bombs is verified.',
  'Throughout the 1990s, Russia armed both sides while posing as a neutral mediator.',
  'After falling under the Russian Empire in the 19th century, Baku spent decades under Moscow’s political gravity.',
  'Moscow May Seek to Reassert Control',
  'Closing the Sputnik news agency’s Baku bureau',
  'The Sputnik office, widely believed to operate as a Russian intelligence node, became a focal point.',
];

const statement = (
  text: string,
  sources: DerivedStatement['sources'],
  what = 'the summary of the chapter',
): DerivedStatement => ({ text, file: 'content/chapters/x.mdx', line: 4, what, sources });

describe('sources: whole sentences of the article', () => {
  it('accepts a sentence, a heading and a list item exactly as the article has them', () => {
    for (const sentence of [ARTICLE[0]!, ARTICLE[1]!, ARTICLE[11]!]) {
      expect(sourceProblem(sentence, ARTICLE)).toBeUndefined();
    }
  });

  it('refuses part of a sentence and names the whole one', () => {
    expect(sourceProblem('Two missiles detonated near an airliner', ARTICLE)).toBe(
      'is only part of a sentence: quote the whole sentence, “Two missiles detonated near an airliner flying from Baku to Grozny.”',
    );
  });

  it('refuses two sentences in one source and lists them', () => {
    expect(sourceProblem(`${ARTICLE[4]} ${ARTICLE[5]}`, ARTICLE)).toBe(
      `is 2 sentences of the article in one: list each as a source of its own (“${ARTICLE[4]}”, “${ARTICLE[5]}”)`,
    );
  });

  it('shows the closest sentence and the first character that differs', () => {
    expect(
      sourceProblem(
        "After falling under the Russian Empire in the 19th century, Baku spent decades under Moscow's political gravity.",
        ARTICLE,
      ),
    ).toBe(
      "is not a sentence of the article: “After falling under the Russian Empire in the 19th century, Baku spent decades under Moscow's political gravity.”. The closest sentence is “After falling under the Russian Empire in the 19th century, Baku spent decades under Moscow’s political gravity.”; first difference at character 92: ' (U+0027) where the article has ’ (U+2019)",
    );
    expect(sourceProblem('The recent crisis began on 25 December 2025.', ARTICLE)).toMatch(
      /closest sentence is “The recent crisis began on 25 December 2024\.”; first difference at character 43: 5 \(U\+0035\) where the article has 4 \(U\+0034\)$/,
    );
  });

  it('says where a source runs past the end of its sentence', () => {
    expect(sourceProblem('Baku denied involvement. Moscow did not.', ARTICLE)).toMatch(
      /closest sentence is “Baku denied involvement\.”; first difference at character 25: a space where the article has the end$/,
    );
  });

  it('refuses an empty source, one with spaces around it, and one nothing resembles', () => {
    expect(sourceProblem('', ARTICLE)).toMatch(/^is empty/);
    expect(sourceProblem(` ${ARTICLE[5]}`, ARTICLE)).toBe(
      'has spaces around it: “Baku denied involvement.”',
    );
    expect(sourceProblem('Zzz qqq.', ARTICLE)).toBe(
      'is not a sentence of the article, and no sentence of it comes close: “Zzz qqq.”',
    );
  });

  it('reads a quote of consecutive sentences, and only consecutive ones', () => {
    expect(consecutiveRun(`${ARTICLE[1]} ${ARTICLE[2]} ${ARTICLE[3]}`, ARTICLE)).toEqual([
      ARTICLE[1],
      ARTICLE[2],
      ARTICLE[3],
    ]);
    expect(consecutiveRun(ARTICLE[1]!, ARTICLE)).toBeUndefined();
    expect(consecutiveRun(`${ARTICLE[1]} ${ARTICLE[3]}`, ARTICLE)).toBeUndefined();
    expect(consecutiveRun(`${ARTICLE[1]}  ${ARTICLE[2]}`, ARTICLE)).toBeUndefined();
    expect(quoteSentences(ARTICLE[5]!, ARTICLE)).toEqual({ sentences: [ARTICLE[5]] });
    expect(quoteSentences(`${ARTICLE[4]} ${ARTICLE[5]}`, ARTICLE)).toEqual({
      sentences: [ARTICLE[4], ARTICLE[5]],
    });
    expect(quoteSentences(`${ARTICLE[1]} ${ARTICLE[3]}`, ARTICLE)).toEqual({
      problem:
        'is not consecutive sentences of the article: after “The recent crisis began on 25 December 2024.” the article goes on with “Two missiles detonated near an airliner flying from Baku to Grozny.”, the quote with “The aircraft crash-landed in Kazakhstan, killing 38 people.”',
    });
    expect(quoteSentences(`${ARTICLE[12]} More.`, ARTICLE)).toEqual({
      problem: `is not consecutive sentences of the article: the article ends after “${ARTICLE[12]}”, the quote goes on with “More.”`,
    });
    const unlike = quoteSentences('The recent crisis began on 24 December 2024.', ARTICLE);
    expect('problem' in unlike && unlike.problem).toMatch(
      /^is neither a sentence of the article nor several consecutive ones: “The recent crisis began on 24 December 2024\.”\. The closest sentence is “The recent crisis began on 25 December 2024\.”; first difference at character 29: 4 \(U\+0034\) where the article has 5 \(U\+0035\)$/,
    );
    expect(quoteSentences('Baku denied', ARTICLE)).toEqual({
      problem: 'is only part of a sentence: quote the whole sentence, “Baku denied involvement.”',
    });
  });
});

describe('hedges and attributions', () => {
  it('finds each family the check knows', () => {
    const families = (text: string) => [...hedgesIn(text).keys()];
    expect(families('the alleged operation; an allegation')).toEqual(['alleg-']);
    expect(families('sources accused them; the accusation')).toEqual(['accus-']);
    for (const word of ['deny', 'denies', 'denied', 'denial'])
      expect(families(`Baku ${word} it`)).toEqual(['deny/denies/denied']);
    expect(families('unverified reports')).toEqual(['unverified/unconfirmed']);
    expect(families('unconfirmed reports')).toEqual(['unverified/unconfirmed']);
    for (const word of ['may', 'might', 'could', 'May'])
      expect(families(`Moscow ${word} act`)).toEqual(['may/might/could']);
    expect(families('it was reportedly sent')).toEqual(['reportedly']);
    expect(families('Russia claimed; these claims')).toEqual(['claim-']);
    expect(families('according to Tehran')).toEqual(['according to']);
    expect(families('reports suggest; it suggests')).toEqual(['suggest-']);
    expect(families('widely believed to be')).toEqual(['widely believed']);
  });

  it('does not take the month May, or words that only contain a family, for a hedge', () => {
    for (const text of [
      'in May 2025',
      '1 May',
      'May 2025 saw talks',
      'May 1, 2025',
      'since May',
      'by mid-May',
      'Azerbaijan reclaimed territory',
      'the density of denim',
    ]) {
      expect([...hedgesIn(text).keys()], text).toEqual([]);
    }
    expect([...hedgesIn('Moscow May Seek to Reassert Control').keys()]).toEqual([
      'may/might/could',
    ]);
  });

  it('reports each family the sources carry and the statement drops, once, with the sentence', () => {
    expect(droppedHedges('Azerbaijan helped transfer jets, unverified.', [ARTICLE[6]!])).toEqual([
      { family: 'may/might/could', word: 'may', sentence: ARTICLE[6] },
      { family: 'claim-', word: 'claims', sentence: ARTICLE[6] },
      { family: 'suggest-', word: 'suggest', sentence: ARTICLE[6] },
    ]);
  });

  it('takes any word of a family as keeping it', () => {
    expect(
      droppedHedges('Unconfirmed reports suggest it could have; the claim is unverified.', [
        ARTICLE[6]!,
      ]),
    ).toEqual([]);
    expect(
      droppedHedges('An allegation of aiding, an accusation, a denial.', [
        ARTICLE[4]!,
        ARTICLE[5]!,
      ]),
    ).toEqual([]);
  });
});

describe('dates', () => {
  const read = (text: string) => datesIn(text).map((d) => `${d.kind}:${d.text}`);

  it('reads each kind of date once, the most precise reading first', () => {
    expect(read('On 25 December 2024, in December 2024 and in 2024')).toEqual([
      'day:25 December 2024',
      'month:December 2024',
      'year:2024',
    ]);
    expect(read('December 25, 2024; 1st June 2025')).toEqual([
      'day:December 25, 2024',
      'day:1st June 2025',
    ]);
    expect(read('early 2025, mid-2025, late 2024, summer 2023, winter 2022')).toEqual([
      'season:early 2025',
      'season:mid-2025',
      'season:late 2024',
      'season:summer 2023',
      'season:winter 2022',
    ]);
    expect(read('the 1990s, the 19th century, a 21st-century war')).toEqual([
      'decade:1990s',
      'century:19th century',
      'century:21st-century',
    ]);
    expect(read('wars of 2020 and 2023; 2020–2023')).toEqual([
      'year:2020',
      'year:2023',
      'year:2020',
      'year:2023',
    ]);
  });

  it('does not read numbers that are not years', () => {
    expect(read('a 117-drone strike, QFAB-250 bombs, Su-22 jets, 38 people, 18 months')).toEqual(
      [],
    );
    expect(read('an Embraer 190 and F-1999 code')).toEqual([]);
  });

  it('accepts a date its sources carry, as it is or more precisely', () => {
    const ok = (date: string, source: string) => expect(undatedDates(date, [source])).toEqual([]);
    ok('25 December 2024', 'It began on 25 December 2024.');
    ok('December 2024', 'It began on 25 December 2024.');
    ok('2024', 'It began on 25 December 2024.');
    ok('Early 2025', 'They left in early 2025.');
    ok('2025', 'They left in early 2025.');
    ok('the 1990s', 'It withdrew in 1999.');
    ok('1990s', 'Throughout the 1990s, Russia armed both sides.');
    ok('the 19th century', 'In the 19th century it fell.');
    ok('19th century to 2022', 'In the 19th century it fell. In 2022 they signed.');
  });

  it('refuses a date its sources do not carry, or carry only less precisely', () => {
    const missing = (date: string, source: string) =>
      undatedDates(date, [source]).map((d) => d.text);
    expect(missing('June 2025', 'Throughout 2025 it grew.')).toEqual(['June 2025']);
    expect(missing('1 June 2025', 'In June 2025 it happened.')).toEqual(['1 June 2025']);
    expect(missing('early 2025', 'In 2025 they left.')).toEqual(['early 2025']);
    expect(missing('1999', 'Throughout the 1990s, Russia armed both sides.')).toEqual(['1999']);
    expect(missing('2020 to November 2025', 'Since 14 November 2025, tensions grew.')).toEqual([
      '2020',
    ]);
    expect(missing('in 2022', 'It happened.')).toEqual(['2022']);
  });
});

describe('a derived statement', () => {
  it('is clean when it rests on whole sentences and keeps their hedges and dates', () => {
    expect(
      statementProblems(
        statement(
          'Unconfirmed reports suggest Azerbaijan may have helped transfer jets; claims unverified.',
          [ARTICLE[6]!],
        ),
        ARTICLE,
      ),
    ).toEqual([]);
  });

  it('names the file and the line of each problem: the source’s own line for a bad source', () => {
    const problems = statementProblems(
      statement('In June 2025 Azerbaijan helped transfer jets.', [
        { text: ARTICLE[6]!, line: 7 },
        { text: 'Baku denied', line: 8 },
      ]),
      ARTICLE,
    ).map(formatProblem);
    expect(problems).toEqual([
      'content/chapters/x.mdx:8: a source of the summary of the chapter is only part of a sentence: quote the whole sentence, “Baku denied involvement.”',
      `content/chapters/x.mdx:4: the summary of the chapter drops “unconfirmed” (unverified/unconfirmed), which its source says: “${ARTICLE[6]}”. Keep the hedge or attribution, or rest the statement on other sentences.`,
      `content/chapters/x.mdx:4: the summary of the chapter drops “may” (may/might/could), which its source says: “${ARTICLE[6]}”. Keep the hedge or attribution, or rest the statement on other sentences.`,
      `content/chapters/x.mdx:4: the summary of the chapter drops “claims” (claim-), which its source says: “${ARTICLE[6]}”. Keep the hedge or attribution, or rest the statement on other sentences.`,
      `content/chapters/x.mdx:4: the summary of the chapter drops “suggest” (suggest-), which its source says: “${ARTICLE[6]}”. Keep the hedge or attribution, or rest the statement on other sentences.`,
      'content/chapters/x.mdx:4: the summary of the chapter drops “denied” (deny/denies/denied), which its source says: “Baku denied”. Keep the hedge or attribution, or rest the statement on other sentences.',
      'content/chapters/x.mdx:4: the summary of the chapter gives the date “June 2025”, which none of its sources carries (they give no date). A date goes only where its own source sentence carries it: name that sentence as a source, or leave the date out.',
    ]);
  });

  it('must name a source', () => {
    expect(
      statementProblems(statement('Anything at all.', []), ARTICLE).map(formatProblem),
    ).toEqual([
      'content/chapters/x.mdx:4: the summary of the chapter names no source: list the sentence(s) of the article it rests on, whole and word for word',
    ]);
  });

  it('keeps an attribution: “widely believed” may not become a fact', () => {
    expect(
      contentProblems(
        statement('The Sputnik office operated as a Russian intelligence node.', [ARTICLE[12]!]),
      ).map((p) => p.message),
    ).toEqual([expect.stringContaining('drops “widely believed” (widely believed)')]);
  });

  it('names the dates its sources give when it gives another', () => {
    expect(
      contentProblems(statement('The crisis began in November 2024.', [ARTICLE[1]!])).map(
        (p) => p.message,
      ),
    ).toEqual([
      'the summary of the chapter gives the date “November 2024”, which none of its sources carries (they give “25 December 2024”). A date goes only where its own source sentence carries it: name that sentence as a source, or leave the date out.',
    ]);
  });
});

describe('claim labels', () => {
  const claim = (status: string, sentence: string, by?: string) => ({
    status,
    sentence,
    file: 'content/chapters/x.mdx',
    line: 9,
    ...(by ? { by } : {}),
  });

  it('stand after a sentence that says what they say, naming who says it', () => {
    expect(claimProblems(claim('denied', ARTICLE[5]!, 'Baku'), ARTICLE)).toEqual([]);
    expect(claimProblems(claim('alleged', ARTICLE[4]!, 'Pro-Kremlin sources'), ARTICLE)).toEqual(
      [],
    );
    expect(claimProblems(claim('unverified', ARTICLE[6]!), ARTICLE)).toEqual([]);
    expect(claimProblems(claim('verified', ARTICLE[7]!), ARTICLE)).toEqual([]);
  });

  it('are refused where the sentence does not say so, or names someone else', () => {
    expect(claimProblems(claim('verified', ARTICLE[6]!), ARTICLE).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/chapters\/x\.mdx:9: the label "verified" needs a sentence that says so/,
      ),
    ]);
    expect(
      claimProblems(claim('denied', ARTICLE[5]!, 'Moscow'), ARTICLE).map(formatProblem),
    ).toEqual([
      'content/chapters/x.mdx:9: the label names "Moscow", who is not named in the sentence: "Baku denied involvement."',
    ]);
    expect(claimProblems(claim('disputed', ARTICLE[5]!), ARTICLE)[0]!.message).toMatch(
      /unknown claim status "disputed"/,
    );
  });

  it('are refused after a sentence that is not the article’s', () => {
    expect(claimProblems(claim('denied', 'Baku denied it.'), ARTICLE).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/chapters\/x\.mdx:9: the sentence before the “denied” label is not a sentence of the article: “Baku denied it\.”\. The closest sentence is “Baku denied involvement\.”/,
      ),
    ]);
  });
});

describe('timeline events', () => {
  const event = (overrides: Partial<EventEntry>): EventEntry => ({
    id: 'crash',
    file: 'content/events.yaml',
    title: 'Two missiles detonate near an airliner, which crash-lands in Kazakhstan',
    titleLine: 3,
    quote: `${ARTICLE[1]} ${ARTICLE[2]} ${ARTICLE[3]}`,
    quoteLine: 4,
    status: [],
    ...overrides,
  });

  it('may be told in one sentence and dated by its neighbour, with a quote of both', () => {
    expect(eventProblems(event({}), ARTICLE)).toEqual([]);
    expect(
      eventProblems(event({ title: 'On 25 December 2024 an airliner crash-lands' }), ARTICLE),
    ).toEqual([]);
  });

  it('refuses a quote that is not consecutive sentences, at the quote’s line', () => {
    expect(
      eventProblems(event({ quote: `${ARTICLE[1]} ${ARTICLE[3]}` }), ARTICLE).map(formatProblem),
    ).toEqual([
      expect.stringMatching(
        /^content\/events\.yaml:4: the quote of event "crash" is not consecutive sentences of the article: after “The recent crisis began on 25 December 2024\.” the article goes on with/,
      ),
    ]);
  });

  it('holds the title to the quote and the labels’ sentences', () => {
    const spiderweb = event({
      id: 'spiderweb',
      title: 'Operation Spiderweb: pro-Kremlin sources accused diaspora networks of aiding it',
      quote: ARTICLE[4]!,
      status: [
        { label: 'alleged', by: 'Pro-Kremlin sources', sentence: ARTICLE[4]!, line: 8 },
        { label: 'denied', by: 'Baku', sentence: ARTICLE[5]!, line: 11 },
      ],
    });
    expect(eventProblems(spiderweb, ARTICLE).map(formatProblem)).toEqual([
      `content/events.yaml:3: the title of event "spiderweb" drops “alleged” (alleg-), which its source says: “${ARTICLE[4]}”. Keep the hedge or attribution, or rest the statement on other sentences.`,
      'content/events.yaml:3: the title of event "spiderweb" drops “denied” (deny/denies/denied), which its source says: “Baku denied involvement.”. Keep the hedge or attribution, or rest the statement on other sentences.',
    ]);
  });

  it('refuses a label on a sentence that does not say so, at the label’s line', () => {
    expect(
      eventProblems(
        event({ status: [{ label: 'denied', by: 'Baku', sentence: ARTICLE[2]!, line: 12 }] }),
        ARTICLE,
      ).map(formatProblem),
    ).toEqual([expect.stringMatching(/^content\/events\.yaml:12: the label "denied" needs/)]);
  });

  it('refuses a date in the title that the quote does not carry', () => {
    expect(
      eventProblems(event({ title: 'In January 2025 an airliner crash-lands' }), ARTICLE).map(
        (p) => p.message,
      ),
    ).toEqual([expect.stringContaining('gives the date “January 2025”')]);
  });
});

describe('Mermaid fences', () => {
  const fence = (...lines: string[]) => lines.join('\n');

  it('reads accTitle, accDescr and every node or edge line with the sources before it, at its line in the file', () => {
    const { statements, problems } = mermaidStatements(
      fence(
        'flowchart TD',
        `  %% source: ${ARTICLE[1]}`,
        '  accTitle: The crisis of 25 December 2024',
        `  %% source: ${ARTICLE[2]}`,
        `  %% source: ${ARTICLE[3]}`,
        '',
        '  %% a comment for editors',
        '  accDescr: Missiles, then a crash-landing.',
        `  %% source: ${ARTICLE[2]}`,
        '  M[Two missiles] -->|detonate near| P["An airliner"]',
      ),
      'content/chapters/x.mdx',
      30,
    );
    expect(problems).toEqual([]);
    expect(statements).toEqual([
      {
        text: 'The crisis of 25 December 2024',
        file: 'content/chapters/x.mdx',
        line: 33,
        what: 'the diagram’s accTitle (its caption)',
        sources: [{ text: ARTICLE[1], line: 32 }],
      },
      {
        text: 'Missiles, then a crash-landing.',
        file: 'content/chapters/x.mdx',
        line: 38,
        what: 'the diagram’s accDescr (its description)',
        sources: [
          { text: ARTICLE[2], line: 34 },
          { text: ARTICLE[3], line: 35 },
        ],
      },
      {
        text: 'Two missiles · detonate near · An airliner',
        file: 'content/chapters/x.mdx',
        line: 40,
        what: 'the diagram line “M[Two missiles] -->|detonate near| P["An airliner"]”',
        sources: [{ text: ARTICLE[2], line: 39 }],
      },
    ]);
  });

  it('refuses a statement line without a source, naming its line', () => {
    const { problems } = mermaidStatements(
      fence('flowchart LR', '  accTitle: A title', `  %% source: ${ARTICLE[5]}`, '  A --> B'),
      'content/chapters/x.mdx',
      10,
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/chapters/x.mdx:12: the diagram’s accTitle (its caption) “accTitle: A title” has no source: add a line “%% source: <sentence of the article>” directly before it for each sentence it rests on',
    ]);
  });

  it('refuses a source line that supports no statement', () => {
    const { problems } = mermaidStatements(
      fence(
        `%% source: ${ARTICLE[5]}`,
        'flowchart LR',
        `  %% source: ${ARTICLE[5]}`,
        '  accTitle: Baku denied involvement',
        `  %% source: ${ARTICLE[5]}`,
        '  classDef warm fill:#fee',
        `  %% source: ${ARTICLE[5]}`,
        `  %% source: ${ARTICLE[4]}`,
        '  %% source:',
      ),
      'content/chapters/x.mdx',
      1,
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/chapters/x.mdx:2: this source line stands before the line that names the kind of diagram; put “%% source:” lines directly before the accTitle, accDescr, node or edge line they support',
      'content/chapters/x.mdx:6: this source line stands before “classDef warm fill:#fee”, which only arranges or styles the diagram; put “%% source:” lines directly before the accTitle, accDescr, node or edge line they support',
      'content/chapters/x.mdx:10: “%% source:” needs a sentence of the article after it',
      'content/chapters/x.mdx:8: these 2 source lines stand at the end of the diagram, before no statement; put “%% source:” lines directly before the accTitle, accDescr, node or edge line they support',
    ]);
  });

  it('reads an accDescr block, a diagram’s frontmatter title and init directives', () => {
    const { statements, problems } = mermaidStatements(
      fence(
        '---',
        'title: Crisis',
        '---',
        '%%{init: {"theme": "neutral"}}%%',
        'flowchart LR',
        `  %% source: ${ARTICLE[2]}`,
        '  accDescr {',
        '    Two missiles',
        '    near an airliner.',
        '  }',
        '  direction TB',
        `  %% source: ${ARTICLE[2]}`,
        '  subgraph sky [In the air]',
        `  %% source: ${ARTICLE[2]}`,
        '    M --> P',
        '  end',
        '  style M fill:#fff',
      ),
      'f.mdx',
      1,
    );
    expect(problems.map(formatProblem)).toEqual([
      'f.mdx:3: the diagram’s title “title: Crisis” has no source: add a line “%% source: <sentence of the article>” directly before it for each sentence it rests on',
    ]);
    expect(statements.map((s) => [s.line, s.text])).toEqual([
      [3, 'Crisis'],
      [8, 'Two missiles near an airliner.'],
      [14, 'In the air'],
      [16, ''],
    ]);
  });

  it('reads the words of every shape and edge label, and none of the ids or arrows', () => {
    expect(diagramLabels('A[Box] --> B(Round) --> C{Choice} --> D((Circle))')).toEqual([
      'Box',
      'Round',
      'Choice',
      'Circle',
    ]);
    expect(
      diagramLabels('A([Stadium]) --- B[[Sub]] --- C[(Base)] --- D{{Hex}} --- E>Flag]'),
    ).toEqual(['Stadium', 'Sub', 'Base', 'Hex', 'Flag']);
    expect(diagramLabels('A[/Lean/] --> B[\\Back\\] --> C[/Trap\\]')).toEqual([
      'Lean',
      'Back',
      'Trap',
    ]);
    expect(
      diagramLabels('AZ -.->|"verified: bombs (QFAB-250) [2022]"| UA["Ukraine (at war)"]'),
    ).toEqual(['verified: bombs (QFAB-250) [2022]', 'Ukraine (at war)']);
    expect(diagramLabels('A -- may arm --> B')).toEqual(['may arm']);
    expect(diagramLabels('A -. reportedly .-> B')).toEqual(['reportedly']);
    expect(diagramLabels('A == claims ==> B')).toEqual(['claims']);
    expect(diagramLabels('W20 --> W23')).toEqual([]);
    expect(diagramLabels('A["Line one<br/>line two"]')).toEqual(['Line one line two']);
    expect(diagramLabels('subgraph one')).toEqual(['one']);
  });

  it('checks a diagram’s statements like any other', () => {
    const { statements } = mermaidStatements(
      fence(
        'flowchart LR',
        `  %% source: ${ARTICLE[6]}`,
        '  AZ -.->|transferred jets| UA[Ukraine]',
      ),
      'f.mdx',
      20,
    );
    expect(
      statements
        .flatMap((s) => statementProblems(s, ARTICLE))
        .map((p) => /^(the diagram line “.*?”) drops “(.+?)”/u.exec(p.message)?.slice(1)),
    ).toEqual([
      ['the diagram line “AZ -.->|transferred jets| UA[Ukraine]”', 'unconfirmed'],
      ['the diagram line “AZ -.->|transferred jets| UA[Ukraine]”', 'may'],
      ['the diagram line “AZ -.->|transferred jets| UA[Ukraine]”', 'claims'],
      ['the diagram line “AZ -.->|transferred jets| UA[Ukraine]”', 'suggest'],
    ]);
  });
});

describe('the site config’s statements', () => {
  const withSiteConfig = (text: string) => {
    const root = mkdtempSync(join(tmpdir(), 'site-config-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/site.config.ts'), text);
    return root;
  };
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('reads the standfirst, the description and their sources with the lines they stand on', () => {
    const root = withSiteConfig(
      [
        'export const site = {',
        '  title: `Not a statement`,',
        '  standfirst:',
        "    'Baku ‘tested’ Moscow.',",
        '  description: `Two crises in 2025.`,',
        '  sources: {',
        "    standfirst: ['The recent crisis began on 25 December 2024.'],",
        '    description: [',
        '      `Baku denied involvement.`,',
        "      'A' + 'B',",
        '    ],',
        '  },',
        '} as const satisfies Record<string, unknown>;',
      ].join('\n'),
    );
    roots.push(root);
    expect(siteStatements(root)).toEqual([
      {
        text: 'Baku ‘tested’ Moscow.',
        file: 'src/site.config.ts',
        line: 4,
        what: 'the standfirst of the site',
        sources: [{ text: 'The recent crisis began on 25 December 2024.', line: 7 }],
      },
      {
        text: 'Two crises in 2025.',
        file: 'src/site.config.ts',
        line: 5,
        what: 'the description of the site',
        // What is not a string stays as written, and fails as a source that is no sentence.
        sources: [
          { text: 'Baku denied involvement.', line: 9 },
          { text: "'A' + 'B'", line: 10 },
        ],
      },
    ]);
  });

  it('names the file and the line of a syntax error, or of a statement that is missing', () => {
    const broken = withSiteConfig('export const site = {\n  standfirst: ,\n};\n');
    const missing = withSiteConfig("export const site = { standfirst: 'Only this.' };\n");
    roots.push(broken, missing);
    expect(() => siteStatements(broken)).toThrow(/^src\/site\.config\.ts:2:\d+: /);
    expect(() => siteStatements(missing)).toThrow(
      'src/site.config.ts: no string property "description"',
    );
  });
});

describe('the real content', () => {
  const sentences = articleSentences();
  const chapters = chapterStatements();
  const events = eventEntries();
  const reading = readFactsInput();
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  const { input } = reading;

  it('is read in full: every actor, event, chapter summary and period, diagram and the site’s copy', () => {
    expect(actorStatements().length).toBe(input.actors.entries.length);
    expect(events.length).toBe(input.events.entries.length);
    expect(chapters.length).toBe(input.chapters.filter((c) => !isEditorsChapter(c)).length);
    for (const chapter of chapters) {
      expect(
        chapter.frontmatter.map((s) => s.what),
        chapter.file,
      ).toEqual(['the summary of the chapter', 'the period of the chapter']);
      const fences = chapter.diagrams.filter((s) => s.what.includes('accTitle')).length;
      expect(fences, chapter.file).toBeGreaterThan(0);
      expect(chapter.diagrams.filter((s) => s.what.includes('accDescr')).length).toBe(fences);
    }
    expect(siteStatements().map((s) => s.what)).toEqual([
      'the standfirst of the site',
      'the description of the site',
    ]);
  });

  it('rests every derived statement on whole sentences of the article, keeping their hedges and dates', () => {
    expect(derivedStatementProblems().map(formatProblem)).toEqual([]);
    expect(chapters.flatMap((c) => c.claims).length).toBeGreaterThan(0);
  });

  it('puts on the timeline every dated sentence of the article that tells an event', () => {
    const quoted = new Set(
      events.flatMap((e) => {
        const run = quoteSentences(e.quote, sentences);
        return 'sentences' in run ? run.sentences : [];
      }),
    );
    // Reviewed: sentences that carry a date but tell no event of their own.
    const notEvents = new Map([
      [
        'Since 14 November 2025 — the day an Iskander missile struck Azerbaijan’s embassy in Kyiv — tensions between Baku and Moscow have intensified, now dominating the broader geopolitical landscape of Eurasia.',
        'the strike is on the timeline from the sentence that tells it',
      ],
      [
        'While the Armenia–Azerbaijan wars of 2020 and 2023 remain vivid memories, a deeper fissure is now tearing at Moscow-Baku relations—one with the potential to reshape Eurasia’s strategic balance.',
        'the wars are on the timeline from the sentences that tell them',
      ],
      ['Turning Points — The Wars of 2020 and 2023', 'a heading'],
      ['How the 2020 War Recast Azerbaijan’s Confidence', 'a heading'],
      ['The 2023 Operation and Russia’s Symbolic Retreat', 'a heading'],
      [
        'Moreover, Azerbaijan intensified its legal action against Russia, especially concerning the December 2024 aircraft incident.',
        'the date is the airliner’s, already on the timeline; the legal action is not dated',
      ],
    ]);
    const dated = sentences.filter((s) => datesIn(s).length > 0);
    expect(dated.filter((s) => !quoted.has(s) && !notEvents.has(s))).toEqual([]);
    expect([...notEvents.keys()].filter((s) => !dated.includes(s) || quoted.has(s))).toEqual([]);
  });

  it('dates every event by a date its quote carries', () => {
    const undated = input.events.entries.flatMap(({ id, data }) => {
      const date = formatEventDate(data.date);
      return undatedDates(date, [data.quote]).length > 0 || datesIn(date).length === 0
        ? [`${id}: ${date}`]
        : [];
    });
    expect(undated).toEqual([]);
  });
});
