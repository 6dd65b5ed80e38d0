import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { derivedStatementProblems } from './derived-statements.ts';
import { formatProblem } from './faithfulness.ts';

/**
 * The faithful layer, held to the article before anything is rendered: every derived statement
 * (actor descriptions, chapter summaries and periods, diagram labels, event titles, the site's
 * standfirst and description) rests on whole sentences of the article and keeps their hedges,
 * attributions and dates. A build refuses to publish otherwise; the dev server warns and goes on.
 */
export function faithfulLayer(): AstroIntegration {
  return {
    name: 'faithful-layer',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        let report: string;
        try {
          const problems = derivedStatementProblems(fileURLToPath(config.root)).map(formatProblem);
          if (problems.length === 0) return;
          report = `${problems.length} derived statement(s) say more or less than the article:\n${problems.join('\n')}`;
        } catch (error) {
          // Content that cannot be read at all (a chapter's frontmatter, a data file): its own message.
          report = error instanceof Error ? error.message : String(error);
        }
        // An AstroError prints as a content error, without a stack trace of our code.
        if (command === 'build') throw new AstroError(report);
        logger.warn(report);
      },
    },
  };
}
