#!/usr/bin/env node
/**
 * Checks the packaged layout offline: `electron-builder --dir --linux` with a stub Electron (the real
 * binary cannot be downloaded here), then asserts what a user's install would contain. Installers
 * themselves need the network and are built by `npm run dist` on a networked machine.
 *
 *   node scripts/check-packaging.mjs [--keep]
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, ROOT } from './build-main.mjs';
import { cachedElectronSqlite, installedVersions, SQLITE_ADDON } from './electron-native.mjs';

const EXECUTABLE = 'priemnaya';
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own fuse defaults, in wire order (see @electron/fuses), for the stub to carry. */
const STUB_FUSES = '10110001';
/** What electron-builder.yml asks for: RunAsNode, NodeOptions, inspect off; app only from asar. */
const EXPECTED_FUSES = { 0: '0', 2: '0', 3: '0', 5: '1', 7: '0' };

/** A stand-in for Electron's unpacked distribution: an executable with a fuse wire, and locales. */
function makeStubElectron(dir) {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const script = `#!/bin/sh\n# stub Electron for the packaging check\nexit 0\n# ${FUSE_SENTINEL}\x01\x08${STUB_FUSES}\n`;
  fs.writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  for (const locale of ['ru', 'en-US', 'de'])
    fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), '');
  fs.writeFileSync(path.join(dir, 'version'), installedVersions().electron);
  return dir;
}

/** The entries of an asar archive (path → header entry), read from its JSON header. */
export function asarEntries(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const prefix = Buffer.alloc(8);
    fs.readSync(fd, prefix, 0, 8, 0);
    const header = Buffer.alloc(prefix.readUInt32LE(4));
    fs.readSync(fd, header, 0, header.length, 8);
    const json = JSON.parse(header.subarray(8, 8 + header.readUInt32LE(4)).toString('utf8'));
    const entries = new Map();
    const walk = (node, prefixPath) => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const p = prefixPath ? `${prefixPath}/${name}` : name;
        if (child.files) walk(child, p);
        else entries.set(p, child);
      }
    };
    walk(json, '');
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

function runBuilder(args, env) {
  return new Promise((resolve, reject) => {
    const cli = path.join(ROOT, 'node_modules/electron-builder/cli.js');
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Everything wrong with a packed linux-unpacked folder; empty when the layout is right. */
export function layoutProblems(appDir) {
  const problems = [];
  const need = (cond, what) => {
    if (!cond) problems.push(what);
  };
  const exe = path.join(appDir, EXECUTABLE);
  need(fs.existsSync(exe), `the executable ${EXECUTABLE} is missing`);
  const asar = path.join(appDir, 'resources/app.asar');
  if (!fs.existsSync(asar)) return [...problems, 'resources/app.asar is missing'];
  const entries = asarEntries(asar);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const p of [
    'package.json',
    pkg.main,
    'dist/main/preload.cjs',
    'dist/renderer/index.html',
    'node_modules/better-sqlite3/lib/index.js',
    'node_modules/bindings/bindings.js',
  ])
    need(entries.has(p), `app.asar lacks ${p}`);
  const shipped = new Set(
    [...entries.keys()].filter((p) => p.startsWith('node_modules/')).map((p) => p.split('/')[1]),
  );
  for (const name of shipped)
    need(
      ['better-sqlite3', 'bindings', 'file-uri-to-path'].includes(name),
      `app.asar ships node_modules/${name}`,
    );
  need(!entries.has('dist/main/web.js'), 'app.asar ships browser mode, which cannot run there');
  for (const p of entries.keys()) {
    need(!p.endsWith('.map'), `app.asar ships a source map: ${p}`);
    need(/^(dist|node_modules)\/|^package\.json$/.test(p), `app.asar ships ${p}`);
  }
  const addon = `node_modules/better-sqlite3/build/Release/${SQLITE_ADDON}`;
  need(entries.get(addon)?.unpacked === true, `${addon} is not marked unpacked in app.asar`);
  need(
    fs.existsSync(path.join(appDir, 'resources/app.asar.unpacked', addon)),
    `${addon} is not in app.asar.unpacked`,
  );
  need(
    fs.existsSync(path.join(appDir, 'resources/resources/calendar/2025.json')),
    'resources/calendar/2025.json is missing',
  );
  need(
    fs.existsSync(path.join(appDir, 'resources/resources/classifier/classifier-2025.json')),
    'resources/classifier/classifier-2025.json is missing',
  );
  const locales = fs.existsSync(path.join(appDir, 'locales'))
    ? fs.readdirSync(path.join(appDir, 'locales')).sort()
    : [];
  need(locales.join() === 'en-US.pak,ru.pak', `locales should be ru and en-US, are: ${locales.join(', ')}`);
  if (fs.existsSync(exe)) {
    const bin = fs.readFileSync(exe);
    const at = bin.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2;
    for (const [i, want] of Object.entries(EXPECTED_FUSES))
      need(String.fromCharCode(bin[at + Number(i)]) === want, `fuse ${i} is not ${want}`);
  }
  return problems;
}

/** Builds if needed, packs into a scratch folder, checks. */
export async function checkPackaging({ keep = false } = {}) {
  await ensureBuilt();
  const started = performance.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-pack-'));
  try {
    const stub = makeStubElectron(path.join(scratch, 'electron'));
    const out = path.join(scratch, 'out');
    const args = ['--dir', '--linux', '--x64', `-c.electronDist=${stub}`];
    args.push(`-c.electronVersion=${installedVersions().electron}`, `-c.directories.output=${out}`);
    // beforePack would fetch Electron's better-sqlite3; offline, this flag lets it pack without.
    const run = await runBuilder(args, { ...process.env, PRIEMNAYA_PACKAGING_CHECK: '1' });
    const appDir = path.join(out, 'linux-unpacked');
    const problems = run.code === 0 ? layoutProblems(appDir) : [`electron-builder failed:\n${run.output}`];
    const native = cachedElectronSqlite(ROOT, 'linux', 'x64');
    if (native && run.code === 0 && !fs.existsSync(path.join(appDir, 'resources/native', SQLITE_ADDON)))
      problems.push(`Electron's ${SQLITE_ADDON} was cached but not packed into resources/native`);
    return { problems, ms: Math.round(performance.now() - started), nativePacked: Boolean(native), appDir };
  } finally {
    if (!keep) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function isEntry() {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntry()) {
  const keep = process.argv.includes('--keep');
  const result = await checkPackaging({ keep });
  for (const p of result.problems) console.error(`✗ ${p}`);
  if (!result.nativePacked)
    console.log(
      'note: no Electron build of better-sqlite3 cached, so none packed (it is fetched by beforePack on a networked machine)',
    );
  if (keep) console.log(`kept: ${result.appDir}`);
  console.log(
    `${result.problems.length ? 'packaging check FAILED' : 'packaging layout OK'} in ${result.ms} ms`,
  );
  if (result.problems.length) process.exitCode = 1;
}
