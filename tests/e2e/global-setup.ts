import { serveWithNginx } from '../../scripts/lib/nginx.ts';

/**
 * Serves both builds with nginx for the whole run: `dist/` at the root and `dist-subpath/` under
 * `/explainer/`, as `npm test` builds them. Their URLs reach the tests through the environment.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = await serveWithNginx('dist', '/');
  const subpath = await serveWithNginx('dist-subpath', '/explainer/').catch(
    async (error: unknown) => {
      await root.stop();
      throw error;
    },
  );
  process.env.SITE_ROOT_URL = root.url;
  process.env.SITE_SUBPATH_URL = subpath.url;
  return async () => {
    await Promise.all([root.stop(), subpath.stop()]);
  };
}
