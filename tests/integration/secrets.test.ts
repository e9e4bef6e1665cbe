import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, keychainBox, keyFileBox, SecretError } from '../../main/secrets/box';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-secrets-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the office’s secret keeper', () => {
  it('seals with a key file made once, owner-only, and never keeps the plain text', () => {
    const dir = tempDir();
    const box = keyFileBox(dir);
    const sealed = box.seal('пароль от почты');
    expect(sealed.startsWith('v1:keyfile:')).toBe(true);
    expect(sealed).not.toContain('пароль');
    expect(box.seal('пароль от почты')).not.toBe(sealed); // a fresh IV each time
    const stat = fs.statSync(path.join(dir, KEY_FILE_NAME));
    expect(stat.size).toBe(32);
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
    // Another keeper over the same folder (a restart) opens it.
    expect(keyFileBox(dir).open(sealed)).toBe('пароль от почты');
  });

  it('refuses an altered value, another office’s key and another keeper’s value by name', () => {
    const box = keyFileBox(tempDir());
    const sealed = box.seal('secret');
    const raw = Buffer.from(sealed.slice('v1:keyfile:'.length), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => box.open('v1:keyfile:' + raw.toString('base64'))).toThrow(SecretError);
    expect(() => keyFileBox(tempDir()).open(sealed)).toThrow(/this office’s key/);
    expect(() => box.open('v1:os:AAAA')).toThrow(/another keeper \(os\)/);
    expect(() => box.open('plain text')).toThrow(/not a sealed value/);
  });

  it('hands the keychain only the plain text and keeps what it returns', () => {
    const seen: string[] = [];
    const keychain = {
      encryptString: (p: string) => (seen.push(p), Buffer.from([...Buffer.from(p)].reverse())),
      decryptString: (b: Buffer) => Buffer.from([...b].reverse()).toString(),
    };
    const box = keychainBox(keychain);
    const sealed = box.seal('imap-pass');
    expect(sealed.startsWith('v1:os:')).toBe(true);
    expect(box.open(sealed)).toBe('imap-pass');
    expect(seen).toEqual(['imap-pass']);
    expect(() => box.open(keyFileBox(tempDir()).seal('x'))).toThrow(/another keeper \(keyfile\)/);
  });
});
