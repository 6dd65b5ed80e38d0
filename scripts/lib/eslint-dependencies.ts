/**
 * An ESLint rule that keeps package.json honest: every package a file imports is declared, and
 * what the build runs (src/ and astro.config.mjs) imports only `dependencies`. Everything else
 * (tests, scripts, configuration of tools) may also use `devDependencies`. Type-only imports
 * vanish at build time, so they may come from either.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Rule } from 'eslint';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const ROOT = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as Manifest;
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
const devDependencies = new Set(Object.keys(manifest.devDependencies ?? {}));

function isBuildCode(file: string): boolean {
  const path = relative(ROOT.pathname, file).split(sep).join('/');
  return path.startsWith('src/') || path === 'astro.config.mjs';
}

function packageName(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether an import or export is `import type` / `export type` (TypeScript's parser marks it). */
function isTypeOnly(node: object): boolean {
  return (
    ('importKind' in node && node.importKind === 'type') ||
    ('exportKind' in node && node.exportKind === 'type')
  );
}

export const declaredDependencies: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'imported packages are declared, and build code uses dependencies only' },
    schema: [],
  },
  create(context) {
    const build = isBuildCode(context.filename);
    const check = (node: Rule.Node, source: unknown, typeOnly: boolean) => {
      if (typeof source !== 'string') return;
      const name = packageName(source);
      if (!name || dependencies.has(name)) return;
      // A type-only import may be served by DefinitelyTyped (`import type { Root } from 'hast'`).
      const typesPackage = `@types/${name.replace(/^@/, '').replace('/', '__')}`;
      if (typeOnly && (dependencies.has(typesPackage) || devDependencies.has(typesPackage))) return;
      if (!devDependencies.has(name)) {
        const install = typeOnly
          ? `npm install -D ${name} (or ${typesPackage} for its types)`
          : `npm install${build ? '' : ' -D'} ${name}`;
        context.report({
          node,
          message: `"${name}" is imported but not declared in package.json: ${install}`,
        });
      } else if (build && !typeOnly) {
        context.report({
          node,
          message: `"${name}" is a devDependency, but the build runs this file: move it to dependencies (npm install --save-prod ${name}).`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source?.value, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source.value : undefined, false),
    };
  },
};
