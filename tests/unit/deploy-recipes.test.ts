import { describe, expect, it } from 'vitest';
import { deployRecipes, npmScripts } from '../support/readme-recipes.ts';

/**
 * Every deploy recipe of the README builds what `npm run pdf` builds here: the site and the PDFs
 * its pages link to (tests/build/pdf.test.ts runs the S3 recipe's command and reads the PDFs).
 */
describe("the README's deploy recipes", () => {
  const recipes = deployRecipes();

  it('are found: the section example, GitHub Pages, Netlify, S3 and nginx', () => {
    expect(recipes.map((recipe) => recipe.name)).toEqual(
      expect.arrayContaining([
        'Deploying',
        expect.stringMatching(/^GitHub Pages/),
        'Netlify',
        expect.stringMatching(/^Amazon S3/),
        expect.stringMatching(/^nginx/),
      ]),
    );
  });

  it.each(recipes.filter((recipe) => recipe.commands.length > 0).map((r) => [r.name, r]))(
    '%s builds with npm run pdf, and with nothing else',
    (_name, recipe) => {
      const builds = recipe.commands
        .flatMap(npmScripts)
        .filter(({ script }) => script !== 'ci' && script !== 'test');
      expect(builds.map(({ script }) => script)).toEqual(['pdf']);
      // Nothing that would pick another paper format or skip the PDFs.
      for (const { env } of builds) expect(env).not.toHaveProperty('PDF');
      for (const env of recipe.env) expect(env).not.toHaveProperty('PDF');
    },
  );

  it('the recipes that build are the section example, GitHub Pages, Netlify and S3', () => {
    expect(
      recipes.filter((recipe) => recipe.commands.some((c) => npmScripts(c).length > 0)),
    ).toHaveLength(4);
  });

  it('reads the variables a command sets', () => {
    expect(npmScripts('A=1 B=x=y npm run pdf && npm test && aws s3 sync')).toEqual([
      { script: 'pdf', env: { A: '1', B: 'x=y' } },
      { script: 'test', env: {} },
    ]);
  });
});
