/** Types of scripts/electron-native.mjs, for the TypeScript that imports it (its unit test). */
export const ROOT: string;
export const ELECTRON_SQLITE_CACHE: string;
export const SQLITE_ADDON: string;
export const FETCH_TIMEOUT_MS: number;
export const EXIT_START_FAILED: number;

export function builderOs(platform: string): string;
export function installedVersions(root?: string): { electron: string; abi: string; betterSqlite3: string };
export function electronSqliteDir(root: string, platform: string, arch: string): string;
export function cachedElectronSqlite(root?: string, platform?: string, arch?: string): string | null;

export interface BoundedRun {
  ok: boolean;
  code: number | null;
  timedOut: boolean;
  output: string;
}
export function runBounded(
  command: string,
  args: string[],
  opts?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<BoundedRun>;

export type FetchFailure = 'offline' | 'timeout' | 'failed';
export function fetchFailure(result: BoundedRun): FetchFailure;
export function fetchElectronSqlite(opts?: {
  root?: string;
  platform?: string;
  arch?: string;
  timeoutMs?: number;
}): Promise<{ ok: true; file: string } | { ok: false; failure: FetchFailure; output: string }>;
export function adoptElectronSqlite(
  addon: string,
  opts?: { root?: string; platform?: string; arch?: string },
): string;

export type LaunchFailure =
  | { kind: 'noDisplay' | 'asRoot' | 'sandboxHelper' | 'startFailed' | 'exitedEarly' }
  | { kind: 'missingLibrary'; lib: string };
export function launchFailureKind(stderr: string, code: number | null): LaunchFailure;

export function beforePack(context: {
  packager: { projectDir?: string };
  electronPlatformName: string;
  arch: number;
}): Promise<void>;
