import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import { hasBearerToken } from '../../src/api/bearer-auth.js';
import { createTestDatabase, seedLinkedInTimeline, type TestDatabase } from '../helpers/seed.js';

const TOKEN = 's3cret-token-for-tests';
let test: TestDatabase;
let server: RunningServer;

beforeEach(async () => {
  test = createTestDatabase();
  seedLinkedInTimeline(test.db);
  server = await startServer(test.db, { host: '127.0.0.1', port: 0, token: TOKEN, publicUrl: '' });
});
afterEach(async () => {
  await server.close();
  test.close();
});

const ROUTES = ['/', '/changes/1', '/api/sources', '/api/changes', '/api/changes/1', '/api/facts', '/api/snapshots/1', '/feed.atom', '/metrics'];

describe('with api.token set', () => {
  it('serves /healthz without a token', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it.each(ROUTES)('refuses %s without a token, with a JSON 401 and a Bearer challenge', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="policy-watch"');
    expect(await response.json()).toEqual({ error: 'missing or wrong bearer token: send Authorization: Bearer <api.token>' });
  });

  it.each(ROUTES)('serves %s with the right token', async (path) => {
    const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong token, a prefix of the token and another scheme', async () => {
    for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
      const response = await fetch(`${server.url}/api/sources`, { headers: { Authorization: header } });
      expect(response.status, header).toBe(401);
    }
  });
});

describe('hasBearerToken()', () => {
  it('accepts the scheme in any case and refuses an absent header', () => {
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(undefined, TOKEN)).toBe(false);
  });
});

describe('the API is read-only', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('answers %s with 405 and Allow: GET, HEAD', async (method) => {
    const response = await fetch(`${server.url}/api/changes`, { method, headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toEqual({ error: `method ${method} not allowed: the policy-watch API is read-only` });
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

/** Sends a raw request path, as curl --path-as-is would, so that nothing normalizes the dots. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET', headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('paths that try to leave the API', () => {
  it.each([
    '/api/snapshots/../../etc/passwd',
    '/api/snapshots/..%2F..%2Fetc%2Fpasswd',
    '/changes/..%2f..%2fpackage.json',
    '/../../package.json',
    '/api/changes/1%00',
  ])('never serve a file for %s', async (path) => {
    const { status, body } = await rawGet(server.url, path);
    expect([400, 404]).toContain(status);
    expect(body).not.toContain('root:');
    expect(body).not.toContain('"dependencies"');
  });
});

describe('every response', () => {
  it('carries headers that forbid sniffing, framing and scripts', async () => {
    const response = await fetch(`${server.url}/`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('startServer()', () => {
  it('listens on 127.0.0.1 when the host is left empty', async () => {
    const other = await startServer(test.db, { host: '', port: 0, token: null, publicUrl: '' });
    try {
      expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await other.close();
    }
  });

  it('says the port is in use, and what to do, when it is', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer(test.db, { host: '127.0.0.1', port, token: null, publicUrl: '' }))
      .rejects.toThrow(`cannot serve the API on 127.0.0.1:${port}: the port is in use; set api.port to another one`);
  });
});
