import { serveWithNginx } from '../support/nginx.ts';

/** Serves `dist/` (built by `npm run build` before the suite) with nginx for every e2e test. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const site = await serveWithNginx(process.env.SITE_DIST ?? 'dist', process.env.BASE_PATH ?? '/');
  process.env.SITE_ORIGIN_URL = site.url;
  return () => site.stop();
}
