import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Seals the office's secrets (a mailbox's password, an SMS provider's key) before they are stored in the
 * database, and opens them again when they are used: no secret is ever kept in plain text in the file.
 * A sealed value names its kind, so a database moved to a computer that cannot open it says so plainly.
 */
export interface SecretBox {
  /** Which keeper seals: the operating system's keychain (the desktop app) or a key file beside the data. */
  readonly kind: 'os' | 'keyfile';
  seal(plain: string): string;
  /** The plain text, or a `SecretError` when the value was sealed elsewhere or was altered. */
  open(sealed: string): string;
}

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

export const KEY_FILE_NAME = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The prefix of a sealed value: the format's version and its keeper. */
function prefix(kind: SecretBox['kind']): string {
  return `v1:${kind}:`;
}

function payload(kind: SecretBox['kind'], sealed: string): Buffer {
  const p = prefix(kind);
  if (!sealed.startsWith(p)) {
    const other = /^v1:(os|keyfile):/.exec(sealed)?.[1];
    throw new SecretError(
      other
        ? `the secret was sealed by another keeper (${other}); enter it again on this computer`
        : 'the stored secret is not a sealed value',
    );
  }
  return Buffer.from(sealed.slice(p.length), 'base64');
}

/** Reads the office's key file, or makes one (readable by its owner only) when there is none. */
export function loadKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE_NAME);
  try {
    const key = fs.readFileSync(file);
    if (key.length !== KEY_BYTES) throw new SecretError(`the key file ${file} is damaged`);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    // `wx`: two processes starting at once must not both write a key; the loser reads the winner's.
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file);
    throw e;
  }
}

/**
 * AES-256-GCM under a key kept in a file of the office's data folder (browser mode, the command line,
 * a server): the database alone, copied or backed up, reveals no secret. GCM's tag makes an altered
 * value fail to open rather than open to garbage.
 */
export function keyFileBox(dataDir: string): SecretBox {
  let key: Buffer | null = null;
  const theKey = (): Buffer => (key ??= loadKeyFile(dataDir));
  return {
    kind: 'keyfile',
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', theKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return prefix('keyfile') + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = payload('keyfile', sealed);
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretError('the stored secret is damaged');
      const decipher = createDecipheriv('aes-256-gcm', theKey(), raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SecretError('the stored secret does not open with this office’s key; enter it again');
      }
    },
  };
}

/** What the desktop app hands in: Electron's `safeStorage`, reduced to the two calls used. */
export interface OsKeychain {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The operating system's keychain (Electron `safeStorage`: DPAPI, Keychain, libsecret). */
export function keychainBox(keychain: OsKeychain): SecretBox {
  return {
    kind: 'os',
    seal: (plain) => prefix('os') + keychain.encryptString(plain).toString('base64'),
    open(sealed) {
      try {
        return keychain.decryptString(payload('os', sealed));
      } catch (e) {
        if (e instanceof SecretError) throw e;
        throw new SecretError('the keychain of this computer cannot open the stored secret; enter it again');
      }
    },
  };
}
