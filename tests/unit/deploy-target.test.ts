import { describe, expect, it } from 'vitest';
import {
  basePath,
  deployTarget,
  hostSiteUrl,
  siteUrl,
  DEFAULT_SITE_URL,
} from '../../src/lib/deploy-target.ts';
import { sharing } from '../../src/share/integration.ts';
import { withBase } from '../../src/lib/urls.ts';

describe('deploy target from the environment', () => {
  it('defaults to the local preview server at the root', () => {
    expect(siteUrl({})).toBe(DEFAULT_SITE_URL);
    expect(basePath({})).toBe('/');
  });

  it('normalises BASE_PATH to leading and trailing slashes', () => {
    expect(basePath({ BASE_PATH: 'explainer' })).toBe('/explainer/');
    expect(basePath({ BASE_PATH: '/explainer' })).toBe('/explainer/');
    expect(basePath({ BASE_PATH: '/a/b/' })).toBe('/a/b/');
  });

  it('rejects a SITE_URL with a path, and nonsense', () => {
    expect(() => siteUrl({ SITE_URL: 'https://example.org/explainer/' })).toThrow(/BASE_PATH/);
    expect(() => siteUrl({ SITE_URL: 'example.org' })).toThrow(/absolute URL/);
    expect(siteUrl({ SITE_URL: 'https://example.org/' })).toBe('https://example.org');
  });

  it('rejects a BASE_PATH with a query or a double slash', () => {
    expect(() => basePath({ BASE_PATH: '/a//b/' })).toThrow(/plain path/);
    expect(() => basePath({ BASE_PATH: '/a?x' })).toThrow(/plain path/);
  });

  it('prefixes site paths with the base path', () => {
    expect(withBase('chapters/energy/', '/explainer/')).toBe('/explainer/chapters/energy/');
    expect(withBase('/chapters/energy/', '/')).toBe('/chapters/energy/');
    expect(withBase('', '/explainer/')).toBe('/explainer/');
  });

  it('takes the address from the host when SITE_URL is missing', () => {
    expect(
      hostSiteUrl({ NETLIFY: 'true', CONTEXT: 'production', URL: 'https://quiet.netlify.app' }),
    ).toEqual({ url: 'https://quiet.netlify.app', source: 'Netlify (URL)' });
    expect(
      hostSiteUrl({
        NETLIFY: 'true',
        CONTEXT: 'deploy-preview',
        URL: 'https://quiet.netlify.app',
        DEPLOY_PRIME_URL: 'https://deploy-preview-4--quiet.netlify.app',
      }),
    ).toEqual({
      url: 'https://deploy-preview-4--quiet.netlify.app',
      source: 'Netlify (DEPLOY_PRIME_URL)',
    });
    expect(
      hostSiteUrl({
        VERCEL: '1',
        VERCEL_ENV: 'production',
        VERCEL_PROJECT_PRODUCTION_URL: 'quiet.example.com',
        VERCEL_URL: 'quiet-abc123.vercel.app',
      }),
    ).toEqual({
      url: 'https://quiet.example.com',
      source: 'Vercel (VERCEL_PROJECT_PRODUCTION_URL)',
    });
    expect(
      hostSiteUrl({ VERCEL: '1', VERCEL_ENV: 'preview', VERCEL_URL: 'quiet-abc123.vercel.app' }),
    ).toEqual({ url: 'https://quiet-abc123.vercel.app', source: 'Vercel (VERCEL_URL)' });
    expect(hostSiteUrl({ CF_PAGES: '1', CF_PAGES_URL: 'https://1a2b3c.quiet.pages.dev' })).toEqual({
      url: 'https://1a2b3c.quiet.pages.dev',
      source: 'Cloudflare Pages (CF_PAGES_URL)',
    });
    expect(
      hostSiteUrl({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Editors/quiet-pivot' }),
    ).toEqual({
      url: 'https://editors.github.io',
      source: 'GitHub Actions (GITHUB_REPOSITORY)',
      base: '/quiet-pivot/',
    });
    expect(
      hostSiteUrl({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'editors/editors.github.io' }),
    ).toMatchObject({ url: 'https://editors.github.io', base: '/' });
    // A variable without the host's own marker is someone else's.
    expect(hostSiteUrl({ URL: 'https://elsewhere.example' })).toBeUndefined();
    expect(hostSiteUrl({ VERCEL_URL: 'quiet.vercel.app' })).toBeUndefined();
  });

  it('lets SITE_URL and BASE_PATH win over the host, and the host supply both otherwise', () => {
    const github = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'editors/quiet-pivot' };
    expect(deployTarget(github)).toEqual({
      site: 'https://editors.github.io',
      base: '/quiet-pivot/',
      source: 'GitHub Actions (GITHUB_REPOSITORY)',
    });
    expect(deployTarget({ ...github, BASE_PATH: '/' }).base).toBe('/');
    expect(deployTarget({ ...github, SITE_URL: 'https://example.org' })).toEqual({
      site: 'https://example.org',
      base: '/',
      source: 'SITE_URL',
    });
  });

  it('warns, naming SITE_URL, when a build for the web would point at localhost', () => {
    const target = deployTarget({});
    expect(target.site).toBe(DEFAULT_SITE_URL);
    expect(target.warning).toMatch(/SITE_URL/);
    expect(target.warning).toContain(DEFAULT_SITE_URL);
    // npm start and npm test build for this machine on purpose, even on a host.
    const local = deployTarget({
      LOCAL_BUILD: '1',
      NETLIFY: 'true',
      URL: 'https://quiet.netlify.app',
    });
    expect(local).toEqual({ site: DEFAULT_SITE_URL, base: '/', source: 'local preview' });
  });

  it('prints that warning in the build log, and where URLs point otherwise', async () => {
    const said: { level: string; message: string }[] = [];
    const logger = {
      warn: (message: string) => said.push({ level: 'warn', message }),
      info: (message: string) => said.push({ level: 'info', message }),
    };
    for (const env of [{}, { SITE_URL: 'https://example.org', BASE_PATH: '/explainer/' }]) {
      const hook = sharing(deployTarget(env)).hooks['astro:config:setup']!;
      await hook({ command: 'build', logger } as unknown as Parameters<typeof hook>[0]);
    }
    expect(said[0]!.level).toBe('warn');
    expect(said[0]!.message).toMatch(/Set SITE_URL/);
    expect(said[1]).toEqual({
      level: 'info',
      message: 'absolute URLs point at https://example.org/explainer/ (from SITE_URL)',
    });
  });
});
