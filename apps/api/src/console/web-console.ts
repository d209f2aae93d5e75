import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** Where `npm run build` writes the console: `dist/console`, beside the built service in `dist/apps`. */
export const BUILT_CONSOLE_DIR = resolve(import.meta.dirname, '..', '..', '..', '..', 'console');

/**
 * The console's page loads its own scripts and styles only and talks to this
 * origin only (`'self'` covers the same origin's ws: and wss: for graphql-ws).
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names every asset by its content's hash, so a cached copy is never stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

interface Asset {
  readonly type: string;
  readonly body: Buffer;
  /** Text assets, compressed once at start-up rather than on every request. */
  readonly gzipped: Buffer | null;
}

/** The built assets, read once: a few files of a known build that never change while the service runs. */
function readAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const assetsDir = join(dir, 'assets');
  if (!existsSync(assetsDir)) return assets;
  for (const name of readdirSync(assetsDir)) {
    const body = readFileSync(join(assetsDir, name));
    const type = CONTENT_TYPES[extname(name)] ?? 'application/octet-stream';
    const compressible = /^(text\/|image\/svg|application\/json)/.test(type);
    assets.set(name, { type, body, gzipped: compressible ? gzipSync(body, { level: 9 }) : null });
  }
  return assets;
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

function acceptsGzip(request: FastifyRequest): boolean {
  return /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
}

/**
 * Serves the web console at `/`: its fingerprinted assets under `/assets/`,
 * and its page for every other GET a browser navigates to, so that the
 * console's own paths (`/items/…`) survive a reload. Anything else that no
 * route answers stays a 404. Without a built console (an API-only build) the
 * service runs without it.
 */
export function serveWebConsole(app: NestFastifyApplication, dir: string, logger: Logger): void {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn({ dir }, 'the web console is not built (npm run build): serving the API only');
    return;
  }
  const page = readFileSync(indexFile);
  const assets = readAssets(dir);
  const instance = app.getHttpAdapter().getInstance();

  instance.get<{ Params: { name: string } }>('/assets/:name', (request, reply) => {
    const asset = assets.get(request.params.name);
    if (asset === undefined) return reply.callNotFound();
    reply.type(asset.type).header('cache-control', IMMUTABLE).header('x-content-type-options', 'nosniff');
    if (asset.gzipped === null) return reply.send(asset.body);
    reply.header('vary', 'accept-encoding');
    return acceptsGzip(request) ? reply.header('content-encoding', 'gzip').send(asset.gzipped) : reply.send(asset.body);
  });

  const sendPage = (request: FastifyRequest, reply: FastifyReply) => {
    if (!acceptsHtml(request) && request.url !== '/') return reply.callNotFound();
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(page);
  };
  instance.get('/', sendPage);
  instance.get('/*', sendPage);
}
