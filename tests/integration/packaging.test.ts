/**
 * What we ship, checked without Electron's binary (it cannot be downloaded here): the packaged layout
 * (scripts/check-packaging.mjs: electron-builder --dir with a stub Electron), and the bundled main
 * process booting against a stand-in `electron` module, so main.ts's wiring runs somewhere in CI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
let scratch: string;

function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The parts of Electron's API main.ts touches, recording what it does with them. */
const FAKE_ELECTRON = `
import { EventEmitter } from 'node:events';
const f = (globalThis.__fake = { calls: [], handlers: {}, protocols: {}, windows: [], paths: {} });
class App extends EventEmitter {
  isPackaged = false;
  whenReady() { return Promise.resolve(); }
  getPath(name) { return f.paths[name] ?? '/nonexistent'; }
  setPath(name, p) { f.paths[name] = p; }
  getAppPath() { return process.cwd(); }
  getVersion() { return '0.0.0'; }
  requestSingleInstanceLock() { return true; }
  enableSandbox() { f.calls.push('enableSandbox'); }
  setAppUserModelId() {}
  quit() { f.calls.push('quit'); }
  exit(code) { f.calls.push('exit ' + code); }
}
export const app = new App();
export class BrowserWindow extends EventEmitter {
  constructor(options) { super(); this.options = options; f.windows.push(this); }
  loadURL(url) { this.url = url; return Promise.resolve(); }
  show() {}
  static getAllWindows() { return f.windows; }
}
export const dialog = { showErrorBox: (t, m) => f.calls.push('errorBox ' + m), showMessageBox: async () => ({}) };
export const ipcMain = { handle: (c, h) => (f.handlers[c] = h), removeHandler: () => {} };
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu: (m) => (f.menu = m) };
export const protocol = {
  registerSchemesAsPrivileged: (s) => (f.schemes = s),
  handle: (scheme, h) => (f.protocols[scheme] = h),
};
export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: (l) => (f.onHeaders = l), onBeforeRequest: (flt) => (f.blocked = flt.urls) },
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
  },
};
export const shell = { openPath: async () => '' };
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => { throw new Error('no keychain'); },
  decryptString: () => { throw new Error('no keychain'); },
};
export class Notification extends EventEmitter {
  static isSupported() { return false; }
  show() { f.calls.push('notification'); }
}
`;

const LOADER = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
`;

/** Boots dist/main/electron.js, pokes at what it registered, prints one JSON report. */
const DRIVER = `
import { register } from 'node:module';
import fs from 'node:fs';
register('./loader.mjs', import.meta.url);
const { app } = await import('electron');
await import(process.argv[2]);
await new Promise((r) => setTimeout(r, 100));
const f = globalThis.__fake;
const serve = (url) => f.protocols.app(new Request(url));
const page = await serve('app://priemnaya/index.html');
const html = await page.text();
const script = /src="([^"]+\\.js)"/.exec(html)?.[1];
const asset = script ? await serve(new URL(script, 'app://priemnaya/index.html').href) : null;
const call = f.handlers['api:call'];
const own = await call({ senderFrame: { url: 'app://priemnaya/index.html' } }, 'setup.status', {}, null);
const foreign = await call({ senderFrame: { url: 'https://example.org/' } }, 'setup.status', {}, null);
app.emit('will-quit');
console.log(JSON.stringify({
  calls: f.calls,
  userData: f.paths.userData,
  schemes: f.schemes,
  blocked: f.blocked,
  window: { url: f.windows[0]?.url, prefs: f.windows[0]?.options.webPreferences },
  page: { status: page.status, csp: page.headers.get('content-security-policy') },
  asset: asset && { status: asset.status, type: asset.headers.get('content-type') },
  own, foreign,
  menu: f.menu.map((m) => m.label),
  files: fs.readdirSync(process.env.PRIEMNAYA_DATA_DIR),
}));
`;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-shell-'));
  const built = node([
    '--input-type=module',
    '-e',
    "await (await import('./scripts/build-main.mjs')).ensureBuilt()",
  ]);
  expect(built.code, built.out).toBe(0);
}, 120_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the desktop package', () => {
  it('has the layout an installer needs (electron-builder --dir with a stub Electron)', () => {
    const r = node(['scripts/check-packaging.mjs']);
    expect(r.out).toContain('packaging layout OK');
    expect(r.code).toBe(0);
  }, 120_000);

  it('boots its bundled main process: window, protocol, IPC, menu, database', () => {
    const fake = path.join(scratch, 'fake');
    const data = path.join(scratch, 'data');
    fs.mkdirSync(fake);
    fs.writeFileSync(path.join(fake, 'electron.mjs'), FAKE_ELECTRON);
    fs.writeFileSync(path.join(fake, 'loader.mjs'), LOADER);
    fs.writeFileSync(path.join(fake, 'driver.mjs'), DRIVER);
    const r = node([path.join(fake, 'driver.mjs'), path.join(ROOT, 'dist/main/electron.js')], {
      PRIEMNAYA_DATA_DIR: data,
    });
    expect(r.code, r.out).toBe(0);
    const report = JSON.parse(r.out.trim().split('\n').at(-1) ?? '{}');
    expect(report.calls).toEqual(['enableSandbox']);
    expect(report.userData).toBe(data);
    expect(report.schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(report.blocked).toContain('https://*/*');
    expect(report.window.url).toBe('app://priemnaya/index.html');
    expect(report.window.prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(report.window.prefs.preload).toBe(path.join(ROOT, 'dist/main/preload.cjs'));
    expect(report.page.status).toBe(200);
    expect(report.page.csp).toContain("script-src 'self'");
    expect(report.asset).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(report.own).toMatchObject({ ok: true, value: { initialized: false } });
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(report.menu).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    // Closed on quit: the WAL is checkpointed away, only the database file stays.
    expect(report.files).toEqual(['priemnaya.sqlite']);
  }, 60_000);
});
