import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_PARTICIPANTS } from '../../apps/api/src/demo/demo-participants.js';
import { type ConsoleService, startConsoleService } from './support/console-service.js';

const BUILT_CONSOLE = join(import.meta.dirname, '..', '..', 'dist', 'console');
/** The budget for the page's JavaScript, gzipped. */
const MAX_SCRIPT_BYTES_GZIPPED = 150 * 1024;

describe('the built web console', () => {
  it('ships at most 150 KB of JavaScript, gzipped, all of it fingerprinted', () => {
    const assets = readdirSync(join(BUILT_CONSOLE, 'assets'));
    const scripts = assets.filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of assets) expect(name).toMatch(/-[\w-]{8}\.\w+$/);
    const gzipped = scripts.reduce(
      (sum, name) => sum + gzipSync(readFileSync(join(BUILT_CONSOLE, 'assets', name)), { level: 9 }).length,
      0,
    );
    expect(gzipped).toBeLessThanOrEqual(MAX_SCRIPT_BYTES_GZIPPED);
    // The page loads its script from its own assets, never inline.
    const page = readFileSync(join(BUILT_CONSOLE, 'index.html'), 'utf8');
    expect(page).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]{8}\.js"><\/script>/);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});

describe('the service serving the web console', () => {
  let service: ConsoleService;

  beforeAll(async () => {
    service = await startConsoleService();
  });

  afterAll(async () => {
    await service?.stop();
  });

  const get = (path: string, accept = 'text/html') => fetch(`${service.origin}${path}`, { headers: { accept } });

  it('serves the page at / uncached, under a Content-Security-Policy that allows no inline script', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(await response.text()).toBe(readFileSync(join(BUILT_CONSOLE, 'index.html'), 'utf8'));
  });

  it('serves the page for the console’s own addresses, so a reload keeps the place', async () => {
    const response = await get('/items/some-item');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<div id="app">');
  });

  it('serves the fingerprinted assets compressed and cached for a year, and 404 for a missing one', async () => {
    const script = readdirSync(join(BUILT_CONSOLE, 'assets')).find((name) => name.endsWith('.js'));
    const response = await get(`/assets/${script}`, '*/*');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Sent compressed to a client that takes gzip (fetch does, and inflates it).
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('accept-encoding');
    expect(await response.text()).toBe(readFileSync(join(BUILT_CONSOLE, 'assets', script ?? ''), 'utf8'));

    const missing = await get('/assets/index-00000000.js', '*/*');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });

  it('leaves the API where it was: GraphQL, health, and 404 for what a browser does not navigate to', async () => {
    const health = await get('/health/live', 'application/json');
    expect(await health.json()).toEqual({ status: 'ok' });
    const graphql = await fetch(`${service.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    const unknown = await get('/no-such-thing', 'application/json');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('lists the demo participants in development and mints tokens the API accepts', async () => {
    const listed = (await (await get('/dev/participants', 'application/json')).json()) as {
      participants: { id: string }[];
    };
    expect(listed.participants).toEqual(DEMO_PARTICIPANTS);
    const countries = new Set(DEMO_PARTICIPANTS.map((participant) => participant.country));
    for (const country of ['KZ', 'KG', 'TJ', 'UZ', 'TM']) {
      const roles = DEMO_PARTICIPANTS.filter((participant) => participant.country === country).flatMap(
        (participant) => participant.roles,
      );
      expect(roles).toEqual(expect.arrayContaining(['FOCAL_POINT', 'PARTICIPANT']));
    }
    expect([...countries]).toEqual(expect.arrayContaining(['AL', 'MD', 'GE', null]));

    const minted = await fetch(`${service.origin}/dev/participants/kz-focal-point/token`, { method: 'POST' });
    expect(minted.status).toBe(200);
    const { token } = (await minted.json()) as { token: string };
    const viewer = await fetch(`${service.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id name roles country { code } } }' }),
    });
    expect(await viewer.json()).toEqual({
      data: {
        viewer: { id: 'kz-focal-point', name: 'Aigerim Nurpeisova', roles: ['FOCAL_POINT'], country: { code: 'KZ' } },
      },
    });

    const unknown = await fetch(`${service.origin}/dev/participants/nobody/token`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });
});

describe('the service in production', () => {
  let service: ConsoleService;

  beforeAll(async () => {
    service = await startConsoleService({ NODE_ENV: 'production' });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('has no development sign-in: 404, and no token is minted', async () => {
    const listed = await fetch(`${service.origin}/dev/participants`, { headers: { accept: 'application/json' } });
    expect(listed.status).toBe(404);
    const minted = await fetch(`${service.origin}/dev/participants/kz-focal-point/token`, { method: 'POST' });
    expect(minted.status).toBe(404);
    expect(await minted.text()).not.toMatch(/eyJ/);
  });
});
