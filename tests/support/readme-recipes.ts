/**
 * The deploy recipes of the README, read from its Markdown (Sätteri's mdast) and, for the GitHub
 * Pages workflow, its YAML: the shell commands each recipe runs to build the site.
 */
import { readFileSync } from 'node:fs';
import { markdownToMdast, type MdastNode } from 'satteri';
import { parse } from 'yaml';

export interface Recipe {
  /** The `###` heading under "Deploying", or "Deploying" for the section's own example. */
  name: string;
  /** Each shell command line the recipe shows, as written. */
  commands: string[];
  /** The build command's own environment, when the recipe sets it apart (the workflow's `env`). */
  env: Record<string, string>[];
}

const childrenOf = (node: MdastNode): MdastNode[] =>
  'children' in node ? (node.children as MdastNode[]) : [];
const textOf = (node: MdastNode): string =>
  'value' in node ? String(node.value) : childrenOf(node).map(textOf).join('');

interface WorkflowStep {
  run?: string;
  env?: Record<string, string>;
}

/** Every recipe of the README's "Deploying" section, with the commands it shows. */
export function deployRecipes(
  readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8'),
): Recipe[] {
  const recipes: Recipe[] = [];
  let inDeploying = false;
  for (const node of childrenOf(markdownToMdast(readme))) {
    if (node.type === 'heading' && 'depth' in node) {
      if (node.depth === 2) {
        inDeploying = textOf(node) === 'Deploying';
        if (inDeploying) recipes.push({ name: 'Deploying', commands: [], env: [] });
      } else if (node.depth === 3 && inDeploying) {
        recipes.push({ name: textOf(node), commands: [], env: [] });
      }
      continue;
    }
    const recipe = recipes.at(-1);
    if (!inDeploying || !recipe) continue;
    if (node.type === 'code' && 'lang' in node) {
      const code = textOf(node);
      if (node.lang === 'sh') recipe.commands.push(...code.split('\n').filter((l) => l.trim()));
      if (node.lang === 'yaml') {
        const workflow = parse(code) as { jobs?: Record<string, { steps?: WorkflowStep[] }> };
        for (const job of Object.values(workflow.jobs ?? {}))
          for (const step of job.steps ?? [])
            if (step.run) {
              recipe.commands.push(step.run);
              recipe.env.push(step.env ?? {});
            }
      }
    }
    // "Build command `…`": a host's setting, written inline.
    const [first, code] = childrenOf(node);
    if (
      node.type === 'paragraph' &&
      first?.type === 'text' &&
      textOf(first).startsWith('Build command') &&
      code?.type === 'inlineCode'
    )
      recipe.commands.push(textOf(code));
  }
  return recipes;
}

/**
 * The npm scripts a shell command line runs (`npm run x`, `npm test`), each with the variables set
 * before it: `A=1 npm run pdf && npm test` gives `[{ script: 'pdf', env: { A: '1' } }, …]`.
 */
export function npmScripts(command: string): { script: string; env: Record<string, string> }[] {
  return command.split('&&').flatMap((part) => {
    const words = part.trim().split(/\s+/);
    const env: Record<string, string> = {};
    while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
      const [name, ...value] = words.shift()!.split('=');
      env[name!] = value.join('=');
    }
    if (words[0] !== 'npm') return [];
    if (words[1] === 'run' && words[2]) return [{ script: words[2], env }];
    if (words[1] === 'test') return [{ script: 'test', env }];
    return [];
  });
}
