/**
 * Turns Mermaid's SVG into something safe to inline many times on one page: no embedded <style>
 * (the site's stylesheet colours it with its own custom properties), every id prefixed so no two
 * diagrams share one, and an accessible image whose name is the diagram's title.
 */
export function prepareSvg(svg: string, idPrefix: string): string {
  let out = svg
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    // Layout bookkeeping Mermaid leaves for its own runtime; readers never need it.
    .replace(/ data-(?:points|look|et|edge|id)="[^"]*"/g, '')
    .replace(/ style="(?:;|\s*)"/g, '')
    .replace(/<g><rect class="background" style="stroke: none"><\/rect><\/g>/g, '')
    .replace(/<rect class="background" style="stroke: none"><\/rect>/g, '')
    .replace(/<rect><\/rect>/g, '')
    // Edges without a label still get an empty label group.
    .replace(
      /<g class="edgeLabel"><g class="label" transform="translate\(0, 0\)"><text[^>]*><tspan[^>]*><\/tspan><\/text><\/g><\/g>/g,
      '',
    )
    // Mermaid wraps every word in its own <tspan>; one run per line reads and copies as plain text.
    .replace(/ font-(?:style|weight)="normal"/g, '')
    .replace(/<\/tspan><tspan class="text-inner-tspan">/g, '');
  out = dropUnreferenced(out);
  out = prefixIds(out, idPrefix);
  return out.replace(
    /^<svg\b([^>]*)>/,
    (_, attributes: string) => `<svg${rootAttributes(attributes)}>`,
  );
}

/** Markers, filters and gradients Mermaid always emits, removed when nothing points at them. */
function dropUnreferenced(svg: string): string {
  let out = svg;
  for (const tag of ['marker', 'filter', 'linearGradient']) {
    const pattern = new RegExp(`<${tag} id="([^"]+)"[\\s\\S]*?</${tag}>`, 'g');
    out = out.replace(pattern, (element, id: string) =>
      out.includes(`url(#${id})`) ? element : '',
    );
  }
  return out.replace(/<defs><\/defs>/g, '');
}

function prefixIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  let out = svg;
  for (const id of ids) {
    if (id.includes(prefix)) continue; // Mermaid already built it from the diagram's id
    const renamed = `${prefix}-${id}`;
    out = out
      .replaceAll(`id="${id}"`, `id="${renamed}"`)
      .replaceAll(`url(#${id})`, `url(#${renamed})`)
      .replaceAll(`href="#${id}"`, `href="#${renamed}"`)
      .replace(
        /aria-(labelledby|describedby)="([^"]*)"/g,
        (_, kind: string, list: string) =>
          `aria-${kind}="${list
            .split(/\s+/)
            .map((ref) => (ref === id ? renamed : ref))
            .join(' ')}"`,
      );
  }
  return out;
}

function rootAttributes(attributes: string): string {
  const viewBox = /viewBox="([^"]+)"/.exec(attributes)?.[1] ?? '0 0 0 0';
  const [, , width = 0, height = 0] = viewBox.split(/\s+/).map(Number);
  const keep = (name: string) => new RegExp(`\\s${name}="[^"]*"`).exec(attributes)?.[0] ?? '';
  return (
    `${keep('id')} class="diagram__svg" viewBox="${viewBox}"` +
    ` width="${Math.ceil(width)}" height="${Math.ceil(height)}" style="--diagram-width: ${Math.ceil(width)}px"` +
    ` role="img"` +
    `${keep('aria-labelledby')}${keep('aria-describedby')} data-pagefind-ignore`
  );
}
