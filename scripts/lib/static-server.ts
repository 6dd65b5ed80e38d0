/**
 * A static file server for a built site, for tooling that needs one without nginx (screenshots,
 * the benchmark): `/path/` maps to `/path/index.html` under the base path, nothing is rewritten,
 * unknown paths get the site's 404 page, and every response carries the headers of `_headers`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { basePath } from '../../src/lib/deploy-target.ts';
import { headersFor, readHeaders, HEADERS_FILE } from './headers.ts';

export interface StaticSite {
  /** Origin plus base path, ending in a slash. */
  url: string;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Serves `dir` at `http://127.0.0.1:<free port><base>` until `stop()`. */
export async function serveStatic(dir: string, sitePath = '/'): Promise<StaticSite> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${dir}/index.html not found: build the site first (npm run build).`);
  const base = basePath({ BASE_PATH: sitePath });
  const builtHeaders = pathToFileURL(join(root, '_headers'));
  const rules = readHeaders(existsSync(builtHeaders) ? builtHeaders : HEADERS_FILE);

  const send = (response: ServerResponse, status: number, file: string, path: string) => {
    response.writeHead(status, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      ...Object.fromEntries(headersFor(rules, path)),
    });
    createReadStream(file)
      .on('error', () => response.end())
      .pipe(response);
  };

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(pathname);
    const relativePath = path.startsWith(base) ? path.slice(base.length) : undefined;
    const file = relativePath === undefined ? undefined : resolve(root, relativePath);
    const inside = file !== undefined && (file === root || file.startsWith(root + sep));
    if (inside && existsSync(file)) {
      if (statSync(file).isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { Location: `${pathname}/` }).end();
          return;
        }
        const index = join(file, 'index.html');
        if (existsSync(index)) return send(response, 200, index, `/${relativePath}`);
      } else {
        return send(response, 200, file, `/${relativePath}`);
      }
    }
    send(response, 404, join(root, '404.html'), '/404.html');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    stop: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
