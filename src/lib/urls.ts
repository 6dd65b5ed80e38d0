/**
 * Links inside the site, always relative to the configured base path, so a build for `/explainer/`
 * works without rewriting anything on the host.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}
