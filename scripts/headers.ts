/**
 * `npm run headers [-- --base=/explainer/]`: prints what an nginx `server` block needs to serve the
 * site: the 404 page and the `location` blocks that send the headers of `public/_headers`, the one
 * file that lists them (Netlify and Cloudflare Pages read it from `dist/_headers` as is). Paste or
 * `include` it in the `server` block; a build test serves both builds with the README's recipe and
 * exactly this output.
 */
import { parseArgs } from 'node:util';
import { basePath } from '../src/lib/deploy-target.ts';
import { nginxSiteConfig, readHeaders } from './lib/headers.ts';

const { values } = parseArgs({
  options: { base: { type: 'string', default: process.env.BASE_PATH ?? '/' } },
});
console.log(nginxSiteConfig(readHeaders(), basePath({ BASE_PATH: values.base })));
