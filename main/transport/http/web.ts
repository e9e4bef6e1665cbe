import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { webText } from '../../../shared/i18n/ru/cli';
import { openOffice, type OfficeHandle } from '../../boot/open-office';
import { defaultDbFile } from '../../boot/paths';
import { ReminderScheduler } from '../../reminders/scheduler';
import { BackupScheduler } from '../../backups/scheduler';
import { MailScheduler } from '../../mail/outbox/scheduler';
import { AutoSync } from '../../sync/auto';
import { MailScheduler as MailFetchScheduler } from '../../mail/intake/scheduler';
import { DEFAULT_PORT, startHttpServer } from './server';

/**
 * Where `vite build` puts the renderer: `dist/renderer` in the nearest folder above this module that holds
 * the project's package.json. That is the repository root both from this source (main/transport/http/)
 * and from its bundle (dist/main/web.js), so one expression serves `tsx` and `npm start`.
 */
export const RENDERER_DIR = path.join(
  projectRoot(path.dirname(fileURLToPath(import.meta.url))),
  'dist',
  'renderer',
);

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

export interface BrowserModeOptions {
  dbFile: string;
  port?: number;
  /** Defaults to RENDERER_DIR; null serves the API only. */
  staticDir?: string | null;
  /** Why the app opened in the browser (e.g. Electron could not start), printed first. */
  reason?: string;
  /** Close cleanly on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  out?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface BrowserMode {
  /** The address to open, with the launch token in the fragment (never sent to the server). */
  url: string;
  port: number;
  token: string;
  office: OfficeHandle;
  close(): Promise<void>;
}

/** Opens the office and serves it to the browser on 127.0.0.1 until closed or signalled. */
export async function serveBrowserMode(opts: BrowserModeOptions): Promise<BrowserMode> {
  const out = opts.out ?? ((line: string) => console.log(line));
  const warn = opts.warn ?? ((line: string) => console.error(line));
  if (opts.reason) out(opts.reason);
  const wanted = opts.port ?? DEFAULT_PORT;
  const dir = opts.staticDir === undefined ? RENDERER_DIR : opts.staticDir;
  const built = dir !== null && fs.existsSync(path.join(dir, 'index.html'));
  if (dir !== null && !built) warn(webText.noRenderer(dir));

  const log = (message: string, error: unknown): void => console.error(message, error);
  let scheduler: ReminderScheduler | null = null;
  let mail: MailScheduler | null = null;
  const office = openOffice(opts.dbFile, {
    log,
    backgroundCheckpoints: true,
    // A write may make something due (a request sent long ago, a changed date): scan soon after it.
    afterCall: (call) => {
      if (call.kind === 'write') scheduler?.poke();
      if (call.kind === 'write') mail?.poke();
    },
  });
  // Browser mode has no desktop notifications: the reminders fill the inbox the page shows.
  scheduler = new ReminderScheduler({ store: office.store, clock: office.clock, hlc: office.hlc, log });
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer({ api: office.api, staticDir: built ? dir : null, port: wanted });
  } catch (e) {
    office.close();
    throw e;
  }
  scheduler.start();
  // Daily backups into the folder the office chose; a day the browser mode was not running is caught up now.
  const backups = new BackupScheduler(office.api.systemContext(), { log });
  void backups.start();
  // Sync with HQ on the office's interval, once the office is enrolled.
  const autoSync = new AutoSync(office.api.systemContext(), { log: (m) => console.error(m) });
  autoSync.start();
  // Fetch the office's mailboxes into «Входящие» on its interval.
  const mailFetch = new MailFetchScheduler(office.api.systemContext(), { log });
  mailFetch.start();
  // The outbox and the running mailings: what was left when the app closed goes on now.
  mail = new MailScheduler(office.api.systemContext(), { log });
  void mail.start();
  if (wanted !== 0 && server.port !== wanted) out(webText.portBusy(wanted, server.port));
  const url = `${server.url}/#token=${server.token}`;
  out(webText.opened(url));

  const onSignal = (): void => {
    close().then(
      () => out(webText.closed),
      (e: unknown) => {
        console.error(e);
        process.exitCode = 1;
      },
    );
  };
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // The database closes even if the server fails to, so the WAL is checkpointed either way.
    scheduler?.stop();
    backups.stop();
    autoSync.stop();
    mailFetch.stop();
    const mailStopped = mail?.stop();
    closing ??= server
      .close()
      .then(() => mailStopped)
      .finally(() => office.close());
    return closing;
  };
  if (opts.handleSignals !== false) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    out(webText.stopHint);
  }
  return { url, port: server.port, token: server.token, office, close };
}

async function main(argv: string[]): Promise<number> {
  let values: { db?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${webText.usage}`);
    return 2;
  }
  if (values.help) {
    console.log(webText.usage);
    return 0;
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      console.error(webText.badPort(values.port));
      return 2;
    }
  }
  try {
    await serveBrowserMode({ dbFile: path.resolve(values.db ?? defaultDbFile()), port });
    return 0;
  } catch (e) {
    console.error(webText.failed(e instanceof Error ? e.message : String(e)));
    return 1;
  }
}

/** Run as `tsx main/transport/http/web.ts`, not when imported (by the launcher, or bundled into Electron's main). */
function isEntry(): boolean {
  const self = fileURLToPath(import.meta.url);
  const entry = process.argv[1];
  if (!entry || !path.basename(self).startsWith('web.') || !fs.existsSync(entry)) return false;
  return fs.realpathSync(entry) === fs.realpathSync(self);
}

if (isEntry()) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
