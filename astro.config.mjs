// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { deployTarget } from './src/lib/deploy-target.ts';
import { searchIndex } from './src/search/index-integration.ts';
import { diagrams } from './src/diagrams/index.ts';
import { faithfulLayer } from './src/facts/integration.ts';
import { basePathLinks } from './src/plugins/base-path-links.ts';
import { printPdfs } from './src/print/pdf-build.ts';
import { pdfFormatFrom } from './src/print/pdf-documents.ts';
import { sharing, sectionLinks } from './src/share/integration.ts';

const target = deployTarget(process.env);
const base = target.base;

// This file only wires things together; each build-time concern lives in its own module.
export default defineConfig({
  site: target.site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Mermaid fences become figures: the diagrams integration excludes them from highlighting.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
    // The article's punctuation is already typographic; leave every character as written.
    processor: satteri({
      features: { smartPunctuation: false },
      // The diagrams integration adds its own plugin to this list.
      hastPlugins: [basePathLinks(base), sectionLinks()],
    }),
  },
  // Order matters at the end of the build: the search index, then the opt-in PDFs (PDF=a4|letter).
  integrations: [
    faithfulLayer(),
    diagrams(),
    mdx(),
    sitemap(),
    searchIndex(),
    sharing(target),
    printPdfs({ format: pdfFormatFrom(process.env) }),
  ],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // @astrojs/mdx marks each chapter module with Astro's own "use astro:head-inject" directive,
        // which Astro reads before bundling; the bundler's warning that it may drop it after is noise.
        onwarn(warning, warn) {
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            warning.message.includes('astro:head-inject')
          )
            return;
          warn(warning);
        },
      },
    },
  },
});
