/** Words a reader gets through in a minute of long-form reading. */
export const WORDS_PER_MINUTE = 220;

/**
 * Minutes it takes to read a chapter's MDX body. Frontmatter, fenced blocks (diagrams), imports,
 * JSX tags and Markdown markers are not prose, so they do not count.
 */
export function readingMinutes(mdx: string): number {
  const prose = mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/[#>*_`[\]()-]+(?=\s)/g, ' ');
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}’'.,:;–-]*/gu) ?? [];
  return Math.max(1, Math.round(words.length / WORDS_PER_MINUTE));
}

export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
