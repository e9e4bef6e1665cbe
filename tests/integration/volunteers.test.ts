import { describe, expect, it } from 'vitest';
import { takeVolunteerApplications } from '../../main/volunteers/intake';
import { expectError, PASSWORD } from './helpers';
import { copiedNode, enrolledOffice, joinedNode, startTestHq, type SyncNode } from './sync-fixture';
import { KALININ, startReception, TVER } from './web-reception-fixture';
import { count, signUp, T0 } from './volunteers-fixture';

/** The rows an application makes, as a computer holds them (ids and what the pipeline reads). */
function made(n: SyncNode): unknown {
  const db = n.handle.sqlite;
  return {
    contacts: db
      .prepare(
        "SELECT id, full_name, region, source FROM contacts WHERE email_key = 'igor.volkov@mail.test' ORDER BY id",
      )
      .all(),
    candidates: db
      .prepare('SELECT id, contact_id, stage, task_id, campaign FROM volunteer_candidates ORDER BY id')
      .all(),
    steps: db.prepare('SELECT id, stage FROM volunteer_steps ORDER BY id').all(),
    tasks: db
      .prepare("SELECT id, assignee_id, status FROM tasks WHERE kind = 'volunteer_candidate' ORDER BY id")
      .all(),
    labels: db
      .prepare('SELECT id, contact_id, value FROM contact_labels WHERE deleted_at IS NULL ORDER BY id')
      .all(),
    phones: db
      .prepare('SELECT id, contact_id, phone FROM contact_phones WHERE deleted_at IS NULL ORDER BY id')
      .all(),
    emails: db
      .prepare('SELECT id, contact_id, email FROM contact_emails WHERE deleted_at IS NULL ORDER BY id')
      .all(),
  };
}

describe('a volunteer’s sign-up at the office', () => {
  it('lands as a candidate with its source, consent and the coordinator’s task; two computers make one', async () => {
    const hq = await startTestHq('sqlite', T0);
    const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
    const b = await enrolledOffice(hq, 'БББ', T0, 'admin-b');
    const coordinator = await a.value('users.create', {
      login: 'coord',
      fullName: 'Координаторова Ольга',
      role: 'assistant',
      password: PASSWORD,
    });
    // A bad coordinator is refused naming the field, and nothing changes.
    const bad = expectError(
      await a.call('volunteers.updateSettings', { coordinatorId: b.sync.state('office_id')! }),
    );
    expect(bad.field).toBe('coordinatorId');
    expect(await a.value('volunteers.settings', {})).toEqual({ coordinatorId: null });
    await a.value('volunteers.updateSettings', { coordinatorId: coordinator.id });
    expect((await a.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, a, T0);

    const r = await startReception(hq, 'ААА', 'БББ');
    const application = await signUp(r, hq, 0);

    // Both computers take the application before either has seen the other's rows.
    hq.clock.advance(60_000);
    expect((await a.sync.syncNow()).ok).toBe(true);
    expect((await laptop.sync.syncNow()).ok).toBe(true);
    expect(count(a, 'volunteer_candidates')).toBe(1);
    expect(count(laptop, 'volunteer_candidates')).toBe(1);
    // Each took it on its own (the laptop had not seen the office's rows yet).
    for (const n of [a, laptop]) expect(n.logs.join('\n')).toContain('volunteers: 1 application(s) taken');
    for (let i = 0; i < 2; i++) {
      expect((await a.sync.syncNow()).ok).toBe(true);
      expect((await laptop.sync.syncNow()).ok).toBe(true);
    }
    expect((await b.sync.syncNow()).ok).toBe(true);
    expect(made(laptop)).toEqual(made(a));
    const rows = made(a) as Record<string, unknown[]>;
    expect(rows.contacts).toHaveLength(1);
    expect(rows.candidates).toHaveLength(1);
    expect(rows.steps).toHaveLength(1);
    expect(rows.tasks).toEqual([expect.objectContaining({ assignee_id: coordinator.id, status: 'open' })]);
    // The task is in Задачи, the coordinator's.
    const listed = await a.value('tasks.list', { everyone: true });
    expect(listed.rows).toEqual([
      expect.objectContaining({
        kind: 'volunteer_candidate',
        assigneeId: coordinator.id,
        title: expect.stringContaining('Волков Игорь Павлович'),
      }),
    ]);
    expect(rows.phones).toHaveLength(1);
    expect(rows.emails).toHaveLength(1);
    expect(rows.labels).toEqual([expect.objectContaining({ value: 'volunteer_candidate' })]);

    const app = a.handle.sqlite
      .prepare(
        'SELECT consent_version, consent_text, confirmed_at, source, state, contact_id FROM web_applications WHERE id = ?',
      )
      .get(application) as Record<string, string>;
    const contactId = (rows.contacts![0] as { id: string }).id;
    expect(app).toMatchObject({ state: 'registered', contact_id: contactId, source: 'vk-dec' });
    const c = (await a.value('volunteers.candidate', { contactId }))!;
    expect(c).toMatchObject({
      stage: 'new',
      form: 'web_volunteer',
      campaign: 'vk-dec',
      region: TVER,
      district: KALININ,
      applicationId: application,
      consent: { version: app.consent_version, text: app.consent_text, at: app.confirmed_at },
    });
    expect(c.consent.text.length).toBeGreaterThan(20);
    const card = await a.value('contacts.get', { id: contactId });
    expect(card.statuses).toContain('volunteer_candidate');
    expect(card.source).toContain('vk-dec');
    expect(card.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['consent_given', 'volunteer']));
    expect(card.timeline.find((t) => t.kind === 'consent_given')!.title).toContain(
      `редакция ${app.consent_version}`,
    );

    // A page of a sync may bring another computer's task and contact before the application's change and
    // the candidate: taking it then writes the rows still missing and none twice.
    const copy = copiedNode(laptop);
    copy.handle.sqlite.exec(`
      UPDATE web_applications SET state = 'new', contact_id = NULL;
      DELETE FROM volunteer_steps; DELETE FROM volunteer_candidates;`);
    expect(takeVolunteerApplications(copy.handle)).toBe(1);
    expect(made(copy)).toEqual(made(a));
    copy.close();

    // Office Б never sees the candidate, the contact or the task.
    expect(count(b, 'volunteer_candidates')).toBe(0);
    expect(count(b, 'volunteer_steps')).toBe(0);
    expect(count(b, "contacts WHERE email_key = 'igor.volkov@mail.test'")).toBe(0);
    expect(count(b, "tasks WHERE kind = 'volunteer_candidate'")).toBe(0);
  });

  it('joins a contact the office already has by phone; a second sign-up of one in the pipeline adds no candidacy', async () => {
    const hq = await startTestHq('sqlite', T0);
    const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
    await enrolledOffice(hq, 'БББ', T0, 'admin-b');
    const known = await a.value('contacts.create', {
      lastName: 'Волков',
      firstName: 'Игорь',
      phones: ['8 (916) 555-44-33'],
    });
    const head = await a.value('users.create', {
      login: 'head',
      fullName: 'Руководитель Приёмной',
      role: 'office_head',
      password: PASSWORD,
    });
    const r = await startReception(hq, 'ААА', 'БББ');
    await signUp(r, hq, 0, { email: 'igor@work.test' });
    expect((await a.sync.syncNow()).ok).toBe(true);
    expect(count(a, "contacts WHERE name_key LIKE 'волков%' AND deleted_at IS NULL")).toBe(1);
    const c = (await a.value('volunteers.candidate', { contactId: known.id }))!;
    expect(c.stage).toBe('new');
    // Nobody named coordinator: the office head takes the task.
    expect(a.handle.sqlite.prepare('SELECT assignee_id FROM tasks WHERE id = ?').get(c.taskId)).toEqual({
      assignee_id: head.id,
    });
    hq.clock.advance(3_600_000);
    await signUp(r, hq, 1, { email: 'igor@work.test', text: 'Ещё раз' });
    expect((await a.sync.syncNow()).ok).toBe(true);
    expect(count(a, 'volunteer_candidates')).toBe(1);
    expect(count(a, "web_applications WHERE state = 'registered' AND contact_id = ?", known.id)).toBe(2);
  });
});
