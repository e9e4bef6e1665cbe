import type { z } from 'zod';
import { appealMethods } from './appeals';
import { assignmentMethods } from './assignments';
import { oralAnswerMethods } from './oral-answer';
import { attachmentMethods } from './attachments';
import { backupMethods } from './backups';
import { campaignMethods } from './campaigns';
import { classifierMethods } from './classifier';
import { auditMethods } from './audit';
import { eventMethods } from './events';
import { homeMethods } from './home';
import { documentMethods } from './documents';
import { contactMethods } from './contacts';
import { officeMethods } from './office';
import { prefMethods } from './prefs';
import { reminderMethods } from './reminders';
import { reportMethods } from './reports';
import { requestMethods } from './requests';
import { routingMethods } from './routing';
import { volunteerMethods } from './volunteers';
import { mailIntakeMethods } from './mail-intake';
import { mailOutboxMethods } from './mail-outbox';
import { mailingMethods } from './mailings';
import { receptionMethods } from './reception';
import { mandateMethods } from './mandates';
import { statisticsMethods } from './statistics';
import { syncMethods } from './sync';
import { taskMethods } from './tasks';
import { webApplicationMethods } from './web-applications';
import { workflowMethods } from './workflow';
import type { Access, MethodDef, Role } from './define';

/** The one API contract: every operation, its input and output schemas, and who may call it. */
export const contract = {
  ...officeMethods,
  ...appealMethods,
  ...oralAnswerMethods,
  ...workflowMethods,
  ...requestMethods,
  ...taskMethods,
  ...attachmentMethods,
  ...eventMethods,
  ...documentMethods,
  ...reminderMethods,
  ...contactMethods,
  ...homeMethods,
  ...statisticsMethods,
  ...reportMethods,
  ...syncMethods,
  ...auditMethods,
  ...backupMethods,
  ...classifierMethods,
  ...webApplicationMethods,
  ...prefMethods,
  ...routingMethods,
  ...mailIntakeMethods,
  ...mailOutboxMethods,
  ...mailingMethods,
  ...assignmentMethods,
  ...receptionMethods,
  ...campaignMethods,
  ...mandateMethods,
  ...volunteerMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function methodDef(name: MethodName): MethodDef {
  return contract[name] as MethodDef;
}

/**
 * Whether the contract lets this role call a method: the UI hides what the server would refuse, and the
 * home screen offers no figure whose list would refuse. `Api.call` still checks every call.
 */
/** The only writes HQ's read-only analyst view takes: its people sign in and out, nothing else. */
export const READ_ONLY_WRITES: ReadonlySet<MethodName> = new Set<MethodName>(['auth.signIn', 'auth.signOut']);

export function mayCall(role: Role | undefined, name: MethodName): boolean {
  const access: Access = contract[name].access;
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'signed_in' || access.includes(role);
}

export * from './define';
