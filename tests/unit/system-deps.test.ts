/**
 * scripts/system-deps.mjs, which `npm test` runs first: which packages a machine lacks, judged by the
 * files and PATH a probe shows, and what it then does as root, with passwordless sudo, or with neither.
 * The machine here is made up (a set of files), and the runner only records: no package is installed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  brokenOverride,
  installCommand,
  main,
  missingPackages,
  plan,
  type Probe,
} from '../../scripts/system-deps.mjs';

const LO = '/usr/lib/libreoffice';

/** Debian bookworm with everything the tests need, as `/usr/bin/...` files and a few symlinks. */
function fullMachine(): { files: Set<string>; links: Map<string, string> } {
  const files = new Set([
    '/usr/bin/apt-get',
    '/usr/bin/sudo',
    '/usr/bin/chromium',
    '/usr/bin/pdftotext',
    '/usr/bin/pdftoppm',
    '/usr/bin/pdfinfo',
    `${LO}/program/soffice`,
    `${LO}/share/registry/main.xcd`,
    `${LO}/share/registry/writer.xcd`,
    `${LO}/share/registry/calc.xcd`,
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/lib/postgresql/15/bin/initdb',
    '/usr/lib/postgresql/15/bin/pg_ctl',
    '/usr/lib/dovecot/imap',
    '/usr/sbin/dovecot',
  ]);
  // As Debian's libreoffice-common has it: /usr/bin/soffice -> ../lib/libreoffice/program/soffice.
  const links = new Map([['/usr/bin/soffice', `${LO}/program/soffice`]]);
  return { files, links };
}

type Machine = ReturnType<typeof fullMachine> & { probe: Probe };

function machine(
  change: (m: ReturnType<typeof fullMachine>) => void = () => {},
  env: NodeJS.ProcessEnv = {},
  osRelease = 'ID=debian\nVERSION_ID="12"\n',
): Machine {
  const m = fullMachine();
  change(m);
  const resolve = (p: string): string => m.links.get(p) ?? p;
  const exists = (p: string): boolean => m.files.has(resolve(p));
  const probe: Probe = {
    env: { PATH: '/usr/local/bin:/usr/bin:/usr/sbin', HOME: '/home/u', ...env },
    exists,
    executable: exists,
    which: (cmd) =>
      (probe.env.PATH ?? '')
        .split(':')
        .map((d) => path.posix.join(d, cmd))
        .find(exists) ?? null,
    realpath: resolve,
    list: (dir) => [
      ...new Set(
        [...m.files, ...m.links.keys()]
          .filter((f) => f.startsWith(`${dir}/`))
          .map((f) => f.slice(dir.length + 1).split('/')[0]!),
      ),
    ],
    read: (p) => (p === '/etc/os-release' ? osRelease : ''),
  };
  return { ...m, probe };
}

const without =
  (...paths: string[]) =>
  (m: ReturnType<typeof fullMachine>): void => {
    for (const p of paths) {
      m.files.delete(p);
      m.links.delete(p);
    }
  };

/** A runner that records each command; `apt-get install` puts the packages' files in place. */
function recorder(m: Machine, results: { sudo?: boolean; apt?: boolean } = {}) {
  const calls: string[] = [];
  const exec = (cmd: string, args: string[]): { ok: boolean; output: string } => {
    calls.push([cmd, ...args].join(' '));
    if (cmd === 'sudo' && args.join(' ') === '-n true') return { ok: results.sudo ?? false, output: '' };
    if (results.apt === false) return { ok: false, output: 'E: Unable to locate package dovecot-imapd' };
    if (args.includes('install')) for (const f of fullMachine().files) m.files.add(f);
    return { ok: true, output: '' };
  };
  return { calls, exec };
}

function run(m: Machine, uid: number, results?: { sudo?: boolean; apt?: boolean }) {
  const { calls, exec } = recorder(m, results);
  const out: string[] = [];
  const err: string[] = [];
  const code = main({ probe: m.probe, uid, exec, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, calls, out, err };
}

describe('which packages are missing', () => {
  it('none on a machine that has everything', () => {
    expect(missingPackages(machine().probe)).toEqual([]);
  });

  it.each([
    [['/usr/bin/chromium'], ['chromium']],
    [['/usr/bin/pdfinfo'], ['poppler-utils']],
    [[`${LO}/share/registry/calc.xcd`], ['libreoffice-calc-nogui']],
    [[`${LO}/share/registry/writer.xcd`], ['libreoffice-writer-nogui']],
    [
      ['/usr/bin/soffice', `${LO}/program/soffice`],
      ['libreoffice-writer-nogui', 'libreoffice-calc-nogui'],
    ],
    [['/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf'], ['fonts-liberation2']],
    [['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'], ['fonts-dejavu-core']],
    [['/usr/lib/postgresql/15/bin/initdb'], ['postgresql']],
    [['/usr/lib/dovecot/imap'], ['dovecot-imapd']],
  ])('without %j: %j', (gone, packages) => {
    expect(missingPackages(machine(without(...gone)).probe)).toEqual(packages);
  });

  it('everything, in install order, on a bare machine', () => {
    const bare = machine((m) => {
      m.files.clear();
      m.links.clear();
    });
    expect(missingPackages(bare.probe)).toEqual([
      'chromium',
      'poppler-utils',
      'libreoffice-writer-nogui',
      'libreoffice-calc-nogui',
      'fonts-liberation2',
      'fonts-dejavu-core',
      'postgresql',
      'dovecot-imapd',
    ]);
  });

  it('soffice installed but not on PATH counts as missing (a test runs it from PATH)', () => {
    expect(missingPackages(machine(without('/usr/bin/soffice')).probe)).toEqual([
      'libreoffice-writer-nogui',
      'libreoffice-calc-nogui',
    ]);
  });

  it('finds Calc beside the soffice the link points at', () => {
    const opt = machine((m) => {
      without('/usr/bin/soffice', `${LO}/program/soffice`)(m);
      m.files.add('/opt/libreoffice/program/soffice');
      m.files.add('/opt/libreoffice/share/registry/writer.xcd');
      m.links.set('/usr/bin/soffice', '/opt/libreoffice/program/soffice');
    });
    expect(missingPackages(opt.probe)).toEqual(['libreoffice-calc-nogui']);
  });

  it('takes what the tests take instead: Liberation 1, another PostgreSQL, overrides, Playwright’s browser', () => {
    const other = machine((m) => {
      without(
        '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
        '/usr/lib/postgresql/15/bin/initdb',
        '/usr/lib/postgresql/15/bin/pg_ctl',
      )(m);
      m.files.add('/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf');
      m.files.add('/usr/lib/postgresql/17/bin/initdb');
      m.files.add('/usr/lib/postgresql/17/bin/pg_ctl');
    });
    expect(missingPackages(other.probe)).toEqual([]);

    const noPg = without('/usr/lib/postgresql/15/bin/initdb');
    expect(
      missingPackages(machine(noPg, { PRIEMNAYA_TEST_PG: 'postgres://x@127.0.0.1/postgres' }).probe),
    ).toEqual([]);

    const ownChromium = machine((m) => {
      without('/usr/bin/chromium')(m);
      m.files.add('/home/u/.cache/ms-playwright/chromium-1200/chrome-linux/chrome');
    });
    expect(missingPackages(ownChromium.probe)).toEqual([]);
    const pointed = machine(
      (m) => {
        without('/usr/bin/chromium')(m);
        m.files.add('/srv/chrome');
      },
      { CHROMIUM_PATH: '/srv/chrome' },
    );
    expect(missingPackages(pointed.probe)).toEqual([]);
  });

  it('names Ubuntu’s Chromium package on Ubuntu', () => {
    const ubuntu = machine(without('/usr/bin/chromium'), {}, 'ID=ubuntu\nID_LIKE=debian\n');
    expect(missingPackages(ubuntu.probe)).toEqual(['chromium-browser']);
  });

  it('an override naming no file is reported as such, not as a package', () => {
    const m = machine(undefined, { SOFFICE_PATH: '/nowhere/soffice' });
    expect(brokenOverride(m.probe)).toBe(
      'SOFFICE_PATH=/nowhere/soffice does not exist: point it at the program, or unset it',
    );
    const r = run(m, 0);
    expect(r).toMatchObject({ code: 1, calls: [], out: [] });
    expect(r.err).toHaveLength(1);
  });
});

describe('what it does', () => {
  it('nothing, silently, when nothing is missing: no sudo probe, no apt-get update', () => {
    expect(run(machine(), 0)).toEqual({ code: 0, calls: [], out: [], err: [] });
    expect(run(machine(), 1000)).toEqual({ code: 0, calls: [], out: [], err: [] });
  });

  it('as root: one line, apt-get update, then an install of just what is missing', () => {
    const m = machine(without('/usr/bin/pdftotext', '/usr/lib/dovecot/imap'));
    const r = run(m, 0);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['installing system packages for the tests: poppler-utils dovecot-imapd']);
    expect(r.err).toEqual([]);
    expect(r.calls).toEqual([
      'env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 poppler-utils dovecot-imapd',
    ]);
  });

  it('not root, with passwordless sudo: the same through sudo -n', () => {
    const r = run(machine(without('/usr/lib/dovecot/imap')), 1000, { sudo: true });
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 dovecot-imapd',
    ]);
  });

  it('not root, sudo asks for a password: stops at once with one line naming the exact command', () => {
    const r = run(machine(without('/usr/bin/chromium', '/usr/bin/pdftoppm')), 1000, { sudo: false });
    expect(r.code).toBe(1);
    expect(r.calls).toEqual(['sudo -n true']);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      'missing system packages for the tests; run: sudo apt-get install -y --no-install-recommends chromium poppler-utils',
    ]);
  });

  it('not root and no sudo at all: the same line, without trying anything', () => {
    const r = run(machine(without('/usr/bin/sudo', '/usr/sbin/dovecot')), 1000);
    expect(r).toEqual({
      code: 1,
      calls: [],
      out: [],
      err: [`missing system packages for the tests; run: ${installCommand(['dovecot-imapd'])}`],
    });
  });

  it('without apt-get: one line with the Debian names and the overrides', () => {
    const r = run(machine(without('/usr/bin/apt-get', '/usr/bin/chromium')), 0);
    expect(r.code).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(
      /^missing for the tests \(Debian\/Ubuntu package names\): chromium; .*CHROMIUM_PATH/,
    );
  });

  it('a failed install stops with apt’s own words; a package that still leaves a gap is named', () => {
    const failed = run(machine(without('/usr/lib/dovecot/imap')), 0, { apt: false });
    expect(failed.code).toBe(1);
    expect(failed.err.join('\n')).toContain('E: Unable to locate package dovecot-imapd');

    const m = machine(without('/usr/lib/dovecot/imap'));
    const exec = (): { ok: boolean; output: string } => ({ ok: true, output: '' }); // installs nothing
    const err: string[] = [];
    expect(main({ probe: m.probe, uid: 0, exec, out: () => {}, err: (l) => err.push(l) })).toBe(1);
    expect(err).toEqual(['still missing after the install: dovecot-imapd']);
  });

  it('plan: no output and no steps when nothing is missing', () => {
    expect(plan([], { root: false, sudo: false, apt: false })).toEqual({ action: 'none' });
  });
});

describe('the script itself', () => {
  const script = fileURLToPath(new URL('../../scripts/system-deps.mjs', import.meta.url));

  it('stops a real run with one line on stderr when an override names nothing (before any apt-get)', () => {
    const r = spawnSync(process.execPath, [script], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'CHROMIUM_PATH=/nonexistent/chromium does not exist: point it at the program, or unset it',
    ]);
  });
});
