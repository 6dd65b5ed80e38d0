/**
 * Where the built site will live. Publishers set `SITE_URL` (scheme and host) and `BASE_PATH`
 * (the folder it is served from) in the environment. Without `SITE_URL`, the address comes from the
 * build variables of the host the build runs on (Netlify, Vercel, Cloudflare Pages, GitHub Actions);
 * failing that, it is the local preview server, which only `npm start` and `npm test` (they set
 * `LOCAL_BUILD=1`) may use without a warning.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

type Env = Record<string, string | undefined>;

/** Where the address came from: the variable a reader of the build log should look at. */
export type SiteUrlSource =
  | 'SITE_URL'
  | 'Netlify (URL)'
  | 'Netlify (DEPLOY_PRIME_URL)'
  | 'Vercel (VERCEL_PROJECT_PRODUCTION_URL)'
  | 'Vercel (VERCEL_URL)'
  | 'Cloudflare Pages (CF_PAGES_URL)'
  | 'GitHub Actions (GITHUB_REPOSITORY)'
  | 'local preview';

export interface DeployTarget {
  /** Scheme and host, no path: Astro's `site`. */
  site: string;
  /** Leading and trailing slash: Astro's `base`. */
  base: string;
  source: SiteUrlSource;
  /** Set when the site would point at the local preview server in a build meant for the web. */
  warning?: string;
}

export function deployTarget(env: Env): DeployTarget {
  const explicit = env.SITE_URL?.trim();
  if (explicit)
    return { site: parseSiteUrl(explicit, 'SITE_URL'), base: basePath(env), source: 'SITE_URL' };
  // npm start and npm test serve the build on this machine: the host's variables do not apply.
  const host = env.LOCAL_BUILD === '1' ? undefined : hostSiteUrl(env);
  if (host) {
    return {
      site: parseSiteUrl(host.url, host.source),
      base: env.BASE_PATH?.trim() ? basePath(env) : (host.base ?? '/'),
      source: host.source,
    };
  }
  const target: DeployTarget = {
    site: DEFAULT_SITE_URL,
    base: basePath(env),
    source: 'local preview',
  };
  if (env.LOCAL_BUILD !== '1') {
    target.warning =
      `SITE_URL is not set and no hosting provider's build variables were found, so canonical links, ` +
      `og:url, og:image and the sitemap point at ${DEFAULT_SITE_URL}. Set SITE_URL to the address the site ` +
      `will be served from, e.g. SITE_URL=https://example.org npm run build.`;
  }
  return target;
}

/** The site's origin (see {@link deployTarget}). */
export function siteUrl(env: Env): string {
  return deployTarget(env).site;
}

/** Normalises `BASE_PATH` to the form Astro expects: a leading and a trailing slash. */
export function basePath(env: Env): string {
  const raw = env.BASE_PATH?.trim() || '/';
  if (/[?#\\]|\/\//.test(raw))
    throw new Error(`BASE_PATH must be a plain path such as /explainer/, got "${raw}"`);
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The address a hosting provider's build announces, per their documentation:
 * - Netlify: `URL` is the site's main address; `DEPLOY_PRIME_URL` the address of this deploy
 *   (a branch deploy or a deploy preview, told apart by `CONTEXT`).
 * - Vercel: `VERCEL_PROJECT_PRODUCTION_URL` is the production domain (set in previews too),
 *   `VERCEL_URL` this deployment's domain; both come without a scheme. `VERCEL_ENV` says which.
 * - Cloudflare Pages: `CF_PAGES_URL` is this deployment's URL (`CF_PAGES=1`).
 * - GitHub Actions (`GITHUB_ACTIONS=true`): `GITHUB_REPOSITORY` is `owner/repo`, and a project site
 *   on GitHub Pages lives at https://owner.github.io/repo/ (a repository named owner.github.io at /).
 */
export function hostSiteUrl(
  env: Env,
):
  | { url: string; source: Exclude<SiteUrlSource, 'SITE_URL' | 'local preview'>; base?: string }
  | undefined {
  if (env.NETLIFY === 'true') {
    const production = !env.CONTEXT || env.CONTEXT === 'production';
    if (!production && env.DEPLOY_PRIME_URL)
      return { url: env.DEPLOY_PRIME_URL, source: 'Netlify (DEPLOY_PRIME_URL)' };
    if (env.URL) return { url: env.URL, source: 'Netlify (URL)' };
  }
  if (env.VERCEL === '1') {
    if (env.VERCEL_ENV === 'production' && env.VERCEL_PROJECT_PRODUCTION_URL)
      return {
        url: withHttps(env.VERCEL_PROJECT_PRODUCTION_URL),
        source: 'Vercel (VERCEL_PROJECT_PRODUCTION_URL)',
      };
    if (env.VERCEL_URL) return { url: withHttps(env.VERCEL_URL), source: 'Vercel (VERCEL_URL)' };
  }
  if (env.CF_PAGES === '1' && env.CF_PAGES_URL)
    return { url: env.CF_PAGES_URL, source: 'Cloudflare Pages (CF_PAGES_URL)' };
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY) {
    const [owner, repo] = env.GITHUB_REPOSITORY.split('/');
    if (owner && repo) {
      const host = `${owner.toLowerCase()}.github.io`;
      return {
        url: `https://${host}`,
        source: 'GitHub Actions (GITHUB_REPOSITORY)',
        base: repo.toLowerCase() === host ? '/' : `/${repo}/`,
      };
    }
  }
  return undefined;
}

function withHttps(host: string): string {
  return /^https?:\/\//.test(host) ? host : `https://${host}`;
}

function parseSiteUrl(raw: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `${variable} must be an absolute URL such as https://example.org, got "${raw}"`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`${variable} must not contain a path (use BASE_PATH for that), got "${raw}"`);
  }
  return url.origin;
}
