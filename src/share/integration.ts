import type { AstroIntegration } from 'astro';
import type { DeployTarget } from '../lib/deploy-target.ts';

export { sectionLinks } from './section-links.ts';

/**
 * Build-time side of sharing: says where the site's absolute URLs (canonical, og:url, og:image,
 * citations, sitemap) will point, and warns loudly when that is the local preview server in a build
 * meant for the web.
 */
export function sharing(target: DeployTarget): AstroIntegration {
  return {
    name: 'sharing',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const where = `${target.site}${target.base}`;
        if (target.warning) logger.warn(target.warning);
        else logger.info(`absolute URLs point at ${where} (from ${target.source})`);
      },
    },
  };
}
