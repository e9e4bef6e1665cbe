/**
 * Main process entry, bundled to dist/main/electron.js (ESM). Thin glue: it opens the office
 * database, serves the renderer, registers the one IPC channel and the menu. Everything it decides
 * is in window.ts, protocol.ts, ipc.ts, menu.ts and native.ts, which do not import Electron.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openOffice, type OfficeHandle } from '../boot/open-office';
import { keychainBox } from '../secrets/box';
import { DB_FILE_NAME } from '../boot/paths';
import { ReminderScheduler, type Notice } from '../reminders/scheduler';
import { BackupScheduler } from '../backups/scheduler';
import { MailScheduler } from '../mail/outbox/scheduler';
import { AutoSync } from '../sync/auto';
import { MailScheduler as MailFetchScheduler } from '../mail/intake/scheduler';
import { appDialogs } from '../../shared/i18n/ru/app';
import { registerIpc, registerOpenDocument } from './ipc';
import { menuTemplate } from './menu';
import { electronSqliteBinding } from './native';
import { createAppProtocolHandler } from './protocol';
import { APP_SCHEME, createMainWindow, guardWebContents, secureSession } from './window';

/** scripts/start.mjs reads this exit code as "Electron ran but Приёмная could not start in it". */
const EXIT_START_FAILED = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');
const DEV_TOOLS = !app.isPackaged;

// All of this must happen before `ready`, which in an ESM entry fires once this module has run.
// standard: a real origin and relative URLs; secure: a secure context. corsEnabled because vite's
// page loads its bundle as `<script type="module" crossorigin>`, a CORS-mode fetch; it lets other
// origins read these files too, and no other origin ever loads in this window.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
]);
app.enableSandbox();
// The data folder is also Electron's profile folder, so a test's temporary folder holds everything
// and the single-instance lock is per data folder.
if (process.env.PRIEMNAYA_DATA_DIR) app.setPath('userData', path.resolve(process.env.PRIEMNAYA_DATA_DIR));
if (process.platform === 'win32') app.setAppUserModelId('ru.priemnaya.app');

let office: OfficeHandle | null = null;
let mainWindow: BrowserWindow | null = null;
let scheduler: ReminderScheduler | null = null;
let backups: BackupScheduler | null = null;
let autoSync: AutoSync | null = null;
let mailFetch: MailFetchScheduler | null = null;
let mail: MailScheduler | null = null;
/** Whose reminders this desktop shows: the user of the last call from the window. */
let signedIn: string | null = null;

function dataFile(): string {
  return path.join(app.getPath('userData'), DB_FILE_NAME);
}

function openWindow(): void {
  const win = createMainWindow(BrowserWindow, { preload: PRELOAD, devTools: DEV_TOOLS });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: appDialogs.aboutTitle,
    message: appDialogs.aboutMessage(app.getVersion()),
    detail: appDialogs.aboutDetail(dataFile()),
    buttons: [appDialogs.ok],
  };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch((e: unknown) => console.error('the about box failed:', e));
}

function openDataFolder(): void {
  shell
    .openPath(path.dirname(dataFile()))
    .then((error) => {
      if (error) console.error('could not open the data folder:', error);
    })
    .catch((e: unknown) => console.error('could not open the data folder:', e));
}

/** Native notifications; a click brings the window forward, where the inbox lists them. */
function showNotices(notices: Notice[]): void {
  if (!Notification.isSupported()) return;
  for (const n of notices) {
    const shown = new Notification({ title: n.title, body: n.body });
    shown.on('click', () => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    shown.show();
  }
}

function onReady(): void {
  secureSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));
  office = openOffice(dataFile(), {
    nativeBinding: electronSqliteBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      platform: process.platform,
      arch: process.arch,
      exists: (f) => fs.existsSync(f),
    }),
    log: (message, error) => console.error(message, error),
    // The OS keychain where it works; a Linux desktop without a keyring falls back to the key file.
    secrets: safeStorage.isEncryptionAvailable() ? keychainBox(safeStorage) : undefined,
    backgroundCheckpoints: true,
    afterCall: ({ method, kind, actor }) => {
      signedIn = method === 'auth.signOut' ? null : (actor?.userId ?? signedIn);
      if (kind === 'write') scheduler?.poke();
      if (kind === 'write') mail?.poke();
    },
  });
  scheduler = new ReminderScheduler({
    store: office.store,
    clock: office.clock,
    hlc: office.hlc,
    notify: showNotices,
    recipient: () => signedIn,
    log: (message, error) => console.error(message, error),
  });
  scheduler.start();
  // Daily backups into the folder the office chose; a day the app was closed through is caught up now.
  backups = new BackupScheduler(office.api.systemContext(), {
    log: (message, error) => console.error(message, error),
  });
  void backups.start();
  // Sync with HQ on the office's interval, once the office is enrolled.
  autoSync = new AutoSync(office.api.systemContext(), { log: (m) => console.error(m) });
  autoSync.start();
  mailFetch = new MailFetchScheduler(office.api.systemContext(), { log: (m, e) => console.error(m, e) });
  mailFetch.start();
  // The outbox and the running mailings: what was left when the app closed goes on now.
  mail = new MailScheduler(office.api.systemContext(), {
    log: (message, error) => console.error(message, error),
  });
  void mail.start();
  registerIpc(ipcMain, office.api);
  const documentsDir = path.join(app.getPath('temp'), 'Priemnaya', 'documents');
  registerOpenDocument(
    ipcMain,
    documentsDir,
    (file, data) => {
      fs.mkdirSync(documentsDir, { recursive: true });
      fs.writeFileSync(file, data);
    },
    (file) => shell.openPath(file),
    async (name, data) => {
      const options = { defaultPath: path.join(app.getPath('downloads'), name) };
      const r = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      fs.writeFileSync(r.filePath, data);
      return null;
    },
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        devTools: DEV_TOOLS,
        onAbout: showAbout,
        onOpenDataFolder: openDataFolder,
      }),
    ),
  );
  openWindow();
}

function failStart(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(appDialogs.dbOpenFailed(dataFile(), reason));
  dialog.showErrorBox(appDialogs.startFailedTitle, appDialogs.dbOpenFailed(dataFile(), reason));
  app.exit(EXIT_START_FAILED);
}

function run(): void {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every web contents, not only our window's: a guard that a new frame could escape is no guard.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (office && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // After the windows are gone and before exit: checkpoint the WAL and run PRAGMA optimize.
  app.on('will-quit', () => {
    scheduler?.stop();
    scheduler = null;
    backups?.stop();
    backups = null;
    autoSync?.stop();
    autoSync = null;
    mailFetch?.stop();
    mailFetch = null;
    // Messages in flight are not waited for: each recipient still `sending` goes back to the queue at the next start.
    void mail?.stop();
    mail = null;
    office?.close();
    office = null;
  });
  app
    .whenReady()
    .then(onReady)
    .catch((e: unknown) => failStart(e));
}

// A second copy would open the same SQLite file and show a second desk: hand over to the first one.
if (app.requestSingleInstanceLock()) run();
else app.quit();
