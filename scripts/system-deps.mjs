#!/usr/bin/env node
/**
 * The system programs the tests need, present before `npm test` runs anything else:
 *   node scripts/system-deps.mjs
 * Each is looked for where the tests look for it (a binary, a file, or the override the tests accept),
 * not by package name. Nothing missing: silent, exit 0. Something missing: as root, or with
 * passwordless sudo, one line and `apt-get install` of just those packages; otherwise one line naming
 * the exact command to run, exit 1.
 *
 * What is needed, and why:
 * - Chromium: the end-to-end tests drive it (tests/e2e/chromium.ts; or CHROMIUM_PATH).
 * - poppler-utils: the document tests read the printed PDFs (pdftotext, pdftoppm, pdfinfo).
 * - LibreOffice Writer and Calc, and the fonts the documents name (Times New Roman's metric twin
 *   Liberation Serif; DejaVu for the rest): the document tests print DOCX to PDF and open XLSX
 *   (tests/integration/libreoffice.ts; or SOFFICE_PATH).
 * - PostgreSQL's server binaries: the sync suite starts a throwaway cluster with initdb
 *   (tests/integration/sync-pg.ts; or PRIEMNAYA_TEST_PG).
 * - Dovecot's IMAP server: the IMAP tests (soon) talk to a local one.
 *
 * The decision is pure (`missingPackages`, `plan`) and `main` takes its probe and its runner as
 * arguments, so tests/unit/system-deps.test.ts exercises it with no package manager.
 */
import console from 'node:console';
import process from 'node:process';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where tests/integration/libreoffice.ts looks for soffice, in its order. */
export const SOFFICE_PATHS = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
];
/** Where tests/e2e/chromium.ts looks for Chromium, in its order. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const LIBERATION_SERIF = [
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
];
export const DEJAVU_SANS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];
export const DOVECOT_IMAP = '/usr/lib/dovecot/imap';
export const DOVECOT = '/usr/sbin/dovecot';
export const POPPLER_TOOLS = ['pdftotext', 'pdftoppm', 'pdfinfo'];

/** The probe over the real machine: files and PATH only, no package database, no child process. */
export function systemProbe(env = process.env) {
  const isFile = (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  return {
    env,
    exists: isFile,
    executable(p) {
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return isFile(p);
      } catch {
        return false;
      }
    },
    which(cmd) {
      for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
        const p = path.join(dir, cmd);
        if (this.executable(p)) return p;
      }
      return null;
    },
    realpath(p) {
      try {
        return fs.realpathSync(p);
      } catch {
        return p;
      }
    },
    list(dir) {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
    read(p) {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return '';
      }
    },
  };
}

/** `ID` and `ID_LIKE` of /etc/os-release, as one list ("ubuntu", "debian"). */
function distro(probe) {
  const text = probe.read('/etc/os-release');
  const field = (name) =>
    (new RegExp(`^${name}=(.*)$`, 'm').exec(text)?.[1] ?? '').replace(/^["']|["']$/g, '').split(/\s+/);
  return [...field('ID'), ...field('ID_LIKE')].filter(Boolean);
}

/** Overrides the tests accept, each naming a program or server of one's own. */
export const OVERRIDES = ['CHROMIUM_PATH', 'SOFFICE_PATH'];

/** An override that names no file: installing packages would not help, so it is reported instead. */
export function brokenOverride(probe) {
  const name = OVERRIDES.find((n) => probe.env[n] && !probe.exists(probe.env[n]));
  return name ? `${name}=${probe.env[name]} does not exist: point it at the program, or unset it` : null;
}

function chromiumPresent(probe) {
  const wanted = probe.env.CHROMIUM_PATH;
  if (wanted) return probe.exists(wanted);
  if (CHROMIUM_PATHS.some((p) => probe.executable(p))) return true;
  // A browser Playwright downloaded earlier serves too (tests/e2e/chromium.ts falls back to it).
  const cache =
    probe.env.PLAYWRIGHT_BROWSERS_PATH || path.join(probe.env.HOME || os.homedir(), '.cache/ms-playwright');
  return probe
    .list(cache)
    .filter((d) => /^chromium-\d+$/.test(d))
    .some((d) =>
      ['chrome-linux', 'chrome-linux64'].some((sub) => probe.executable(path.join(cache, d, sub, 'chrome'))),
    );
}

/** soffice as the tests find it: SOFFICE_PATH, else the system paths (contacts-export runs it from PATH). */
function soffice(probe) {
  const wanted = probe.env.SOFFICE_PATH;
  if (wanted) return probe.exists(wanted) ? wanted : null;
  const found = SOFFICE_PATHS.find((p) => probe.executable(p));
  return found && probe.which('soffice') ? found : null;
}

/**
 * The Debian packages whose programs are missing, in install order: [] when all are there.
 * `probe`: { env, exists(path), executable(path), which(cmd), realpath(path), list(dir), read(path) }.
 */
export function missingPackages(probe) {
  const need = [];
  if (!chromiumPresent(probe)) need.push(distro(probe).includes('ubuntu') ? 'chromium-browser' : 'chromium');
  if (POPPLER_TOOLS.some((t) => !probe.which(t))) need.push('poppler-utils');
  const so = soffice(probe);
  // Writer and Calc are modules of one installation: their registries lie beside program/.
  const registry = so ? path.join(path.dirname(path.dirname(probe.realpath(so))), 'share', 'registry') : null;
  if (!registry || !probe.exists(path.join(registry, 'writer.xcd'))) need.push('libreoffice-writer-nogui');
  if (!registry || !probe.exists(path.join(registry, 'calc.xcd'))) need.push('libreoffice-calc-nogui');
  if (!LIBERATION_SERIF.some((p) => probe.exists(p))) need.push('fonts-liberation2');
  if (!DEJAVU_SANS.some((p) => probe.exists(p))) need.push('fonts-dejavu-core');
  const initdb = probe
    .list('/usr/lib/postgresql')
    .some((v) => ['initdb', 'pg_ctl'].every((b) => probe.executable(`/usr/lib/postgresql/${v}/bin/${b}`)));
  if (!probe.env.PRIEMNAYA_TEST_PG && !initdb) need.push('postgresql');
  if (!probe.executable(DOVECOT_IMAP) || !probe.executable(DOVECOT)) need.push('dovecot-imapd');
  return need;
}

const INSTALL_OPTS = ['-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300'];

/** The one line for a person to run, with only what is missing. */
export function installCommand(packages) {
  return `sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * What to do about `missing`: nothing; install (as root directly, else through `sudo -n`); or stop
 * with one line. `who`: { root, sudo (passwordless sudo works), apt (apt-get is on PATH) }.
 */
export function plan(missing, who) {
  if (missing.length === 0) return { action: 'none' };
  if (!who.apt)
    return {
      action: 'stop',
      message:
        `missing for the tests (Debian/Ubuntu package names): ${missing.join(' ')}; install them, ` +
        'or point CHROMIUM_PATH / SOFFICE_PATH / PRIEMNAYA_TEST_PG at your own',
    };
  if (!who.root && !who.sudo)
    return {
      action: 'stop',
      message: `missing system packages for the tests; run: ${installCommand(missing)}`,
    };
  const prefix = who.root ? [] : ['sudo', '-n'];
  const apt = (args) => {
    const argv = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    return { cmd: argv[0], args: argv.slice(1) };
  };
  return {
    action: 'install',
    message: `installing system packages for the tests: ${missing.join(' ')}`,
    steps: [apt(['update', '-qq']), apt(['install', ...INSTALL_OPTS, ...missing])],
  };
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 << 20,
  });
  return {
    ok: r.status === 0,
    output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
  };
}

/**
 * Checks, and installs or stops. Everything it touches comes in `deps` (defaults: this machine):
 * probe, uid, exec(cmd, args) → { ok, output }, out(line), err(text). Returns the exit code.
 */
export function main(deps = {}) {
  const probe = deps.probe ?? systemProbe();
  const exec = deps.exec ?? run;
  const out = deps.out ?? ((line) => console.log(line));
  const err = deps.err ?? ((text) => console.error(text));
  const uid = deps.uid ?? process.getuid?.() ?? -1;

  const broken = brokenOverride(probe);
  if (broken) {
    err(broken);
    return 1;
  }
  const missing = missingPackages(probe);
  if (missing.length === 0) return 0;
  const root = uid === 0;
  const apt = Boolean(probe.which('apt-get'));
  const sudo = !root && apt && Boolean(probe.which('sudo')) && exec('sudo', ['-n', 'true']).ok;
  const p = plan(missing, { root, sudo, apt });
  if (p.action === 'stop') {
    err(p.message);
    return 1;
  }
  out(p.message);
  for (const step of p.steps) {
    const r = exec(step.cmd, step.args);
    if (!r.ok) {
      err(`${[step.cmd, ...step.args].join(' ')} failed:\n${r.output.trim()}`);
      return 1;
    }
  }
  const still = missingPackages(probe);
  if (still.length > 0) {
    err(`still missing after the install: ${still.join(' ')}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main();
