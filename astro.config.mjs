// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteUrl, basePath } from './src/lib/deploy-target.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { basePathLinks } from './src/plugins/base-path-links.ts';

const base = basePath(process.env);

// This file only wires things together; each build-time concern lives in its own module.
export default defineConfig({
  site: siteUrl(process.env),
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // The article's punctuation is already typographic; leave every character as written.
    processor: satteri({
      features: { smartPunctuation: false },
      hastPlugins: [basePathLinks(base)],
    }),
  },
  integrations: [mdx(), sitemap(), searchIndex()],
  devToolbar: { enabled: false },
});
