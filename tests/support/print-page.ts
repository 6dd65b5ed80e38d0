import { readFileSync } from 'node:fs';
import { parse, walk, type CssNode } from 'css-tree';

const PRINT_CSS = new URL('../../src/styles/print.css', import.meta.url);
const MM_PER_INCH = 25.4;

export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The page margins the print stylesheet sets (`@page { margin: … }` in src/styles/print.css, the
 * one place they are defined), in millimetres.
 */
export function printPageMarginsMm(css = readFileSync(PRINT_CSS, 'utf8')): PageMargins {
  const values: number[] = [];
  walk(parse(css), {
    visit: 'Atrule',
    enter(rule) {
      if (rule.name !== 'page' || rule.prelude !== null || !rule.block) return;
      for (const node of rule.block.children) {
        if (node.type !== 'Declaration' || node.property !== 'margin') continue;
        if (node.value.type !== 'Value') continue;
        values.push(...[...node.value.children].map(millimetres));
      }
    },
  });
  if (values.length === 0 || values.length > 4)
    throw new Error(`${PRINT_CSS.pathname}: no single \`@page { margin: … }\` rule found.`);
  const [top, right = top, bottom = top, left = right] = values as [number, ...number[]];
  return { top, right, bottom, left };
}

function millimetres(node: CssNode): number {
  if (node.type === 'Dimension' && node.unit === 'mm') return Number(node.value);
  if (node.type === 'Dimension' && node.unit === 'in') return Number(node.value) * MM_PER_INCH;
  throw new Error(`print.css @page margin: expected lengths in mm or in, found ${node.type}.`);
}

export const mmToPt = (mm: number) => (mm * 72) / MM_PER_INCH;
export const mmToCssPx = (mm: number) => (mm * 96) / MM_PER_INCH;

/** Paper sizes in millimetres. */
export const PAPER = { a4: { width: 210, height: 297 } } as const;
