import { m0001 } from './0001-initial';
import { m0002 } from './0002-workflow';
import { m0003 } from './0003-events';
import { m0004 } from './0004-documents';
import { m0005 } from './0005-reminders';
import { m0006 } from './0006-contacts';
import { m0007 } from './0007-event-reminders';
import { m0009 } from './0009-home';
import { m0010 } from './0010-statistics';
import { m0011 } from './0011-contacts-speed';
import { m0012 } from './0012-sync';
import { m0014 } from './0014-desk-numbers';
import { m0015 } from './0015-batch-counts';
import { m0016 } from './0016-list-pages';
import { m0017 } from './0017-audit-pages';
import { m0018 } from './0018-classifier';
import { m0019 } from './0019-art11-published-answer';
import { m0020 } from './0020-classifier-editions';
import { m0021 } from './0021-routing-rules';
import { m0022 } from './0022-oral-appeal';
import { m0023 } from './0023-placeholder-applicants';
import { m0024 } from './0024-user-prefs';
import { m0025 } from './0025-question-counts';
import { m0026 } from './0026-mail-intake';
import { m0027 } from './0027-mail-outbox';
import { m0028 } from './0028-assignments';
import { m0029 } from './0029-mandates';
import { m0030 } from './0030-reception';
import { m0031 } from './0031-contact-model';
import { m0032 } from './0032-campaigns';
import { m0033 } from './0033-sync-sent-mark';
import { m0034 } from './0034-routing-generation';
import { m0035 } from './0035-web-applications';
import { m0036 } from './0036-mail-intake-request';
import { m0037 } from './0037-volunteers';
import { m0038 } from './0038-web-application-files';
import { m0039 } from './0039-mandate-files-search';
import { m0040 } from './0040-contacts-out-of-base';
import type { Migration } from './types';

/** Ordered, forward only. A static list (not a folder scan) so the bundled main process finds them. */
export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0009,
  m0010,
  m0011,
  m0012,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
  m0020,
  m0021,
  m0022,
  m0023,
  m0024,
  m0025,
  m0026,
  m0027,
  m0028,
  m0029,
  m0030,
  m0031,
  m0032,
  m0033,
  m0034,
  m0035,
  m0036,
  m0037,
  m0038,
  m0039,
  m0040,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
