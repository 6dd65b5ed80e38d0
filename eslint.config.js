// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { declaredDependencies } from './scripts/lib/eslint-dependencies.ts';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-subpath/',
      '.astro/',
      'reports/',
      'screenshots/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Every imported package is declared; what the build runs uses `dependencies` only.
    plugins: { project: { rules: { 'declared-dependencies': declaredDependencies } } },
    rules: {
      'project/declared-dependencies': 'error',
      // One import style: types imported as types (`import type`, or `type` inline beside values),
      // and Node's own modules by their `node:` name.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules
            .filter((name) => !name.startsWith('_') && !name.startsWith('node:'))
            .map((name) => ({ name, message: `Import it as 'node:${name}'.` })),
        },
      ],
    },
  },
  {
    // Astro files are checked without type information; JS files (site.js, configuration) with it.
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['public/**/*.js', 'src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
