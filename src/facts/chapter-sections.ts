/**
 * The prose of a chapter's MDX body, cut into the sections a reader can link to: the text before the
 * first heading (the lead-in), then one section per `##` or `###` heading. Only the article's words
 * are kept: fenced blocks (diagrams), imports, JSX tags such as `<Claim />` and Markdown markup are
 * dropped, so names in a diagram or a component never count as the article mentioning them.
 */
export interface SectionText {
  /** 2 or 3 for a heading's section; undefined for the lead-in before the first heading. */
  depth?: 2 | 3;
  heading?: string;
  /** The section's prose, one line per paragraph or list item. */
  text: string;
}

const HEADING = /^(#{2,3})[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

export function splitSections(body: string): SectionText[] {
  const sections: { depth?: 2 | 3; heading?: string; lines: string[] }[] = [{ lines: [] }];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const fenceMarker = FENCE.exec(line)?.[1];
    if (fence) {
      if (fenceMarker && fenceMarker[0] === fence[0] && fenceMarker.length >= fence.length)
        fence = undefined;
      continue;
    }
    if (fenceMarker) {
      fence = fenceMarker;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      sections.push({
        depth: heading[1]!.length as 2 | 3,
        heading: proseOf(heading[2]!),
        lines: [],
      });
      continue;
    }
    const prose = proseOf(line);
    if (prose) sections.at(-1)!.lines.push(prose);
  }
  return sections
    .filter((s, index) => index > 0 || s.lines.length > 0)
    .map(({ depth, heading, lines }) => ({
      ...(depth ? { depth } : {}),
      ...(heading ? { heading } : {}),
      text: lines.join('\n'),
    }));
}

/** One line of MDX reduced to the words a reader sees. */
export function proseOf(line: string): string {
  return line
    .replace(/^(import|export)\s.*$/, '')
    .replace(/\{\/\*.*?\*\/\}/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+/, '')
    .replace(/^[ \t]*>[ \t]?/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
