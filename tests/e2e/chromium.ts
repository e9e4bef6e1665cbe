import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** Quiet, reproducible headless runs: no sandbox (root in CI), no GPU, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const NOT_FOUND =
  'Chromium not found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH';

/** An error whose report is its one line, without a stack the reader does not need. */
function oneLine(message: string): Error {
  const e = new Error(message);
  e.stack = message;
  return e;
}

function playwrightsOwn(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null; // playwright-core throws when it knows no browser for this platform: "not found" too
  }
}

/**
 * The Chromium the e2e tests drive: $CHROMIUM_PATH, else the system's (Debian's package), else a browser
 * Playwright downloaded earlier. Nothing is downloaded here.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env.CHROMIUM_PATH;
  if (wanted) {
    if (fs.existsSync(wanted)) return wanted;
    throw oneLine(`CHROMIUM_PATH=${wanted} does not exist. ${NOT_FOUND}`);
  }
  const system = SYSTEM_PATHS.find((p) => fs.existsSync(p));
  if (system) return system;
  const own = playwrightsOwn();
  if (own && fs.existsSync(own)) return own;
  throw oneLine(NOT_FOUND);
}
