// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteUrl, basePath } from './src/lib/deploy-target.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { mermaidDiagrams } from './src/integrations/diagrams.ts';
import { basePathLinks } from './src/plugins/base-path-links.ts';

const base = basePath(process.env);
const diagrams = mermaidDiagrams({
  sources: 'content/chapters/*.mdx',
  cacheDir: 'src/diagrams/cache',
});

// This file only wires things together; each build-time concern lives in its own module.
export default defineConfig({
  site: siteUrl(process.env),
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Mermaid fences become figures (see src/integrations/diagrams.ts), never highlighted code.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] },
    // The article's punctuation is already typographic; leave every character as written.
    processor: satteri({
      features: { smartPunctuation: false },
      hastPlugins: [diagrams.hastPlugin, basePathLinks(base)],
    }),
  },
  integrations: [diagrams.integration, mdx(), sitemap(), searchIndex()],
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
