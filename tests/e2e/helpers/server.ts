// A static HTTP server on 127.0.0.1 (random port) for end-to-end tests.
// Routes are a mutable map, so a test can serve an edited page at the same URL as the original
// (annotations are keyed by URL). Pages are served as UTF-8: two corpus pages declare no charset.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** What a path serves: a file on disk, or a string body. */
export type RouteContent = { file: string } | { body: string; type?: string };

export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(pathname: string): string;
  /** Serves `content` at `pathname` (replacing what was there). */
  set(pathname: string, content: RouteContent): void;
  /** Paths requested so far (useful when a test wonders what the page fetched). */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

const typeOf = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

export interface ServerOptions {
  /** A directory served as is (after the routes); `/dir/` serves `/dir/index.html`. */
  root?: string;
  routes?: Record<string, RouteContent>;
}

export async function startServer(options: ServerOptions = {}): Promise<StaticServer> {
  const routes = new Map<string, RouteContent>(Object.entries(options.routes ?? {}));
  const root = options.root ? path.resolve(options.root) : undefined;
  const requests: string[] = [];

  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(pathname);
    const headers = { 'Cache-Control': 'no-store' };
    const route = routes.get(pathname);
    if (route && 'body' in route) {
      res.writeHead(200, { ...headers, 'Content-Type': route.type ?? 'text/html; charset=utf-8' });
      res.end(route.body);
      return;
    }
    let file = route && 'file' in route ? route.file : undefined;
    if (!file && root) {
      const candidate = path.resolve(root, '.' + pathname);
      // Never serve outside the root (`/../` tricks).
      if (candidate === root || candidate.startsWith(root + path.sep)) {
        file = pathname.endsWith('/') ? path.join(candidate, 'index.html') : candidate;
      }
    }
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': typeOf(file) });
    fs.createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (pathname) => origin + (pathname.startsWith('/') ? pathname : `/${pathname}`),
    set: (pathname, content) => void routes.set(pathname, content),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
