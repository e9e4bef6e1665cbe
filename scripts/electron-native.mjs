#!/usr/bin/env node
/**
 * Electron's own build of better-sqlite3, kept beside Node's and never over it: Node's build in
 * node_modules/better-sqlite3/build/Release serves tests, the CLI and browser mode; Electron's has
 * another ABI and lives in ELECTRON_SQLITE_CACHE/<os>-<arch>/ with a stamp of what it was made for.
 *
 * It arrives by download (better-sqlite3 publishes a prebuilt addon per Electron ABI and platform):
 *   node scripts/electron-native.mjs [--platform linux|win32|darwin] [--arch x64|arm64]
 * `npm start` does this at first start, and electron-builder's beforePack hook (below) does it for
 * each installer's platform and arch. Where no prebuilt addon can be had, build one from source (a
 * C++ toolchain, and Electron's headers from the network or a mirror), adopt it, and give Node its
 * own build back:
 *   npx @electron/rebuild -f -w better-sqlite3 -v <electron version>
 *   node scripts/electron-native.mjs --adopt node_modules/better-sqlite3/build/Release/better_sqlite3.node
 *   npm rebuild better-sqlite3
 *
 * Names are kept in step with main/app/native.ts and electron-builder.yml (a unit test compares them).
 */
import console from 'node:console';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_SQLITE_CACHE = 'node_modules/.cache/priemnaya/electron-sqlite';
export const SQLITE_ADDON = 'better_sqlite3.node';
const STAMP = 'stamp.json';
export const FETCH_TIMEOUT_MS = 60_000;

/** electron-builder's `${os}` macro for a platform. */
export function builderOs(platform) {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin' || platform === 'mas') return 'mac';
  return platform;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

export function installedVersions(root = ROOT) {
  return {
    electron: readJson(path.join(root, 'node_modules/electron/package.json')).version,
    abi: fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim(),
    betterSqlite3: readJson(path.join(root, 'node_modules/better-sqlite3/package.json')).version,
  };
}

export function electronSqliteDir(root, platform, arch) {
  return path.join(root, ELECTRON_SQLITE_CACHE, `${builderOs(platform)}-${arch}`);
}

/** The cached addon if it was made for the installed Electron ABI and better-sqlite3 version. */
export function cachedElectronSqlite(root = ROOT, platform = process.platform, arch = process.arch) {
  const dir = electronSqliteDir(root, platform, arch);
  const file = path.join(dir, SQLITE_ADDON);
  if (!fs.existsSync(file) || !fs.existsSync(path.join(dir, STAMP))) return null;
  const stamp = readJson(path.join(dir, STAMP));
  const v = installedVersions(root);
  return stamp.abi === v.abi && stamp.betterSqlite3 === v.betterSqlite3 ? file : null;
}

/**
 * Runs a command with a time limit, keeping the tail of its output for a diagnosis instead of
 * showing it: the launcher speaks one sentence, not a stack trace.
 */
export function runBounded(
  command,
  args,
  { cwd = ROOT, env = process.env, timeoutMs = FETCH_TIMEOUT_MS } = {},
) {
  return new Promise((resolve) => {
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-8192);
    };
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, code: null, timedOut, output: `${output}\n${e.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && !timedOut, code, timedOut, output });
    });
  });
}

/** Why a download failed, as a key of the launcher's texts: offline, timeout or failed. */
export function fetchFailure(result) {
  if (result.timedOut) return 'timeout';
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/.test(result.output))
    return 'offline';
  return 'failed';
}

/**
 * Downloads the prebuilt addon into the cache. prebuild-install writes into the package folder it
 * runs in, so it runs in a scratch copy of better-sqlite3's package.json, never in node_modules.
 */
export async function fetchElectronSqlite({
  root = ROOT,
  platform = process.platform,
  arch = process.arch,
  timeoutMs = FETCH_TIMEOUT_MS,
} = {}) {
  const v = installedVersions(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-native-'));
  try {
    const pkgDir = path.join(root, 'node_modules/better-sqlite3');
    fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(work, 'package.json'));
    const bin = createRequire(path.join(pkgDir, 'package.json')).resolve('prebuild-install/bin.js');
    const args = [
      bin,
      '--runtime',
      'electron',
      '--target',
      v.electron,
      '--platform',
      platform === 'mas' ? 'darwin' : platform,
    ];
    const result = await runBounded(process.execPath, [...args, '--arch', arch, '--path', work], {
      cwd: work,
      timeoutMs,
    });
    const built = path.join(work, 'build', 'Release', SQLITE_ADDON);
    if (!result.ok || !fs.existsSync(built))
      return { ok: false, failure: fetchFailure(result), output: result.output };
    return { ok: true, file: adoptElectronSqlite(built, { root, platform, arch }) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Puts an addon built for the installed Electron into the cache, stamped with what it was made for. */
export function adoptElectronSqlite(
  addon,
  { root = ROOT, platform = process.platform, arch = process.arch } = {},
) {
  const v = installedVersions(root);
  const dir = electronSqliteDir(root, platform, arch);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(addon, path.join(dir, SQLITE_ADDON));
  const stamp = { electron: v.electron, abi: v.abi, betterSqlite3: v.betterSqlite3, platform, arch };
  fs.writeFileSync(path.join(dir, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
  return path.join(dir, SQLITE_ADDON);
}

/** main/app/main.ts exits with this when Electron ran but the office could not open in it. */
export const EXIT_START_FAILED = 3;

/**
 * What went wrong when Electron quit at once, read from its stderr: a key of the launcher's
 * `launchReasons`, with the missing library's name where there is one.
 */
export function launchFailureKind(stderr, code) {
  if (/Missing X server|\$DISPLAY|cannot open display|platform failed to initialize/i.test(stderr))
    return { kind: 'noDisplay' };
  if (/Running as root without --no-sandbox/i.test(stderr)) return { kind: 'asRoot' };
  if (/SUID sandbox helper binary/i.test(stderr)) return { kind: 'sandboxHelper' };
  const lib = /error while loading shared libraries: ([^:\s]+)/.exec(stderr);
  if (lib) return { kind: 'missingLibrary', lib: lib[1] };
  if (code === EXIT_START_FAILED) return { kind: 'startFailed' };
  return { kind: 'exitedEarly' };
}

/** electron-builder's Arch enum, by number. */
const BUILDER_ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * electron-builder hook: make sure the addon for the platform and arch being packed is in the cache,
 * where extraResources picks it up. An installer without it would fail at first start, so this
 * refuses to go on, except in scripts/check-packaging.mjs, which checks the layout offline.
 */
export async function beforePack(context) {
  const root = context.packager.projectDir ?? ROOT;
  const platform = context.electronPlatformName;
  const arch = BUILDER_ARCH[context.arch] ?? String(context.arch);
  if (cachedElectronSqlite(root, platform, arch)) return;
  if (process.env.PRIEMNAYA_PACKAGING_CHECK === '1') {
    console.warn(
      `  • no Electron build of better-sqlite3 for ${platform}-${arch}: packing without it (check only)`,
    );
    return;
  }
  const result = await fetchElectronSqlite({ root, platform, arch });
  if (!result.ok)
    throw new Error(
      `could not fetch better-sqlite3 for Electron ${platform}-${arch} (${result.failure}); ` +
        `see scripts/electron-native.mjs for building it from source\n${result.output}`,
    );
}

function isEntry() {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntry()) {
  const { values } = parseArgs({
    options: { platform: { type: 'string' }, arch: { type: 'string' }, adopt: { type: 'string' } },
    strict: true,
  });
  const platform = values.platform ?? process.platform;
  const arch = values.arch ?? process.arch;
  const cached = cachedElectronSqlite(ROOT, platform, arch);
  if (values.adopt)
    console.log(
      `adopted: ${path.relative(ROOT, adoptElectronSqlite(path.resolve(values.adopt), { platform, arch }))}`,
    );
  else if (cached) console.log(`already there: ${path.relative(ROOT, cached)}`);
  else {
    const result = await fetchElectronSqlite({ platform, arch });
    if (result.ok) console.log(`fetched: ${path.relative(ROOT, result.file)}`);
    else {
      console.error(
        `${result.output.trim()}\ncould not fetch better-sqlite3 for Electron (${result.failure})`,
      );
      process.exitCode = 1;
    }
  }
}
