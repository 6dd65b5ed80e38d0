import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { parse, type AnyNode, type CallExpression, type Node } from 'acorn';
import { ancestor } from 'acorn-walk';
import { packageDir } from './settings.ts';

/**
 * The origin the renderer's pages load Mermaid from. Nothing there is fetched: every request to it
 * is answered from Mermaid's package by `MermaidModules` (`.invalid` never resolves, so a request
 * that slipped through would fail rather than leave the machine).
 */
export const MERMAID_ORIGIN = 'https://mermaid.invalid';

/** Mermaid's browser build as ES modules: the page loads the chunks a flowchart needs, no more. */
export const MERMAID_ENTRY = '/mermaid.esm.min.mjs';

/** The page global the patched `getConfig` calls; `installConfigCopy` defines it. */
export const COPY_GLOBAL = 'copyMermaidConfig';

export interface ModuleResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Answers the renderer pages' requests for Mermaid's module files from its package, with one change
 * that makes rendering about a third faster and draws exactly the same: Mermaid's `getConfig` hands
 * every caller a fresh copy of the whole configuration (~820 entries, all diagram types and theme
 * variables) through a general-purpose merge that defines each entry as a property, and a flowchart
 * asks for it once or twice per node and edge; a third of a render went there. The module that
 * defines it gets a `getConfig` that makes the same copy (`installConfigCopy`) with object
 * spreads. When the module is not recognised (a Mermaid upgrade moved it), it is served as
 * published, and rendering is only slower; tests/unit/mermaid-modules.test.ts says so first.
 */
export class MermaidModules {
  private readonly root = join(packageDir('mermaid'), 'dist');
  private readonly files = new Map<string, string>();
  private readonly page: string;

  /** `page` is the document served at the origin's root, the one the renderer opens. */
  constructor(page: string) {
    this.page = page;
  }

  /** The response to a request for `pathname` on `MERMAID_ORIGIN`. */
  respond(pathname: string): ModuleResponse {
    if (pathname === '/') return { status: 200, contentType: 'text/html', body: this.page };
    const file = this.moduleFile(pathname);
    // Answered, never left hanging: a page waiting on a module would wait until it timed out.
    if (!file)
      return { status: 404, contentType: 'text/plain', body: `not a Mermaid module: ${pathname}` };
    let body = this.files.get(file);
    if (body === undefined) {
      body = readFileSync(file, 'utf8');
      body = withFastConfigCopy(body) ?? body;
      this.files.set(file, body);
    }
    return { status: 200, contentType: 'text/javascript', body };
  }

  /** The module file a path names, if it is one of Mermaid's. */
  private moduleFile(pathname: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const file = normalize(join(this.root, decoded));
    const isModule = file.startsWith(this.root + sep) && file.endsWith('.mjs');
    return isModule && existsSync(file) ? file : undefined;
  }
}

/**
 * The module with its `getConfig` calling the page's `copyMermaidConfig` instead of Mermaid's general
 * merge, or undefined when this module does not define that `getConfig`. Found on the parsed module:
 * the function Mermaid names "getConfig" whose body is `assignWithDepth({}, currentConfig)`, where
 * `assignWithDepth` is the function Mermaid names so (names survive minification as labels).
 */
export function withFastConfigCopy(code: string): string | undefined {
  // Only the module that defines the merge can define this getConfig; skip parsing the rest.
  if (!code.includes('"assignWithDepth"')) return undefined;
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const merges = new Set<string>();
  // `x = y` between plain names: the build binds `assignWithDepth_default = assignWithDepth`.
  const aliases: [alias: string, of: string][] = [];
  const getConfigs: { copy: Node; config: string; merge: string }[] = [];
  ancestor(program, {
    CallExpression(node, _state, ancestors) {
      const label = namedFunctionLabel(node);
      if (label === 'assignWithDepth') {
        const binding = bindingOf(ancestors.at(-2));
        if (binding) merges.add(binding);
      } else if (label === 'getConfig') {
        const arrow = node.arguments[0];
        if (arrow?.type !== 'ArrowFunctionExpression' || arrow.params.length > 0) return;
        const copy = arrow.body;
        if (copy.type !== 'CallExpression' || copy.callee.type !== 'Identifier') return;
        const [into, from] = copy.arguments;
        if (into?.type !== 'ObjectExpression' || into.properties.length > 0) return;
        if (from?.type !== 'Identifier' || copy.arguments.length !== 2) return;
        getConfigs.push({ copy, config: from.name, merge: copy.callee.name });
      }
    },
    Identifier(node, _state, ancestors) {
      const parent = ancestors.at(-2);
      const isValue =
        (parent?.type === 'VariableDeclarator' && parent.init === node) ||
        (parent?.type === 'AssignmentExpression' && parent.right === node);
      const alias = isValue ? bindingOf(parent) : undefined;
      if (alias) aliases.push([alias, node.name]);
    },
  });
  for (let grew = true; grew;) {
    grew = false;
    for (const [alias, of] of aliases) {
      if (!merges.has(of) || merges.has(alias)) continue;
      merges.add(alias);
      grew = true;
    }
  }
  const found = getConfigs.filter((candidate) => merges.has(candidate.merge));
  if (found.length !== 1) return undefined;
  const [{ copy, config }] = found as [(typeof found)[number]];
  return `${code.slice(0, copy.start)}globalThis.${COPY_GLOBAL}(${config})${code.slice(copy.end)}`;
}

/** The label of `name(fn, "label")`, the helper Mermaid's build wraps every named function in. */
function namedFunctionLabel(node: CallExpression): string | undefined {
  const [fn, label] = node.arguments;
  if (node.arguments.length !== 2 || !fn || !label) return undefined;
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return undefined;
  return label.type === 'Literal' && typeof label.value === 'string' ? label.value : undefined;
}

/** The plain name a value is bound to by its parent: `var x = value` or `x = value`. */
function bindingOf(parent: AnyNode | undefined): string | undefined {
  if (parent?.type === 'VariableDeclarator')
    return parent.id.type === 'Identifier' ? parent.id.name : undefined;
  if (parent?.type === 'AssignmentExpression')
    return parent.left.type === 'Identifier' ? parent.left.name : undefined;
  return undefined;
}

/**
 * Defines the function `name` (`COPY_GLOBAL`) on `target`: the page's global object when the
 * renderer runs it there, so it must not refer to anything outside itself. It copies exactly what
 * Mermaid's `assignWithDepth({}, config)` copies: own enumerable entries, entries whose value is
 * null left out, objects down two levels copied entry by entry and the objects at the third level
 * shallowly, arrays copied at every level with repeated items dropped; anything deeper is shared.
 */
export function installConfigCopy(
  name: string,
  target: Record<string, unknown> = globalThis,
): void {
  const unique = (items: unknown[]): unknown[] => [...new Set(items)];
  const copy = (source: object, depth: number): object => {
    if (Array.isArray(source)) return unique(source);
    if (depth <= 0) return Object.assign({}, source);
    // A spread is V8's fastest copy, and makes `__proto__` an entry of its own as Mermaid does;
    // then the nulls go and the objects are copied a level down.
    const result: Record<string, unknown> = { ...source };
    for (const key in result) {
      const value = result[key];
      if (value === null) delete result[key];
      else if (typeof value === 'object') result[key] = copy(value, depth - 1);
    }
    return result;
  };
  target[name] = (config: object) => copy(config, 2);
}
