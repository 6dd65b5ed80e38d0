import { describe, expect, it } from 'vitest';
import {
  claimProblems,
  eventProblems,
  formatProblem,
  statementProblems,
} from '../../src/facts/faithfulness.ts';
import {
  actorStatements,
  articleSentences,
  chapterFiles,
  chapterStatements,
  eventEntries,
  siteStatements,
} from '../support/derived-statements.ts';

describe('the real content', () => {
  const sentences = articleSentences();
  const chapters = chapterFiles().map(chapterStatements);

  it('rests every derived statement on whole sentences of the article, keeping their hedges and dates', () => {
    const statements = [
      ...actorStatements(),
      ...siteStatements(),
      ...chapters.flatMap((c) => [...c.frontmatter, ...c.diagrams]),
    ];
    const problems = [
      ...statements.flatMap((s) => statementProblems(s, sentences)),
      ...chapters.flatMap((c) => c.diagramProblems),
      ...eventEntries().flatMap((e) => eventProblems(e, sentences)),
      ...chapters.flatMap((c) => c.claims.flatMap((claim) => claimProblems(claim, sentences))),
    ];
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
