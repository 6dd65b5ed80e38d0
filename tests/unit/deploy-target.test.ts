import { describe, expect, it } from 'vitest';
import { basePath, siteUrl, DEFAULT_SITE_URL } from '../../src/lib/deploy-target.ts';
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
});
