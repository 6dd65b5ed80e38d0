import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { DiagramCache, cacheKey, type DiagramRecord } from '../../src/diagrams/cache.ts';
import { diagramFigure, figureHtml } from '../../src/diagrams/figure.ts';
import { LabelFont } from '../../src/diagrams/font.ts';
import { FIGURE_MODULE, diagramsHastPlugin } from '../../src/diagrams/hast-plugin.ts';
import {
  DiagramService,
  type DiagramFence,
  type RenderedDiagram,
} from '../../src/diagrams/service.ts';
import { READING_COLUMN_WIDTH, renderSettings } from '../../src/diagrams/settings.ts';
import { parseSvg, prepareSvg, serializeSvg } from '../../src/diagrams/svg.ts';
import { lateFontWarning, wideDiagramWarning } from '../../src/diagrams/warnings.ts';
import { NO_BROWSER, TEST_DIAGRAM, scratchFolder } from '../support/diagram-scratch.ts';

const freshDir = scratchFolder();
/** The scratch folder itself, as a project root for the plugin. */
const scratch = freshDir('');

/** A cache entry as a render leaves it, for a diagram `width` px wide. */
function record(title: string, width = 200): DiagramRecord {
  return {
    svg: `<svg id="diagram-x" class="diagram__svg" viewBox="0 0 ${width} 80" width="${width}" height="80" role="img" data-pagefind-ignore><text><tspan>A</tspan></text></svg>`,
    title,
    description: 'D',
    relations: ['A → B'],
    characters: ' A',
  };
}

function diagram(title: string, width = 200): RenderedDiagram {
  const { svg, ...rest } = record(title, width);
  return { ...rest, svg: parseSvg(svg) };
}

describe('cache key', () => {
  const settings = renderSettings();

  test('is stable for the same source and settings, and ignores trailing whitespace and CRLF', () => {
    expect(cacheKey(TEST_DIAGRAM, settings)).toBe(cacheKey(`${TEST_DIAGRAM}\n\n`, settings));
    expect(cacheKey(TEST_DIAGRAM, settings)).toBe(
      cacheKey(TEST_DIAGRAM.replaceAll('\n', '\r\n'), settings),
    );
    expect(cacheKey(TEST_DIAGRAM, settings)).toMatch(/^[0-9a-f]{16}$/);
  });

  test('changes when the source, the Mermaid version or a render setting changes', () => {
    const key = cacheKey(TEST_DIAGRAM, settings);
    expect(cacheKey(TEST_DIAGRAM.replace('Europe', 'Ukraine'), settings)).not.toBe(key);
    expect(cacheKey(TEST_DIAGRAM, { ...settings, mermaid: '12.9.9' })).not.toBe(key);
    expect(
      cacheKey(TEST_DIAGRAM, {
        ...settings,
        config: { ...(settings['config'] as object), theme: 'dark' },
      }),
    ).not.toBe(key);
  });

  test('includes the installed Mermaid version and the label font', () => {
    expect(renderSettings()['mermaid']).toMatch(/^12\./);
    expect(renderSettings()['font']).toMatch(/^@fontsource\/inter@\d/);
  });
});

describe('cache folder', () => {
  test('reads back what it wrote and misses unknown keys', () => {
    const cache = new DiagramCache(freshDir('roundtrip'));
    cache.write('0123456789abcdef', record('T'));
    expect(cache.read('0123456789abcdef')).toEqual(record('T'));
    expect(cache.read('fedcba9876543210')).toBeUndefined();
  });

  test('an entry written before a field existed is a miss, never half a diagram', () => {
    const dir = freshDir('old-entry');
    const cache = new DiagramCache(dir);
    cache.write('0123456789abcdef', record('T'));
    writeFileSync(join(dir, '0123456789abcdef.json'), '{"title":"T","relations":[]}');
    expect(cache.read('0123456789abcdef')).toBeUndefined();
  });

  test('prunes entries no longer used and keeps other files', () => {
    const dir = freshDir('prune');
    const cache = new DiagramCache(dir);
    cache.write('aaaaaaaaaaaaaaaa', record('A'));
    cache.write('bbbbbbbbbbbbbbbb', record('B'));
    writeFileSync(join(dir, 'labels.woff2'), 'font');
    writeFileSync(join(dir, 'README.md'), 'read me');
    expect(cache.prune(new Set(['aaaaaaaaaaaaaaaa']))).toEqual(['bbbbbbbbbbbbbbbb']);
    expect(readdirSync(dir).sort()).toEqual([
      'README.md',
      'aaaaaaaaaaaaaaaa.json',
      'aaaaaaaaaaaaaaaa.svg',
      'labels.woff2',
    ]);
  });
});

describe("Mermaid's SVG, cleaned as a tree", () => {
  // The shapes Mermaid 12 emits, cut down: its stylesheet, runtime data, an empty label backdrop,
  // an unlabelled edge's empty label, a word per <tspan>, definitions only the stylesheet used.
  const mermaidSvg =
    `<svg id="d" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" style="max-width: 300.5px;" viewBox="0 0 300.5 120.2" role="graphics-document document" aria-roledescription="flowchart-v2" aria-labelledby="chart-title-d" aria-describedby="chart-desc-d">` +
    `<title id="chart-title-d">T</title><desc id="chart-desc-d">D</desc>` +
    `<style>#d{fill:url(#d-gradient)}</style>` +
    `<g><marker id="d_pointEnd" class="marker"><path d="M 0 0" style="stroke-width: 1;"></path></marker>` +
    `<marker id="d_circleEnd" class="marker"><circle r="5"></circle></marker>` +
    `<defs><linearGradient id="d-gradient"><stop offset="0"></stop></linearGradient></defs>` +
    `<g class="root"><g class="edgePaths"><path d="M1,1L2,2" id="L_A_B_0" class="flowchart-link" style=";" data-edge="true" data-et="edge" data-id="L_A_B_0" data-points="W10=" data-look="classic" marker-end="url(#d_pointEnd)"></path></g>` +
    `<g class="edgeLabels"><g class="edgeLabel"><g class="label" data-id="L_A_B_0" transform="translate(0, 0)"><text y="-10.1" style=""><tspan class="text-outer-tspan" x="0"><tspan font-style="normal" class="text-inner-tspan" font-weight="normal"></tspan></tspan></text></g></g></g>` +
    `<g class="nodes"><g class="node" id="flowchart-A-0"><rect class="basic label-container" style="" x="-40" width="80"></rect>` +
    `<g class="label"><rect></rect><g><rect class="background" style="stroke: none"></rect>` +
    `<text y="-10.1"><tspan class="text-outer-tspan row" x="0"><tspan font-style="normal" class="text-inner-tspan" font-weight="normal">Two</tspan><tspan font-style="normal" class="text-inner-tspan" font-weight="normal"> words’</tspan></tspan></text></g></g></g>` +
    `<a href="#flowchart-A-0"><text>to A</text></a></g></g></g></svg>`;
  const svg = prepareSvg(mermaidSvg, 'd');
  const html = serializeSvg(svg);

  test('keeps no stylesheet, runtime data, empty shapes or unreferenced definitions', () => {
    expect(html).not.toMatch(
      /<style|data-(points|look|et|edge|id)|style=""|style=";"|<rect><\/rect>|stroke: none/,
    );
    expect(html).not.toMatch(/d_circleEnd|d-gradient|<defs|linearGradient/);
    expect(html).not.toContain('class="edgeLabel"');
    expect(html).toContain('<marker id="d_pointEnd"');
  });

  test('draws each label line as one run of text', () => {
    expect(html).toContain('<tspan class="text-inner-tspan">Two words’</tspan>');
  });

  test('gives every id the diagram’s prefix and keeps every reference pointing at it', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(
      expect.arrayContaining(['d', 'chart-title-d', 'd-L_A_B_0', 'd-flowchart-A-0']),
    );
    for (const id of ids) expect(id).toContain('d');
    expect(html).toContain('marker-end="url(#d_pointEnd)"');
    expect(html).toContain('href="#d-flowchart-A-0"');
  });

  test('is an accessible image named by its title, sized in whole pixels', () => {
    expect(html).toMatch(
      /^<svg id="d" class="diagram__svg" viewBox="0 0 300.5 120.2" width="301" height="121" style="--diagram-width: 301px" role="img" aria-labelledby="chart-title-d" aria-describedby="chart-desc-d" data-pagefind-ignore="">/,
    );
  });

  test('reads back from its serialized form as the same tree', () => {
    expect(serializeSvg(parseSvg(html))).toBe(html);
  });
});

describe('the figure', () => {
  const html = (d: RenderedDiagram) => toHtml(diagramFigure(d));

  test('puts the caption first, the drawing, then the relations as text', () => {
    expect(html(diagram('Route & test'))).toBe(
      '<figure class="diagram"><figcaption class="diagram__caption">Route &#x26; test</figcaption>' +
        `<div class="diagram__canvas">${serializeSvg(diagram('Route & test').svg)}</div>` +
        '<details class="diagram__text"><summary>Diagram as text</summary><p>D</p><ul><li>A → B</li></ul></details></figure>',
    );
  });

  test('lets the keyboard scroll a diagram too wide for a phone', () => {
    expect(html(diagram('Wide', 600))).toContain(
      '<div class="diagram__canvas" tabindex="0" role="group" aria-label="Diagram: Wide">',
    );
  });
});

describe('the hast plugin', () => {
  /** A service whose cache holds the diagram for TEST_DIAGRAM, and which cannot start a browser. */
  function warmService(name: string, width = 200): DiagramService {
    const dir = freshDir(name);
    const service = new DiagramService({ cacheDir: dir, env: NO_BROWSER });
    new DiagramCache(dir).write(service.keyOf(TEST_DIAGRAM), record('Route test', width));
    return service;
  }
  const mdx = `---\ntitle: T\n---\n\nA paragraph.\n\n\`\`\`mermaid\n${TEST_DIAGRAM}\n\`\`\`\n\n\`\`\`js\nnot a diagram\n\`\`\`\n`;
  const fileURL = pathToFileURL(join(scratch, 'content/chapters/energy.mdx'));

  test('finds each fence once, with its file and line, and puts its figure in its place', async () => {
    const seen: DiagramFence[] = [];
    const plugin = diagramsHastPlugin({
      service: warmService('plugin'),
      root: scratch,
      onDiagram: (_, fence) => seen.push(fence),
    });
    const { html } = await markdownToHtml(mdx, { hastPlugins: [plugin], fileURL });
    expect(seen).toEqual([
      { source: `${TEST_DIAGRAM}\n`, file: 'content/chapters/energy.mdx', line: 7 },
    ]);
    expect(html).toContain(
      '<figure class="diagram"><figcaption class="diagram__caption">Route test',
    );
    expect(html).toContain('<li>A → B</li>');
    expect(html).not.toContain('language-mermaid');
    expect(html).toContain('not a diagram');
  });

  test("works in MDX as well: Astro's <Fragment set:html> with the figure imported from its diagram's module", async () => {
    const service = warmService('plugin-mdx');
    const plugin = diagramsHastPlugin({ service, root: scratch });
    const { code } = await mdxToJs(`${mdx}\nAgain:\n\n\`\`\`mermaid\n${TEST_DIAGRAM}\n\`\`\`\n`, {
      hastPlugins: [plugin],
      fileURL,
    });
    const key = service.keyOf(`${TEST_DIAGRAM}\n`);
    // One import for the two fences of the same diagram, and the figure in place of each.
    expect(code.split(`from "${FIGURE_MODULE}${key}"`)).toHaveLength(2);
    expect(code.match(/_jsx\(Fragment, \{ "set:html": diagramFigure_[0-9a-f]+ \}\)/g)).toHaveLength(
      2,
    );
    expect(code).not.toContain('<figure');
    expect(code).not.toContain('language-mermaid');
    // The module holds the figure the Markdown path inlines.
    expect(figureHtml(await service.handedOut(key)!)).toContain('<figure class="diagram">');
  });
});

describe('build warnings', () => {
  const fence = { source: TEST_DIAGRAM, file: 'content/chapters/energy.mdx', line: 12 };

  test('name a diagram wider than the reading column, and say how to fit it', () => {
    expect(wideDiagramWarning(diagram('Fits', READING_COLUMN_WIDTH), fence)).toBeUndefined();
    expect(wideDiagramWarning(diagram('Too wide', 700), fence)).toBe(
      `content/chapters/energy.mdx:12: the diagram "Too wide" is 700 px wide, wider than the ${READING_COLUMN_WIDTH} px reading column, so it is drawn at 88 %, its labels at 14.0 px. To fit, shorten its labels, split it in two, or draw it top to bottom (flowchart TD).`,
    );
    expect(wideDiagramWarning(diagram('Far too wide', 1200), fence)).toMatch(
      /energy\.mdx:12: .* scrolls sideways even on a desk/,
    );
  });

  test('say when the pages were built with a label font that lacked new characters', () => {
    const additions = [{ fence, characters: ['ə'] }];
    const font = Buffer.from('the font as recut');
    const assets = freshDir('assets');
    mkdirSync(assets);
    writeFileSync(join(assets, 'labels.Ab12_c.woff2'), 'the font from before');
    expect(lateFontWarning([], font, assets)).toBeUndefined();
    expect(lateFontWarning(additions, font, assets)).toMatch(
      /recut for characters new to diagram labels: content\/chapters\/energy\.mdx:12 \(ə\)\. .* build again\./,
    );
    // The stylesheet was bundled after the recut: the pages carry the right font.
    writeFileSync(join(assets, 'labels.Ab12_c.woff2'), font);
    expect(lateFontWarning(additions, font, assets)).toBeUndefined();
  });
});

describe('label font', () => {
  test('is recut only when the characters it must hold change', async () => {
    const dir = freshDir('font');
    const font = new LabelFont(dir);
    expect(font.missing('Ab')).toEqual(['A', 'b']);
    expect(await font.cut(['A', 'b'])).toMatchObject({ changed: true });
    const first = readFileSync(font.file);
    expect(await new LabelFont(dir).cut(['b', 'A'])).toMatchObject({ changed: false });
    expect(new LabelFont(dir).missing('Abc')).toEqual(['c']);
    const grown = new LabelFont(dir);
    expect(await grown.add(['c'])).toMatchObject({ changed: true });
    expect(readFileSync(font.file).equals(first)).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'))).toMatchObject({
      characters: ' Abc',
    });
  });
});
