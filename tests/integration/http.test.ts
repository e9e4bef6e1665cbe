import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/define';
import { CONTENT_SECURITY_POLICY } from '../../main/transport/http/csp';
import {
  httpStatusFor,
  MAX_BODY_BYTES,
  startHttpServer,
  type HttpServerHandle,
} from '../../main/transport/http/server';
import {
  appealInput,
  dumpTables,
  OFFICE_INPUT,
  openTempOffice,
  PASSWORD,
  setUpOffice,
  tempDir,
  type TempDir,
  type TestOffice,
} from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): { ok: boolean; value?: unknown; error?: { code: string; field?: string; message: string } };
}

/** A raw request, so tests control every header (Host included) and the exact path sent. */
function request(
  server: HttpServerHandle,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function api(
  server: HttpServerHandle,
  method: string,
  input: unknown,
  session?: string,
  token = server.token,
) {
  return request(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(session ? { 'X-Session': session } : {}),
    },
    body: JSON.stringify(input),
  });
}

let office: TestOffice;
let server: HttpServerHandle;
let web: TempDir | null = null;

afterEach(async () => {
  await server?.close();
  office?.close();
  web?.remove();
  web = null;
});

describe('HTTP transport: the launch token', () => {
  it('refuses a call without the token or with a wrong one, and nothing runs', async () => {
    office = openTempOffice();
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const before = dumpTables(office.handle.sqlite);
    const init = { office: OFFICE_INPUT, admin: { login: 'admin', fullName: 'Админ', password: PASSWORD } };
    for (const token of ['', 'wrong', `${server.token}x`, server.token.slice(1)]) {
      const r = await api(server, 'setup.init', init, undefined, token);
      expect(r.status).toBe(401);
      expect(r.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    const basic = await request(server, {
      method: 'POST',
      path: '/api/setup.init',
      headers: { Authorization: `Basic ${server.token}` },
      body: JSON.stringify(init),
    });
    expect(basic.status).toBe(401);
    expect(dumpTables(office.handle.sqlite)).toBe(before);
    expect(await office.value('setup.status', {})).toMatchObject({ initialized: false });
  });

  it('makes a fresh random token per launch unless one is given', async () => {
    office = openTempOffice();
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const other = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    await other.close();
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.token).not.toBe(server.token);
    const fixed = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0, token: 'given' });
    await fixed.close();
    expect(fixed.token).toBe('given');
  });
});

describe('HTTP transport: the API', () => {
  it('runs a signed-in round trip: setup, sign-in, register, list', async () => {
    office = openTempOffice();
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const init = await api(server, 'setup.init', {
      office: OFFICE_INPUT,
      admin: { login: 'admin', fullName: 'Администратор', password: PASSWORD },
    });
    expect(init.status).toBe(200);
    expect(init.headers['cache-control']).toBe('no-store');
    expect(init.headers['content-type']).toMatch(/^application\/json/);
    const signIn = await api(server, 'auth.signIn', { login: 'admin', password: PASSWORD });
    const session = (signIn.json().value as { token: string }).token;
    const reg = await api(server, 'appeals.register', appealInput({ summary: 'Нет отопления' }), session);
    expect(reg.status).toBe(200);
    const card = reg.json().value as { id: string; regNumber: string };
    expect(card.regNumber).toBe('ПТР-2025-00001');
    const list = await api(server, 'appeals.list', { filter: { q: 'отопления' } }, session);
    expect(list.status).toBe(200);
    expect((list.json().value as { rows: { id: string }[] }).rows.map((r) => r.id)).toEqual([card.id]);
    const without = await api(server, 'appeals.list', {});
    expect(without.status).toBe(401);
    expect(without.json().error?.code).toBe('unauthenticated');
  });

  it('never takes a login from HTTP: only a session token identifies the caller', async () => {
    office = await setUpOffice();
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const r = await request(server, {
      method: 'POST',
      path: '/api/appeals.count',
      headers: { Authorization: `Bearer ${server.token}`, 'X-User': 'admin', 'X-Login': 'admin' },
      body: JSON.stringify({ login: 'admin' }),
    });
    expect(r.status).not.toBe(200);
    expect(r.json().ok).toBe(false);
  });

  it('maps every error code to an HTTP status', async () => {
    expect(Object.fromEntries(ERROR_CODES.map((c) => [c, httpStatusFor(c)]))).toEqual({
      validation: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      invalid_state: 409,
      locked: 423,
      applicant_match: 409,
      unknown_method: 404,
      internal: 500,
    });
    office = await setUpOffice();
    const assistant = await office.addUser('assistant', 'assistant');
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const admin = office.token;
    const status = async (method: string, input: unknown, session = admin) => {
      const r = await api(server, method, input, session);
      return [r.status, r.json().error?.code, r.json().error?.field];
    };
    expect(await status('appeals.register', appealInput({ channel: 'pigeon' as never }))).toEqual([
      400,
      'validation',
      'channel',
    ]);
    expect(
      await status(
        'users.create',
        { login: 'x1', fullName: 'X', role: 'deputy', password: PASSWORD },
        assistant.token,
      ),
    ).toEqual([403, 'forbidden', undefined]);
    expect((await status('appeals.get', { id: '01950000-0000-7000-8000-000000000000' })).slice(0, 2)).toEqual(
      [404, 'not_found'],
    );
    expect((await status('appeals.nothing', {})).slice(0, 2)).toEqual([404, 'unknown_method']);
    expect(
      (
        await status('users.create', {
          login: 'assistant',
          fullName: 'Y',
          role: 'deputy',
          password: PASSWORD,
        })
      ).slice(0, 2),
    ).toEqual([409, 'conflict']);
    expect(
      (
        await status('setup.init', {
          office: OFFICE_INPUT,
          admin: { login: 'second', fullName: 'Второй', password: PASSWORD },
        })
      ).slice(0, 2),
    ).toEqual([409, 'invalid_state']);
    const phone = { ...appealInput(), applicant: { lastName: 'Телефонов', phone: '+7 912 000-11-22' } };
    expect((await status('appeals.register', phone)).slice(0, 2)).toEqual([200, undefined]);
    expect((await status('appeals.register', phone)).slice(0, 2)).toEqual([409, 'applicant_match']);
    for (let i = 0; i < 5; i++)
      expect(
        (await status('auth.signIn', { login: 'assistant', password: 'wrong-password' })).slice(0, 2),
      ).toEqual([401, 'unauthenticated']);
    expect((await status('auth.signIn', { login: 'assistant', password: PASSWORD })).slice(0, 2)).toEqual([
      423,
      'locked',
    ]);
  });

  it('refuses GET, a body that is not JSON, and a body over the limit', async () => {
    office = await setUpOffice();
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const get = await request(server, {
      path: '/api/appeals.list',
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json().ok).toBe(false);
    const before = dumpTables(office.handle.sqlite);
    const bad = await request(server, {
      method: 'POST',
      path: '/api/appeals.register',
      headers: { Authorization: `Bearer ${server.token}`, 'X-Session': office.token },
      body: '{"channel": "post",',
    });
    expect(bad.status).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation', field: '(body)' });
    const huge = await request(server, {
      method: 'POST',
      path: '/api/appeals.register',
      headers: { Authorization: `Bearer ${server.token}`, 'X-Session': office.token },
      body: JSON.stringify(appealInput({ text: 'я'.repeat(MAX_BODY_BYTES / 2 + 10) })),
    });
    expect(huge.status).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'validation', field: '(body)' });
    // Without a Content-Length the limit is enforced while the body streams in.
    const streamed = await request(server, {
      method: 'POST',
      path: '/api/appeals.register',
      headers: {
        Authorization: `Bearer ${server.token}`,
        'X-Session': office.token,
        'Transfer-Encoding': 'chunked',
      },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
    });
    expect(streamed.status).toBe(413);
    expect(dumpTables(office.handle.sqlite)).toBe(before);
  });

  it('answers only to 127.0.0.1 and localhost with its own port, and refuses other origins', async () => {
    office = await setUpOffice();
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const call = (headers: Record<string, string>) =>
      request(server, {
        method: 'POST',
        path: '/api/setup.status',
        headers: { Authorization: `Bearer ${server.token}`, ...headers },
        body: '{}',
      });
    expect((await call({})).status).toBe(200);
    expect((await call({ Host: `localhost:${server.port}` })).status).toBe(200);
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      'localhost',
    ]) {
      const r = await call({ Host: host });
      expect(r.status, host).toBe(421);
      expect(r.json().ok).toBe(false);
    }
    expect((await call({ Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await call({ Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('takes a free port when the asked one is busy', async () => {
    office = openTempOffice();
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
    const second = await startHttpServer({ api: office.handle.api, staticDir: null, port: server.port });
    await second.close();
    expect(second.port).not.toBe(server.port);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });
});

describe('HTTP transport: the renderer files', () => {
  async function serveStatic(): Promise<string> {
    office = openTempOffice();
    web = tempDir();
    const root = path.join(web.dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Приёмная</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    fs.writeFileSync(path.join(web.dir, 'secret.txt'), 'SECRET-OUTSIDE');
    server = await startHttpServer({ api: office.handle.api, staticDir: root, port: 0 });
    return root;
  }

  it('serves index.html with the CSP and hardening headers, and falls back to it for app routes', async () => {
    await serveStatic();
    for (const p of ['/', '/index.html', '/appeals/123', '/#token=abc']) {
      const r = await request(server, { path: p });
      expect(r.status, p).toBe(200);
      expect(r.text).toContain('<title>Приёмная</title>');
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const head = await request(server, { method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('serves assets with their content types and a 404 for a missing one', async () => {
    await serveStatic();
    const js = await request(server, { path: '/assets/app.js' });
    expect([js.status, js.headers['content-type'], js.text]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1)',
    ]);
    expect((await request(server, { path: '/assets/app.css' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await request(server, { path: '/assets/missing.js' })).status).toBe(404);
    expect((await request(server, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    await serveStatic();
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      `/${'..%2f'.repeat(12)}etc%2fpasswd`,
      '/%00index.html',
      '/%E0%A4%A',
    ];
    for (const p of attempts) {
      const r = await request(server, { path: p });
      expect(r.text, p).not.toContain('SECRET-OUTSIDE');
      expect(r.text, p).not.toContain('root:');
      expect([400, 403, 404], p).toContain(r.status);
    }
    expect((await request(server, { path: '/..%2fsecret.txt' })).status).toBe(403);
  });

  it('refuses a symbolic link that points outside the folder', async () => {
    const root = await serveStatic();
    fs.symlinkSync(path.join(web!.dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
    const r = await request(server, { path: '/assets/link.txt' });
    expect(r.status).toBe(403);
    expect(r.text).not.toContain('SECRET-OUTSIDE');
  });
});
