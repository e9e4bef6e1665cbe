#!/usr/bin/env node
/**
 * `npm start`: builds what is stale, then opens Приёмная in Electron; where Electron cannot run (its
 * binary never arrived, no display, missing system libraries…) it says why in one sentence and opens
 * browser mode on 127.0.0.1 instead. PRIEMNAYA_BROWSER=1 goes straight to browser mode.
 *
 * Electron's binary is not downloaded at `npm install` (package.json's allowScripts denies its
 * postinstall): on a networked machine it arrives here, at first start, together with Electron's
 * build of better-sqlite3.
 */
import console from 'node:console';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { ensureBuilt, ROOT } from './build-main.mjs';
import {
  cachedElectronSqlite,
  EXIT_START_FAILED,
  fetchElectronSqlite,
  fetchFailure,
  launchFailureKind,
  runBounded,
} from './electron-native.mjs';

/** A non-zero exit sooner than this after launch is a failure to launch, not the end of a session. */
const LAUNCH_WINDOW_MS = 10_000;
/** Say that a download is under way only if it takes long enough to be noticed. */
const SLOW_MS = 3_000;

const { launcher, launchReasons } = await tsImport('../shared/i18n/ru/app.ts', import.meta.url);
const { defaultDbFile } = await tsImport('../main/boot/paths.ts', import.meta.url);

/** Electron's executable as node_modules/electron/index.js would name it, if it is on disk. */
function installedElectron() {
  const dir = path.join(ROOT, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const rel = fs.readFileSync(pathFile, 'utf8');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const bin = path.join(dist, rel);
  return fs.existsSync(bin) ? bin : null;
}

function afterSlowStart(message) {
  const timer = setTimeout(() => console.log(message), SLOW_MS);
  return () => clearTimeout(timer);
}

/** The Electron binary, fetching it once if it is missing; or the reason it is not there. */
async function electronBinary() {
  const present = installedElectron();
  if (present) return { bin: present };
  const env = { ...process.env };
  // Meant for `npm install`; here the download is exactly what was asked for.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const quiet = afterSlowStart(launcher.downloadingElectron);
  const result = await runBounded(process.execPath, [path.join(ROOT, 'node_modules/electron/install.js')], {
    env,
  });
  quiet();
  const bin = installedElectron();
  return bin ? { bin } : { reason: launchReasons.binaryMissing(launchReasons.fetch[fetchFailure(result)]) };
}

async function electronSqlite() {
  if (cachedElectronSqlite()) return {};
  const quiet = afterSlowStart(launcher.downloadingNative);
  const result = await fetchElectronSqlite();
  quiet();
  return result.ok ? {} : { reason: launchReasons.nativeMissing(launchReasons.fetch[result.failure]) };
}

function launchFailure(stderr, code, signal) {
  const f = launchFailureKind(stderr, code);
  if (f.kind === 'missingLibrary') return launchReasons.missingLibrary(f.lib);
  if (f.kind === 'exitedEarly') return launchReasons.exitedEarly(signal ?? String(code));
  return launchReasons[f.kind];
}

/**
 * Runs Electron. Its stderr is held back during the launch window: if it fails to launch, the
 * person reads our one sentence instead of Chromium's noise; if it runs, the held lines follow.
 */
function runElectron(bin) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    // Set by some editors' terminals (VS Code's among them); it would turn Electron into plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    const started = Date.now();
    const child = spawn(bin, ['.'], { cwd: ROOT, env, stdio: ['inherit', 'inherit', 'pipe'] });
    let held = '';
    let holding = true;
    const release = () => {
      if (!holding) return;
      holding = false;
      if (held) process.stderr.write(held);
    };
    const releaseTimer = setTimeout(release, LAUNCH_WINDOW_MS);
    child.stderr.on('data', (chunk) => {
      if (holding) held += chunk.toString();
      else process.stderr.write(chunk);
    });
    // Ctrl+C reaches Electron too (same process group); we only must not die before it, nor take
    // its quick exit for a failed launch.
    let interrupted = false;
    const forward = (signal) => {
      interrupted = true;
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (result) => {
      clearTimeout(releaseTimer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(result);
    };
    child.on('error', (e) => done({ failed: launchReasons.spawnFailed(e.message) }));
    child.on('close', (code, signal) => {
      const early = Date.now() - started < LAUNCH_WINDOW_MS;
      if (!interrupted && (code === EXIT_START_FAILED || (early && code !== 0))) {
        if (process.env.PRIEMNAYA_DEBUG === '1') release();
        return done({ failed: launchFailure(held, code, signal) });
      }
      release();
      done({ code: code ?? 128 + (os.constants.signals[signal] ?? 0) });
    });
  });
}

async function browserMode(reason) {
  const { serveBrowserMode } = await import(pathToFileURL(path.join(ROOT, 'dist/main/web.js')).href);
  try {
    await serveBrowserMode({ dbFile: defaultDbFile(), ...(reason ? { reason } : {}) });
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    console.error(launcher.browserFailed);
    process.exitCode = 1;
  }
}

async function main() {
  try {
    await ensureBuilt({ onBuild: () => console.log(launcher.building) });
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    console.error(launcher.buildFailed);
    process.exitCode = 1;
    return;
  }
  if (process.env.PRIEMNAYA_BROWSER === '1') return browserMode();

  const electron = await electronBinary();
  const native = electron.bin ? await electronSqlite() : {};
  const notReady = electron.reason ?? native.reason;
  if (notReady) return browserMode(launcher.fallback(notReady));

  const run = await runElectron(electron.bin);
  if (run.failed) return browserMode(launcher.fallback(run.failed));
  process.exitCode = run.code;
}

await main();
