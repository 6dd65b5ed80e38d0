import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, symlink, rm, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { basePath } from '../../src/lib/deploy-target.ts';
import { nginxLocations, readHeaders } from './headers.ts';
import type { StaticSite } from './static-server.ts';
import { freePort } from './free-port.ts';

export type { StaticSite };

export const NGINX_BINARY = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * A `server` block of one's own, e.g. the README's recipe: nginx then runs it inside a stock `http`
 * block (the distribution's `mime.types` and nothing else of ours).
 */
export interface OwnServer {
  /** The `server { … }` block, given the loopback port and the web root to use. */
  server(port: number, webRoot: string): string;
  /** Files to write next to the configuration (for its relative `include`s), by name. */
  files?: Record<string, string>;
}

/**
 * Serves a built site with a real nginx on a loopback port, the way a plain static host would:
 * `/path/` maps to `/path/index.html`, nothing is rewritten, unknown paths get the site's 404 page,
 * and every response carries the headers of `public/_headers` (as the README's recipe sends them).
 * The web root holds `distDir` itself at `/`, or a folder named after the base path holding it.
 */
export async function serveWithNginx(
  distDir: string,
  sitePath = '/',
  own?: OwnServer,
): Promise<StaticSite> {
  await access(NGINX_BINARY).catch(() => {
    throw new Error(
      `nginx not found at ${NGINX_BINARY}: install it (apt-get install nginx-light) or set NGINX_PATH.`,
    );
  });
  const work = await mkdtemp(join(tmpdir(), 'site-nginx-'));
  const webRoot = join(work, 'root');
  const base = basePath({ BASE_PATH: sitePath });
  if (base === '/') {
    await symlink(resolve(distDir), webRoot);
  } else {
    await mkdir(webRoot);
    await symlink(resolve(distDir), join(webRoot, base.slice(1, -1)));
  }
  const port = await freePort();
  const serve = 'try_files $uri $uri/ =404;';
  // Outside the base path there is no site, only the 404 page.
  const outside = base === '/' ? '' : `\nlocation / { ${serve} }`;
  const locations = (nginxLocations(readHeaders(), base, serve) + outside)
    .split('\n')
    .join('\n    ');
  const http = own
    ? `
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;${temporaryPaths(work)}
  ${own.server(port, webRoot).split('\n').join('\n  ')}`
    : `
  include /etc/nginx/mime.types;
  types { application/wasm wasm; application/manifest+json webmanifest; }
  default_type application/octet-stream;
  access_log off;${temporaryPaths(work)}
  gzip on;
  gzip_types text/css application/javascript application/json image/svg+xml application/xml text/plain;
  server {
    listen 127.0.0.1:${port};
    root ${webRoot};
    disable_symlinks off;
    error_page 404 ${base}404.html;
    ${locations}
  }`;
  for (const [name, text] of Object.entries(own?.files ?? {}))
    await writeFile(join(work, name), text);
  const config = `
worker_processes 1;
master_process off;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 256; }
http {${http}
}
`;
  const configPath = join(work, 'nginx.conf');
  await writeFile(configPath, config);
  const child: ChildProcess = spawn(NGINX_BINARY, ['-p', work, '-c', configPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}${base}`;
  try {
    await waitForHttp(url, child, () => stderr);
  } catch (error) {
    child.kill('SIGTERM');
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) =>
        child.exitCode !== null ? done(null) : child.once('exit', done),
      );
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Where nginx keeps its temporary files: in the run's own folder, not the system's. */
function temporaryPaths(work: string): string {
  return ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `\n  ${kind}_temp_path ${work}/${kind === 'client_body' ? 'body' : kind};`)
    .join('');
}

async function waitForHttp(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited early: ${stderr()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer at ${url} within 10 s: ${stderr()}`);
}
