/**
 * Where the built site will live. Publishers set `SITE_URL` (scheme and host) and `BASE_PATH`
 * (the folder it is served from) in the environment; local builds fall back to the preview server.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

type Env = Record<string, string | undefined>;

export function siteUrl(env: Env): string {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org, got "${raw}"`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`SITE_URL must not contain a path (use BASE_PATH for that), got "${raw}"`);
  }
  return url.origin;
}

/** Normalises `BASE_PATH` to the form Astro expects: a leading and a trailing slash. */
export function basePath(env: Env): string {
  const raw = env.BASE_PATH?.trim() || '/';
  if (/[?#\\]|\/\//.test(raw))
    throw new Error(`BASE_PATH must be a plain path such as /explainer/, got "${raw}"`);
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
