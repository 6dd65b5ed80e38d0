import { defineHastPlugin } from 'satteri';

/**
 * Authors write site links in MDX as they read on the live site's root (`/chapters/energy/`).
 * Astro does not rewrite those for a base path, so this Sätteri plugin prefixes every root-relative
 * `href` and `src` with the configured base (`/explainer/chapters/energy/`). Links that already
 * carry the base, protocol-relative links (`//host`) and all other URLs are left alone.
 */
export function basePathLinks(base: string) {
  const prefix = base.replace(/\/+$/, '');
  return defineHastPlugin({
    name: 'base-path-links',
    element: {
      filter: ['a', 'img', 'source'],
      visit(node, ctx) {
        for (const key of ['href', 'src'] as const) {
          const value = node.properties?.[key];
          if (typeof value !== 'string') continue;
          const rewritten = withBasePrefix(value, prefix);
          if (rewritten !== value) ctx.setProperty(node, key, rewritten);
        }
      },
    },
  });
}

export function withBasePrefix(url: string, prefix: string): string {
  if (!prefix || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url === prefix || url.startsWith(`${prefix}/`)) return url;
  return prefix + url;
}
