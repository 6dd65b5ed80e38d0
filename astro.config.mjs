// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteUrl, basePath } from './src/lib/deploy-target.ts';
import { searchIndex } from './src/integrations/search-index.ts';

// This file only wires things together; each build-time concern lives in its own module.
export default defineConfig({
  site: siteUrl(process.env),
  base: basePath(process.env),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // The article's punctuation is already typographic; leave every character as written.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  integrations: [mdx(), sitemap(), searchIndex()],
  devToolbar: { enabled: false },
});
