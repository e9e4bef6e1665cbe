import { m0001 } from './0001-initial';
import { m0002 } from './0002-workflow';
import { m0003 } from './0003-events';
import { m0004 } from './0004-documents';
import { m0005 } from './0005-reminders';
import { m0006 } from './0006-contacts';
import { m0007 } from './0007-event-reminders';
import { m0008 } from './0008-sync';
import type { Migration } from './types';

/** Ordered, forward only. A static list (not a folder scan) so the bundled main process finds them. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
