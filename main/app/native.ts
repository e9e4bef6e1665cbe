/**
 * Main process. Where Electron's own build of better_sqlite3.node lives. Node's build (in
 * node_modules/better-sqlite3/build/Release) stays for tests, the CLI and browser mode; Electron's
 * has another ABI and is kept beside it, never over it.
 *
 * - Development: ELECTRON_SQLITE_CACHE/<os>-<arch>/better_sqlite3.node, put there by
 *   scripts/electron-native.mjs (which `npm start` runs at first start on a networked machine).
 * - Packaged: <resources>/native/better_sqlite3.node, copied by electron-builder's extraResources
 *   from the same cache folder of the target's os and arch.
 * - Neither present: better-sqlite3's own lookup, which is right when someone has rebuilt
 *   node_modules/better-sqlite3 in place for Electron (`npx @electron/rebuild -f -w better-sqlite3`).
 *
 * Keep these names in step with scripts/electron-native.mjs and electron-builder.yml (a unit test
 * compares them).
 */
import path from 'node:path';

export const ELECTRON_SQLITE_CACHE = 'node_modules/.cache/priemnaya/electron-sqlite';
export const SQLITE_ADDON = 'better_sqlite3.node';
export const PACKAGED_NATIVE_DIR = 'native';

/** electron-builder's `${os}` macro: the name the packaging config uses for a platform. */
export function builderOs(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin') return 'mac';
  return platform;
}

export interface NativeLookup {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  /** process.resourcesPath in a packaged app. */
  resourcesPath: string;
  platform: NodeJS.Platform;
  arch: string;
  exists: (file: string) => boolean;
}

export function electronSqliteCandidate(l: Omit<NativeLookup, 'exists'>): string {
  return l.isPackaged
    ? path.join(l.resourcesPath, PACKAGED_NATIVE_DIR, SQLITE_ADDON)
    : path.join(l.appPath, ELECTRON_SQLITE_CACHE, `${builderOs(l.platform)}-${l.arch}`, SQLITE_ADDON);
}

/** The `nativeBinding` to open the database with in Electron, or undefined for the default lookup. */
export function electronSqliteBinding(l: NativeLookup): string | undefined {
  const file = electronSqliteCandidate(l);
  return l.exists(file) ? file : undefined;
}
