import type { RawRender } from './renderer.ts';

/**
 * The diagram's content as sentences, read from Mermaid's parsed model rather than written by hand:
 * one per link ("A → B", "A — label → B", or "A — label — B" for a plain line), then any box that no arrow touches.
 */
export function describeRelations({ nodes, edges }: Pick<RawRender, 'nodes' | 'edges'>): string[] {
  const labels = new Map(nodes.map((node) => [node.id, plain(node.label)]));
  const name = (id: string) => labels.get(id) ?? id;
  const relations = edges.map(({ from, to, label, directed }) => {
    const end = directed ? '→' : '—';
    return label.trim()
      ? `${name(from)} — ${plain(label)} ${end} ${name(to)}`
      : `${name(from)} ${end} ${name(to)}`;
  });
  const connected = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const alone = nodes.filter((node) => !connected.has(node.id)).map((node) => name(node.id));
  return [...relations, ...alone];
}

/** Mermaid labels may carry Markdown emphasis, line breaks or quotes; the text alternative wants words. */
function plain(label: string): string {
  return label
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
