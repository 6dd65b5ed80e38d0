/**
 * `npm run headers [-- --base=/explainer/]`: prints the nginx `location` blocks that serve the site
 * with the headers of `public/_headers`, the one file that lists them (Netlify and Cloudflare Pages
 * read it from `dist/_headers` as is). Paste or `include` them in the `server` block; the end-to-end
 * tests run nginx with exactly these blocks.
 */
import { parseArgs } from 'node:util';
import { basePath } from '../src/lib/deploy-target.ts';
import { nginxLocations, readHeaders } from './lib/headers.ts';

const { values } = parseArgs({
  options: { base: { type: 'string', default: process.env.BASE_PATH ?? '/' } },
});
console.log(
  nginxLocations(readHeaders(), basePath({ BASE_PATH: values.base }), 'try_files $uri $uri/ =404;'),
);
