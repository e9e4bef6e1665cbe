/**
 * Main process. The window and the fences around it. Electron is imported for types only, so these
 * rules run (and are tested) in plain Node; main.ts hands in the real objects.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  OnHeadersReceivedListenerDetails,
  Session,
  WebContents,
  WebPreferences,
} from 'electron';
import { CONTENT_SECURITY_POLICY } from '../transport/http/csp';
import { PRODUCT_NAME_RU } from '../../shared/i18n/ru/app';

/**
 * The renderer is served from our own scheme rather than file://: it gets a real origin for CSP
 * 'self' and for the navigation guard to compare against, and it can read dist/renderer and nothing
 * else, where a file:// page may fetch any file:// URL on the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'priemnaya';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function windowWebPreferences(preload: string, opts: { devTools?: boolean } = {}): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    devTools: opts.devTools ?? false,
    preload,
  };
}

/** True only for a page of our own app: app://priemnaya/…, no credentials, no port. */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

type Headers = Record<string, string[]>;

/** The response headers with our CSP in place of whatever the response carried. */
export function withCsp(headers: Headers | undefined, csp = CONTENT_SECURITY_POLICY): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** Remote schemes the app never talks to: everything it needs is in the package or behind IPC. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

export function secureSession(session: GuardedSession): void {
  session.webRequest.onHeadersReceived(
    (details: OnHeadersReceivedListenerDetails, callback: (r: { responseHeaders: Headers }) => void) =>
      callback({ responseHeaders: withCsp(details.responseHeaders) }),
  );
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );
  // Camera, microphone, notifications from the page, geolocation…: the office app asks for none.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** What the navigation events hand us: where the page wants to go, and the veto. */
export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}
type NavigationListener = (event: NavigationEvent) => void;

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler: WebContents['setWindowOpenHandler'];
}

/** The app is one page: any move off our own origin (a link, a redirect, a frame) is refused. */
export const navigationGuard: NavigationListener = (event) => {
  if (!isAppUrl(event.url)) event.preventDefault();
};

export const denyWindowOpen: Parameters<WebContents['setWindowOpenHandler']>[0] = () => ({ action: 'deny' });

export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', navigationGuard);
  contents.on('will-frame-navigate', navigationGuard);
  contents.on('will-redirect', navigationGuard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen);
}

export function installSecurity(session: GuardedSession, contents: GuardedContents): void {
  secureSession(session);
  guardWebContents(contents);
}

export interface MainWindowOptions {
  preload: string;
  devTools: boolean;
  icon?: string;
}

export function mainWindowOptions(opts: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME_RU,
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: windowWebPreferences(opts.preload, { devTools: opts.devTools }),
  };
}

/** One window; shown once painted so the office never sees a white flash. */
export function createMainWindow(
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  opts: MainWindowOptions,
): BrowserWindow {
  const win = new Window(mainWindowOptions(opts));
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_START_URL).catch((e: unknown) => console.error('the renderer did not load:', e));
  return win;
}
