import { existsSync } from 'node:fs';

/** The build tests read dist/: without it, stop at once and say how to make it. */
export default function requireBuild(): void {
  if (!existsSync('dist/index.html'))
    throw new Error(
      'dist/ is missing: the build tests read the built site. Run `npm run build` first (or `npm test`, which builds).',
    );
}
