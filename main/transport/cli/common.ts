/** What every command gets and may throw; kept apart so commands and the dispatcher import no cycle. */

/** Where the CLI writes and what it reads, so tests and other callers can run it in-process too. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  readStdin(): Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line itself: exit code 2 and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const OPTIONS = {
  db: { type: 'string' },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'office-name': { type: 'string' },
  code: { type: 'string' },
  deputy: { type: 'string' },
  region: { type: 'string' },
  'time-zone': { type: 'string' },
  'admin-login': { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-password': { type: 'string' },
  seed: { type: 'string' },
  appeals: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  source: { type: 'string' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  purpose: { type: 'string' },
  segment: { type: 'string' },
  state: { type: 'string' },
} as const;

export type CliFlag = keyof typeof OPTIONS;
export type CliValues = { [K in CliFlag]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export interface CommandArgs {
  /** Arguments after the command name. */
  args: string[];
  values: CliValues;
  dbFile: string;
  user: string | null;
  io: CliIo;
}
