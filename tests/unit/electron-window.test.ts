/**
 * The Electron shell's security rules, tested without Electron: window.ts, protocol.ts, ipc.ts,
 * menu.ts and native.ts import it for types only; the preload's import is mocked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/transport/http/csp';
import { isTrustedSender, registerIpc, registerOpenDocument } from '../../main/app/ipc';
import { menuTemplate } from '../../main/app/menu';
import { ELECTRON_SQLITE_CACHE, electronSqliteBinding, SQLITE_ADDON } from '../../main/app/native';
import { createAppProtocolHandler, resolveAppFile } from '../../main/app/protocol';
import {
  APP_START_URL,
  denyWindowOpen,
  guardWebContents,
  isAppUrl,
  navigationGuard,
  secureSession,
  windowWebPreferences,
  withCsp,
  type GuardedContents,
  type GuardedSession,
} from '../../main/app/window';
import type { Api } from '../../main/api/api';
import { IPC_CHANNEL, OPEN_DOCUMENT_CHANNEL } from '../../main/transport/ipc';
import * as nativeScript from '../../scripts/electron-native.mjs';

const FOREIGN_URLS = [
  'https://example.org/',
  'http://127.0.0.1:4780/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://priemnaya@evil/index.html',
  'app://priemnaya:8080/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'not a url',
];

function cspDirectives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('the window', () => {
  it('runs the renderer isolated, sandboxed and without Node', () => {
    const prefs = windowWebPreferences('/app/dist/main/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      devTools: false,
      preload: '/app/dist/main/preload.cjs',
    });
    expect(windowWebPreferences('p', { devTools: true }).devTools).toBe(true);
  });

  it('has a strict Content Security Policy', () => {
    const d = cspDirectives(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });

  it('puts the CSP on every response, replacing any other', () => {
    const headers = withCsp({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('knows its own pages from everything else', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://priemnaya/#/appeals/1')).toBe(true);
    for (const url of FOREIGN_URLS) expect(isAppUrl(url), url).toBe(false);
  });

  it('refuses navigation away from the app and allows its own pages', () => {
    for (const url of FOREIGN_URLS) {
      const event = { url, preventDefault: vi.fn() };
      navigationGuard(event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const own = { url: 'app://priemnaya/index.html#/registry', preventDefault: vi.fn() };
    navigationGuard(own);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('guards navigation, redirects, frames and webviews, and denies new windows', () => {
    const listeners = new Map<string, (e: { url: string; preventDefault(): void }) => void>();
    const setWindowOpenHandler = vi.fn();
    const contents = {
      on: (event: string, listener: (e: { url: string; preventDefault(): void }) => void) =>
        listeners.set(event, listener),
      setWindowOpenHandler,
    } as unknown as GuardedContents;
    guardWebContents(contents);
    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
    const frame = { url: 'https://example.org/', preventDefault: vi.fn() };
    listeners.get('will-frame-navigate')?.(frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const webview = { url: '', preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(setWindowOpenHandler).toHaveBeenCalledWith(denyWindowOpen);
    const opened = denyWindowOpen({ url: 'https://example.org/' } as Parameters<typeof denyWindowOpen>[0]);
    expect(opened).toEqual({ action: 'deny' });
  });

  it('sets the CSP header, cancels remote requests and denies every permission', () => {
    let onHeaders: ((d: unknown, cb: (r: unknown) => void) => void) | undefined;
    let remote:
      { filter: { urls: string[] }; listener: (d: unknown, cb: (r: unknown) => void) => void } | undefined;
    let onPermission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let onCheck: (() => boolean) | undefined;
    const session = {
      webRequest: {
        onHeadersReceived: (l: typeof onHeaders) => (onHeaders = l),
        onBeforeRequest: (
          filter: { urls: string[] },
          listener: (d: unknown, cb: (r: unknown) => void) => void,
        ) => (remote = { filter, listener }),
      },
      setPermissionRequestHandler: (h: typeof onPermission) => (onPermission = h),
      setPermissionCheckHandler: (h: typeof onCheck) => (onCheck = h),
    } as unknown as GuardedSession;
    secureSession(session);

    const headersCb = vi.fn();
    onHeaders?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, headersCb);
    expect(headersCb).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
    expect(remote?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'wss://*/*']));
    const cancelCb = vi.fn();
    remote?.listener({ url: 'https://example.org/x.js' }, cancelCb);
    expect(cancelCb).toHaveBeenCalledWith({ cancel: true });
    const permissionCb = vi.fn();
    onPermission?.({}, 'media', permissionCb);
    expect(permissionCb).toHaveBeenCalledWith(false);
    expect(onCheck?.()).toBe(false);
  });
});

describe('the app:// protocol', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-renderer-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Приёмная</title>');
    fs.writeFileSync(path.join(root, 'assets/app.js'), 'console.log(1)');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('maps our URLs into the renderer folder and nothing outside it', () => {
    expect(resolveAppFile(root, 'app://priemnaya/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://priemnaya/assets/app.js?v=1')).toBe(path.join(root, 'assets/app.js'));
    // The URL parser already folds plain dot segments, so these stay inside.
    expect(resolveAppFile(root, 'app://priemnaya/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    for (const url of [
      'app://priemnaya/..%2f..%2fetc%2fpasswd',
      'app://priemnaya/assets/..%5c..%5csecret',
      'app://priemnaya/%00index.html',
      'app://priemnaya/%E0%A4%A',
      'app://evil/index.html',
      'https://priemnaya/index.html',
    ])
      expect(resolveAppFile(root, url), url).toBeNull();
  });

  it('serves files with the CSP, falls back to the page for routes, and refuses the rest', async () => {
    const handle = createAppProtocolHandler(root);
    const page = await handle(new Request('app://priemnaya/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('Приёмная');
    const script = await handle(new Request('app://priemnaya/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://priemnaya/registry/42'))).status).toBe(200);
    expect((await handle(new Request('app://priemnaya/assets/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://priemnaya/..%2fsecret.txt'))).status).toBe(404);
    expect(
      (await handle(new Request('app://priemnaya/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });
});

describe('the IPC channel', () => {
  const appFrame = { senderFrame: { url: APP_START_URL } } as never;
  const foreignFrame = { senderFrame: { url: 'https://example.org/' } } as never;

  it('answers only frames showing our own page', async () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender(foreignFrame)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);

    const call = vi.fn(async () => ({ ok: true as const, value: 'pong' }));
    let registered: ((...args: unknown[]) => Promise<unknown>) | undefined;
    const ipcMain = {
      handle: vi.fn((channel: string, h: typeof registered) => {
        expect(channel).toBe(IPC_CHANNEL);
        registered = h;
      }),
      removeHandler: vi.fn(),
    };
    const dispose = registerIpc(ipcMain as never, { call } as unknown as Api);
    expect(await registered?.(appFrame, 'auth.me', {}, 'tok')).toEqual({ ok: true, value: 'pong' });
    expect(call).toHaveBeenCalledWith('ipc', 'auth.me', {}, { token: 'tok' });
    expect(await registered?.(foreignFrame, 'auth.me', {}, 'tok')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(call).toHaveBeenCalledTimes(1);
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CHANNEL);
  });
});

describe('the preload', () => {
  it('exposes call (three arguments to the one API channel) and openDocument (two to its own), nothing else', async () => {
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }));
    await import('../../main/app/preload');
    vi.doUnmock('electron');
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, bridge] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('priemnaya');
    expect(Object.keys(bridge)).toEqual(['call', 'openDocument']);
    const call = bridge.call as (...args: unknown[]) => Promise<unknown>;
    await call('appeals.list', { q: 'x' }, 'tok', 'extra');
    expect(invoke).toHaveBeenCalledWith(IPC_CHANNEL, 'appeals.list', { q: 'x' }, 'tok');
    const open = bridge.openDocument as (...args: unknown[]) => Promise<unknown>;
    await open('a.docx', 'UEs=', 'extra');
    expect(invoke).toHaveBeenLastCalledWith(OPEN_DOCUMENT_CHANNEL, 'a.docx', 'UEs=');
  });
});

describe('opening a document from the window', () => {
  it('writes and opens a document from our page only, and refuses a path for a name', async () => {
    const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: (ch: string, fn: (...args: unknown[]) => Promise<unknown>) => void handlers.set(ch, fn),
      removeHandler: (ch: string) => void handlers.delete(ch),
    };
    const written: string[] = [];
    const opened: string[] = [];
    const off = registerOpenDocument(
      ipcMain as never,
      '/tmp/p',
      (file) => written.push(file),
      async (file) => {
        opened.push(file);
        return '';
      },
    );
    const open = handlers.get(OPEN_DOCUMENT_CHANNEL)!;
    const ours = { senderFrame: { url: APP_START_URL } };
    expect(await open(ours, 'Карточка.docx', 'UEs=')).toBeNull();
    expect(opened).toEqual([path.join('/tmp/p', 'Карточка.docx')]);
    expect(await open(ours, '../x.docx', 'UEs=')).toMatch(/not a document/);
    expect(await open({ senderFrame: { url: 'https://example.org/' } }, 'a.docx', 'UEs=')).toMatch(
      /only from/,
    );
    expect(written).toHaveLength(1);
    off();
    expect(handlers.size).toBe(0);
  });

  it('offers to save a file the system has no program for', async () => {
    const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: (ch: string, fn: (...args: unknown[]) => Promise<unknown>) => void handlers.set(ch, fn),
      removeHandler: (ch: string) => void handlers.delete(ch),
    };
    const saved: [string, Buffer][] = [];
    registerOpenDocument(
      ipcMain as never,
      '/tmp/p',
      () => undefined,
      async (file) => (file.endsWith('.tif') ? 'No application is associated with the file' : ''),
      async (name, data) => {
        saved.push([name, data]);
        return null;
      },
    );
    const open = handlers.get(OPEN_DOCUMENT_CHANNEL)!;
    const ours = { senderFrame: { url: APP_START_URL } };
    expect(await open(ours, 'скан.pdf', 'JVBERg==')).toBeNull();
    expect(saved).toEqual([]);
    expect(await open(ours, 'скан.tif', 'SUkqAA==')).toBeNull();
    expect(saved).toEqual([['скан.tif', Buffer.from([0x49, 0x49, 0x2a, 0])]]);
  });
});

describe('the menu', () => {
  const base = { onAbout: () => undefined, onOpenDataFolder: () => undefined };
  const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
  const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [i.role ?? '', ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

  it('is in Russian and offers no developer tools in production', () => {
    const menu = menuTemplate({ ...base, isMac: false, devTools: false });
    expect(menu.map((m) => m.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    expect(roles(menu)).not.toContain('toggleDevTools');
    expect(
      labels(menu)
        .filter(Boolean)
        .every((l) => /[А-Яа-яЁё]/.test(l)),
    ).toBe(true);
    expect(roles(menuTemplate({ ...base, isMac: false, devTools: true }))).toContain('toggleDevTools');
  });
});

describe("Electron's better-sqlite3", () => {
  const lookup = {
    appPath: '/src/app',
    resourcesPath: '/opt/Priemnaya/resources',
    platform: 'linux' as const,
  };

  it('is looked up in the packaged resources or the development cache, else left to the default', () => {
    const all = () => true;
    expect(electronSqliteBinding({ ...lookup, isPackaged: true, arch: 'x64', exists: all })).toBe(
      path.join('/opt/Priemnaya/resources/native', SQLITE_ADDON),
    );
    expect(electronSqliteBinding({ ...lookup, isPackaged: false, arch: 'x64', exists: all })).toBe(
      path.join('/src/app', ELECTRON_SQLITE_CACHE, 'linux-x64', SQLITE_ADDON),
    );
    expect(
      electronSqliteBinding({ ...lookup, isPackaged: false, arch: 'x64', exists: () => false }),
    ).toBeUndefined();
  });

  it('has one location in main, the fetch script and the packaging config', () => {
    expect(nativeScript.ELECTRON_SQLITE_CACHE).toBe(ELECTRON_SQLITE_CACHE);
    expect(nativeScript.SQLITE_ADDON).toBe(SQLITE_ADDON);
    expect(nativeScript.builderOs('win32')).toBe('win');
    const yml = fs.readFileSync(path.join(__dirname, '../../electron-builder.yml'), 'utf8');
    expect(yml).toContain(`from: ${ELECTRON_SQLITE_CACHE}/\${os}-\${arch}`);
    expect(yml).toMatch(/to: native\n\s+filter:\n\s+- better_sqlite3\.node/);
  });

  it('tells a missing display or library from other launch failures', () => {
    expect(
      nativeScript.launchFailureKind('[ERROR:ozone_platform_x11.cc] Missing X server or $DISPLAY', 1),
    ).toEqual({
      kind: 'noDisplay',
    });
    expect(
      nativeScript.launchFailureKind(
        'electron: error while loading shared libraries: libnss3.so: cannot open',
        127,
      ),
    ).toEqual({ kind: 'missingLibrary', lib: 'libnss3.so' });
    expect(
      nativeScript.launchFailureKind('Running as root without --no-sandbox is not supported', 1),
    ).toEqual({
      kind: 'asRoot',
    });
    expect(nativeScript.launchFailureKind('', nativeScript.EXIT_START_FAILED)).toEqual({
      kind: 'startFailed',
    });
    expect(nativeScript.launchFailureKind('', 1)).toEqual({ kind: 'exitedEarly' });
  });
});
