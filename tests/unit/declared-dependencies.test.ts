import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { declaredDependencies } from '../../scripts/lib/eslint-dependencies.ts';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const file = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;

tester.run('declared-dependencies', declaredDependencies, {
  valid: [
    { filename: file('src/x.ts'), code: "import { defineConfig } from 'astro/config';" },
    { filename: file('src/x.ts'), code: "import type { Plugin } from 'vitest';" },
    { filename: file('src/x.ts'), code: "import { z } from 'astro:content'; import './y.ts';" },
    { filename: file('tests/unit/x.test.ts'), code: "import { it } from 'vitest';" },
    { filename: file('scripts/x.ts'), code: "export * from '@playwright/test';" },
    { filename: file('src/x.ts'), code: "import type { Root } from 'hast';" },
  ],
  invalid: [
    {
      filename: file('src/x.ts'),
      code: "import { it } from 'vitest';",
      errors: [
        {
          message:
            '"vitest" is a devDependency, but the build runs this file: move it to dependencies (npm install --save-prod vitest).',
        },
      ],
    },
    {
      filename: file('astro.config.mjs'),
      code: "const m = await import('lighthouse');",
      errors: [{ message: /"lighthouse" is a devDependency/ }],
    },
    {
      filename: file('tests/unit/x.test.ts'),
      code: "import pad from '@scope/left-pad/sub';",
      errors: [
        {
          message:
            '"@scope/left-pad" is imported but not declared in package.json: npm install -D @scope/left-pad',
        },
      ],
    },
    {
      filename: file('src/x.ts'),
      code: "import type { Root } from 'undeclared-types';",
      errors: [
        {
          message:
            '"undeclared-types" is imported but not declared in package.json: npm install -D undeclared-types (or @types/undeclared-types for its types)',
        },
      ],
    },
  ],
});
