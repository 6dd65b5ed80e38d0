import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import type { DeployTarget } from '../lib/deploy-target.ts';
import {
  downloadAt,
  inDownloadFolder,
  readShareSources,
  writeDownloads,
  type SiteAddress,
} from './downloads.ts';

export { sectionLinks } from './section-links.ts';

/**
 * Build-time side of sharing: says where the site's absolute URLs (canonical, og:url, og:image,
 * citations, sitemap) will point, warning loudly when that is the local preview server in a build
 * meant for the web; writes the citation files and social cards at the end of a build, and answers
 * them from the dev server (src/share/downloads.ts).
 */
export function sharing(target: DeployTarget): AstroIntegration {
  let root = process.cwd();
  let address: SiteAddress = { site: new URL(target.site), base: target.base };
  let writing: ReturnType<typeof writeDownloads> | undefined;
  return {
    name: 'sharing',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const where = `${target.site}${target.base}`;
        if (target.warning) logger.warn(target.warning);
        else logger.info(`absolute URLs point at ${where} (from ${target.source})`);
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        address = { site: new URL(config.site ?? target.site), base: config.base };
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(
          (
            request: IncomingMessage & { originalUrl?: string | undefined },
            response: ServerResponse,
            next: (error?: unknown) => void,
          ) => {
            // As the browser asked for it: the server may have taken the base off `url` already.
            const asked = request.originalUrl ?? request.url ?? '/';
            const path = new URL(asked, address.site).pathname;
            const inSite = path.startsWith(address.base) ? path.slice(address.base.length) : '';
            if (!inDownloadFolder(inSite)) return next();
            // In dev the files change under the server: read them afresh for every download.
            const answer = async () =>
              downloadAt(inSite, readShareSources(root, address), { root });
            answer().then((download) => {
              if (!download) return next();
              response.setHeader('Content-Type', download.type);
              response.end(download.body);
            }, next);
          },
        );
      },
      // The downloads need no page, so they are written as soon as the pages are, while the other
      // integrations' end-of-build work (the search index) keeps this thread busy; the writes wait
      // on the disk. Their result, or their error, is taken at the end.
      'astro:build:generated': ({ dir }) => {
        writing = writeDownloads(fileURLToPath(dir), readShareSources(root, address), { root });
        // Taken by astro:build:done; until then a failure is not unhandled.
        writing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const written = await (writing ??
          writeDownloads(fileURLToPath(dir), readShareSources(root, address), { root }));
        writing = undefined;
        logger.info(
          `wrote ${written.citeFiles} citation files and ${written.cardsDrawn + written.cardsCached} social cards (${written.cardsDrawn} drawn, ${written.cardsCached} from cache)`,
        );
      },
    },
  };
}
