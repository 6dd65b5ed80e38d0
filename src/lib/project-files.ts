import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A file of the project (a data file, for its text and line numbers), read from the project folder
 * where `astro build` runs; a file that cannot be read fails with its path.
 */
export function readProjectFile(path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new Error(
      `${path} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
