import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import subsetFont from 'subset-font';
import { labelFontSource } from './settings.ts';

/**
 * Cuts the label font down to the characters the diagrams' sources use (a superset of their labels),
 * so the page draws labels in the font they were measured in for a few kilobytes.
 * Rewrites the file only when the subset changes, keeping the committed copy stable.
 */
export async function writeLabelFontSubset(
  sources: readonly string[],
  outFile: string,
): Promise<number> {
  const characters = [...new Set([...sources.join(''), ' '])]
    .filter((c) => c >= ' ')
    .sort()
    .join('');
  const subset = await subsetFont(readFileSync(labelFontSource()), characters, {
    targetFormat: 'woff2',
  });
  if (!existsSync(outFile) || !readFileSync(outFile).equals(subset)) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, subset);
  }
  return subset.byteLength;
}
