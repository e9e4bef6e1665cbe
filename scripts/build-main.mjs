#!/usr/bin/env node
/**
 * Bundles the Node side into dist/main/:
 *   electron.js  Electron's main process (ESM, the package's "main")
 *   preload.cjs  the preload (CommonJS: a sandboxed preload cannot be an ES module)
 *   web.js       browser mode, for `npm start`'s fallback and `node dist/main/web.js`
 * better-sqlite3 stays external: it loads a native addon, and Electron picks its own build at run time.
 *
 * Imported by start.mjs and check-packaging.mjs for `ensureBuilt`, which rebuilds only what is older
 * than its sources.
 */
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/main');

/** Node 20 for the browser mode; Electron 41 carries a newer Node, so one target serves both. */
const TARGET = 'node20';

// Bundled CommonJS code (zod, kysely… are ESM, but some helpers are not) may call `require`; an ES
// module has none unless we make one.
const ESM_REQUIRE_BANNER =
  "import { createRequire as __priemnayaCreateRequire } from 'node:module';\n" +
  'const require = __priemnayaCreateRequire(import.meta.url);';

export const MAIN_OUTPUTS = ['dist/main/electron.js', 'dist/main/preload.cjs', 'dist/main/web.js'];
export const RENDERER_OUTPUTS = ['dist/renderer/index.html'];

const MAIN_SOURCES = [
  'main',
  'shared',
  'db',
  'resources',
  'package.json',
  'tsconfig.json',
  'scripts/build-main.mjs',
];
const RENDERER_SOURCES = ['renderer', 'shared', 'package.json', 'tsconfig.json', 'vite.config.ts'];

export async function buildMain({ logLevel = 'warning' } = {}) {
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: TARGET,
    sourcemap: 'linked',
    logLevel,
    legalComments: 'none',
  };
  const esm = {
    ...common,
    format: 'esm',
    banner: { js: ESM_REQUIRE_BANNER },
    external: ['electron', 'better-sqlite3'],
  };
  await Promise.all([
    build({ ...esm, entryPoints: ['main/app/main.ts'], outfile: path.join(OUT, 'electron.js') }),
    build({ ...esm, entryPoints: ['main/transport/http/web.ts'], outfile: path.join(OUT, 'web.js') }),
    build({
      ...common,
      entryPoints: ['main/app/preload.ts'],
      outfile: path.join(OUT, 'preload.cjs'),
      format: 'cjs',
      // A sandboxed preload may require only a few modules; everything else must be inlined.
      external: ['electron'],
    }),
  ]);
}

/** Newest modification time under the given paths (files or folders), skipping tests. */
export function newestMtime(paths, root = ROOT) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch (e) {
      if (e.code === 'ENOENT') return;
      throw e;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(path.join(p, name));
      }
    } else if (!/\.test\.tsx?$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

/** True when an output is missing or older than one of its sources. */
export function isStale(outputs, sources, root = ROOT) {
  let oldest = Infinity;
  for (const o of outputs) {
    const file = path.join(root, o);
    if (!fs.existsSync(file)) return true;
    oldest = Math.min(oldest, fs.statSync(file).mtimeMs);
  }
  return newestMtime(sources, root) > oldest;
}

export function runVite() {
  return new Promise((resolve, reject) => {
    const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/**
 * Builds the renderer and/or the main bundles if they are missing or stale. Returns what it built;
 * `onBuild` is told first, so a launcher can say why the start takes longer.
 */
export async function ensureBuilt({ onBuild } = {}) {
  const renderer = isStale(RENDERER_OUTPUTS, RENDERER_SOURCES);
  const main = isStale(MAIN_OUTPUTS, MAIN_SOURCES);
  if (renderer || main) onBuild?.();
  if (renderer) await runVite();
  if (main) await buildMain();
  return { renderer, main };
}

function isEntry() {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntry()) {
  const started = performance.now();
  buildMain({ logLevel: 'info' }).then(
    () => console.log(`dist/main built in ${Math.round(performance.now() - started)} ms`),
    (e) => {
      // esbuild has already printed the located errors.
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
