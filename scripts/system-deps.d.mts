/** Types of scripts/system-deps.mjs, for the TypeScript that imports it (its unit test). */
export const SOFFICE_PATHS: string[];
export const CHROMIUM_PATHS: string[];
export const LIBERATION_SERIF: string[];
export const DEJAVU_SANS: string[];
export const DOVECOT_IMAP: string;
export const DOVECOT: string;
export const POPPLER_TOOLS: string[];
export const OVERRIDES: string[];

/** What the decision reads of a machine: files and PATH, never the package database. */
export interface Probe {
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  executable(path: string): boolean;
  which(cmd: string): string | null;
  realpath(path: string): string;
  list(dir: string): string[];
  read(path: string): string;
}
export function systemProbe(env?: NodeJS.ProcessEnv): Probe;

export function brokenOverride(probe: Probe): string | null;
export function missingPackages(probe: Probe): string[];
export function installCommand(packages: string[]): string;

export interface Step {
  cmd: string;
  args: string[];
}
export type Plan =
  | { action: 'none' }
  | { action: 'stop'; message: string }
  | { action: 'install'; message: string; steps: Step[] };
export function plan(missing: string[], who: { root: boolean; sudo: boolean; apt: boolean }): Plan;

export function main(deps?: {
  probe?: Probe;
  uid?: number;
  exec?: (cmd: string, args: string[]) => { ok: boolean; output: string };
  out?: (line: string) => void;
  err?: (text: string) => void;
}): number;
