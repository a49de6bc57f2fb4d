import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

interface Prepared {
  body: Buffer;
  gzipped: boolean;
}

/** Resolves a request path inside root, or null for anything that would leave it. */
function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * startStaticServer: serves a built site on 127.0.0.1 the way a CDN would — text gzipped (each
 * file compressed once, then served from memory, as an edge cache would), hashed assets
 * immutable, and an SPA fallback to index.html for paths that are not files and not data.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const gzipCache = new Map<string, Buffer>();

  async function prepare(path: string, acceptsGzip: boolean): Promise<Prepared> {
    const extension = extname(path);
    if (!acceptsGzip || !COMPRESSIBLE.has(extension)) {
      return { body: await readFile(path), gzipped: false };
    }
    let body = gzipCache.get(path);
    if (!body) {
      body = gzipSync(await readFile(path));
      gzipCache.set(path, body);
    }
    return { body, gzipped: true };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let path = resolveInside(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    let status = 200;
    if (path === null) {
      response.writeHead(400).end();
      return;
    }
    if (!(await isFile(path))) {
      const isAppPath = !pathname.startsWith('/data/') && !pathname.startsWith('/assets/');
      if (isAppPath && extname(pathname) === '') {
        path = join(root, 'index.html');
      } else {
        path = join(root, '404.html');
        status = 404;
        if (!(await isFile(path))) {
          response.writeHead(404).end();
          return;
        }
      }
    }
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const { body, gzipped } = await prepare(path, acceptsGzip);
    const headers: Record<string, string | number> = {
      'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': pathname.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (gzipped) headers['Content-Encoding'] = 'gzip';
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
