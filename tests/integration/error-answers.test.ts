import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath } from '../../main/attachments/attachments';
import { openOffice } from '../../main/boot/open-office';
import { fixedClock } from '../../shared/util/clock';
import { appealInput, expectError, NOW, OFFICE_INPUT, PASSWORD, tempDir } from './helpers';
import { testOffice } from './office-fixture';

/** What a failure tells the caller: enough to act on, never the database's or the disk's insides. */

describe('error answers', () => {
  it('an unforeseen failure is logged with a reference; the answer carries the reference only', async () => {
    const tmp = tempDir();
    const logged: { message: string; error: unknown }[] = [];
    const handle = openOffice(tmp.file('office.sqlite'), {
      clock: fixedClock(NOW),
      log: (message, error) => logged.push({ message, error }),
    });
    try {
      const set = await handle.api.call('internal', 'setup.init', {
        office: OFFICE_INPUT,
        admin: { login: 'admin', fullName: 'Администратор', password: PASSWORD },
      });
      expect(set.ok).toBe(true);
      // A database changed under the program: the sign-in's write meets a table that is gone.
      handle.sqlite.exec('DROP TABLE sessions');
      const error = expectError(
        await handle.api.call('http', 'auth.signIn', { login: 'admin', password: PASSWORD }),
      );
      expect(error.code).toBe('internal');
      expect(JSON.stringify(error)).not.toMatch(/sessions|no such table|SQLITE/i);
      const reference = (error.details as { reference: string }).reference;
      expect(reference).toMatch(/^[0-9A-F]{8}$/);
      expect(error.message).toContain(reference);
      expect(error.message).toMatch(/журнал/);
      const entry = logged.find((l) => l.message.includes(reference));
      expect(String((entry?.error as Error).message)).toMatch(/no such table: sessions/);
    } finally {
      handle.close();
      tmp.remove();
    }
  });

  it('a file that is not here is answered without the data folder’s path', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const att = await o.call('attachments.add', {
      appealId: a.id,
      name: 'ответ.txt',
      mime: 'text/plain',
      dataBase64: Buffer.from('Ответ управляющей компании').toString('base64'),
    });
    const dir = path.dirname(o.file);
    fs.rmSync(attachmentPath(dir, att.sha256));
    const gone = await o.fail('attachments.get', { id: att.id });
    expect(gone).toMatchObject({ code: 'not_found', field: 'id', details: { name: 'ответ.txt' } });
    expect(JSON.stringify(gone)).not.toContain(JSON.stringify(dir).slice(1, -1));
    expect(JSON.stringify(gone)).not.toContain(att.sha256);
  });
});
