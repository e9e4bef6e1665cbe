import type { OfficeHandle } from '../boot/open-office';
import type { ApplicantInput, RegisterAppealInput } from '../../shared/api/appeals';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { addCalendarDays, ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { localDate } from '../../shared/util/clock';
import {
  CITIES,
  fullNameOf,
  genitiveSurname,
  initialsOf,
  makePerson,
  PHONE_STYLES,
  Rng,
  transliterate,
  writePhone,
  type Person,
} from './people';
import { answerAppeals, placeApplicants, type Registered } from './history';
import { appealDraft, pickTopic, TOPICS } from './topics';
import { fillDemoEvents } from './events';
import { advanceDemoAppeals, type DemoAppeal } from './workflow';

/**
 * A demo office for trying the app and for screenshots: an office, a user of every role, and a few months
 * of registered appeals and a board of events, all made through the API as a desk would make them.
 *
 * Every demo user signs in with DEMO_PASSWORD: admin, head (office head), deputy, assistant1, assistant2.
 */
export const DEMO_PASSWORD = 'priemnaya-demo';
export const DEMO_ADMIN_LOGIN = 'admin';

export interface DemoOptions {
  seed?: number;
  /** How many appeals to register (300 by default). */
  appeals?: number;
  /**
   * The share (0–1) of the appeals older than two weeks to answer, with the applicants' districts filled
   * in: months of history for the statistics. None by default: every demo appeal is still registered.
   */
  answered?: number;
}

export interface DemoResult {
  adminLogin: string;
  password: string;
  appeals: number;
  events: number;
}

/** How far back the appeals go: about four months, so the older ones are past their 30-day term. */
const SPAN_DAYS = 120;

type Call = <M extends MethodName>(method: M, input: Input<M>, token?: string) => Promise<Output<M>>;

function caller(handle: OfficeHandle): Call {
  return async (method, input, token) => {
    const r = await handle.api.call('internal', method, input, token ? { token } : {});
    if (!r.ok) throw new DemoError(method, r.error.code, r.error.message, r.error.details);
    return r.value as Output<typeof method>;
  };
}

class DemoError extends Error {
  constructor(
    method: string,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(`demo: ${method} failed: ${code}: ${message}`);
    this.name = 'DemoError';
  }
}

/** The office code from the deputy's surname: first letter and the next two consonants (Иванов → ИВН). */
function officeCode(surname: string): string {
  const up = surname.toUpperCase().replace(/Ё/g, 'Е');
  const consonants = [...up.slice(1)].filter((ch) => /[БВГДЖЗКЛМНПРСТФХЦЧШЩ]/.test(ch));
  return (up[0]! + consonants.join('')).slice(0, 3).padEnd(3, 'Х');
}

function applicantOf(p: Person, phoneStyle: number): ApplicantInput {
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    address: p.address,
    phone: p.phoneDigits[0] ? writePhone(p.phoneDigits[0], phoneStyle) : undefined,
    email: p.email,
    socialCategory: p.socialCategory ?? undefined,
  };
}

interface StaffSession {
  token: string;
  userId: string;
}

interface Returning {
  person: Person;
  contactId: string;
  topic: (typeof TOPICS)[number];
}

export async function fillDemoOffice(handle: OfficeHandle, opts: DemoOptions = {}): Promise<DemoResult> {
  const call = caller(handle);
  const status = await call('setup.status', {});
  if (status.initialized)
    throw new Error('fillDemoOffice: this database already has an office; use a new one');
  const rng = new Rng(opts.seed ?? 1);
  const total = opts.appeals ?? 300;
  const city = rng.pick(CITIES);
  const deputy = makePerson(rng, { city });
  const code = officeCode(deputy.surname);
  const initials = initialsOf(deputy).split(' ')[1]!;
  const officeName = `Приёмная депутата Государственной Думы ${genitiveSurname(deputy.surname, deputy.gender)} ${initials}`;

  const staff = [makePerson(rng, { city }), makePerson(rng, { city }), makePerson(rng, { city })];
  await call('setup.init', {
    office: {
      name: officeName,
      code,
      region: city.region,
      timeZone: city.timeZone,
      deputyName: fullNameOf(deputy),
      address: `г. ${city.name}, ${rng.pick(city.streets)}, д. ${rng.int(1, 60)}, каб. ${rng.int(1, 30)}`,
      phone: writePhone(city.codes[0]! + String(rng.int(2_000_000, 9_999_999)), 1),
      email: `priemnaya.${transliterate(deputy.surname)}@mail.ru`,
    },
    admin: { login: DEMO_ADMIN_LOGIN, fullName: fullNameOf(staff[0]!), password: DEMO_PASSWORD },
  });
  const admin = await call('auth.signIn', { login: DEMO_ADMIN_LOGIN, password: DEMO_PASSWORD });
  const people: [string, Person, Input<'users.create'>['role']][] = [
    ['head', staff[1]!, 'office_head'],
    ['deputy', deputy, 'deputy'],
    ['assistant1', staff[2]!, 'assistant'],
    ['assistant2', makePerson(rng, { city }), 'assistant'],
  ];
  for (const [login, p, role] of people)
    await call(
      'users.create',
      { login, fullName: fullNameOf(p), role, password: DEMO_PASSWORD },
      admin.token,
    );

  const desks: StaffSession[] = [];
  for (const login of ['assistant1', 'assistant2', 'head']) {
    const s = await call('auth.signIn', { login, password: DEMO_PASSWORD });
    desks.push({ token: s.token, userId: s.user.id });
  }

  const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);
  const today = localDate(handle.clock.now(), city.timeZone);
  const dates = Array.from({ length: total }, () => rng.int(0, SPAN_DAYS))
    .sort((a, b) => b - a)
    .map((ago) => {
      const d = addCalendarDays(today, -ago);
      return calendar.isWorkingDay(d) ? d : calendar.previousWorkingDay(d);
    });

  const returning: Returning[] = [];
  const made: DemoAppeal[] = [];
  const registeredAppeals: Registered[] = [];
  let registered = 0;
  for (const registeredOn of dates) {
    const desk = rng.weighted<StaffSession>([
      [desks[0]!, 55],
      [desks[1]!, 35],
      [desks[2]!, 10],
    ]);
    const other = desk === desks[0] ? desks[1]! : desks[0]!;
    const roll = rng.next();
    let input: RegisterAppealInput;
    let keep: Omit<Returning, 'contactId'> | null = null;
    if (roll < 0.04) {
      const p = makePerson(rng, { city, emailChance: 0.5 });
      const d = appealDraft(rng, p, { anonymous: true });
      input = { ...d, isAnonymous: true, channel: p.email ? 'web' : 'post', applicant: { email: p.email } };
    } else if (roll < 0.11) {
      const p = makePerson(rng, { city });
      const d = appealDraft(rng, p, { collective: true });
      input = {
        ...d,
        isCollective: true,
        signatories: rng.int(3, 150),
        applicant: applicantOf(p, rng.int(0, PHONE_STYLES - 1)),
      };
    } else if (roll < 0.3 && returning.length > 0) {
      const r = rng.pick(returning);
      const same = rng.chance(0.6);
      const d = appealDraft(rng, r.person, same ? { topic: r.topic } : {});
      const contactId = await findContact(call, r.person, rng.int(0, PHONE_STYLES - 1), desk.token);
      if (contactId !== r.contactId) throw new Error(`demo: lookup found ${contactId}, not ${r.contactId}`);
      input = { ...d, isRepeat: same, applicant: { contactId } };
    } else {
      const p = makePerson(rng, { city: rng.chance(0.9) ? city : rng.pick(CITIES) });
      const topic = pickTopic(rng);
      input = { ...appealDraft(rng, p, { topic }), applicant: applicantOf(p, rng.int(0, PHONE_STYLES - 1)) };
      if (rng.chance(0.3)) keep = { person: p, topic };
    }
    input = { ...input, ...deskFields(rng, input.channel, registeredOn, other.userId) };
    const { card, matched } = await registerAs(call, input, desk.token);
    made.push({ id: card.id, registeredOn, deskToken: desk.token });
    registered++;
    registeredAppeals.push({
      id: card.id,
      registeredOn,
      applicantId: card.applicant.id,
      local: card.applicant.address?.includes(`г. ${city.name},`) ?? false,
    });
    // Someone taken for a known contact is left out: the desk would find them by that contact's details.
    if (keep && !matched) returning.push({ ...keep, contactId: card.applicant.id });
  }
  if (opts.answered) {
    const deputyToken = (await call('auth.signIn', { login: 'deputy', password: DEMO_PASSWORD })).token;
    await placeApplicants(call, rng, registeredAppeals, desks[0]!.token);
    await answerAppeals(call, rng, registeredAppeals, opts.answered, today, desks[0]!.token, deputyToken);
  }
  const events = await fillDemoEvents(call, rng, desks, today);
  // With a share to answer given, the statistics' history above has moved the appeals already.
  if (!opts.answered) {
    const deputySession = await call('auth.signIn', { login: 'deputy', password: DEMO_PASSWORD });
    await advanceDemoAppeals(call, rng, made, today, deputySession.token);
  }
  return { adminLogin: DEMO_ADMIN_LOGIN, password: DEMO_PASSWORD, appeals: registered, events };
}

/** What the desk fills in besides the letter: dates, sheets, who is responsible, where it came from. */
function deskFields(
  rng: Rng,
  channel: RegisterAppealInput['channel'],
  registeredOn: string,
  otherAssistant: string,
): Partial<RegisterAppealInput> {
  const byPost = channel === 'post' || channel === 'forwarded';
  const receivedOn = byPost ? addCalendarDays(registeredOn, -rng.int(0, 2)) : registeredOn;
  const fields: Partial<RegisterAppealInput> = {
    registeredOn,
    receivedOn,
    sheets: byPost ? rng.int(1, 6) : 1,
    onControl: rng.chance(0.1),
  };
  if (byPost && rng.chance(0.3)) fields.attachmentsNote = `копии документов на ${rng.int(1, 12)} л.`;
  if (rng.chance(0.2)) fields.responsibleId = otherAssistant;
  if (channel === 'forwarded')
    fields.forwardedFrom = {
      body: rng.pick([
        'Аппарат Государственной Думы',
        'Администрация Президента РФ',
        'Региональная приёмная',
      ]),
      outgoingNumber: `${rng.int(1, 99)}-${rng.int(100, 9999)}`,
      date: addCalendarDays(receivedOn, -rng.int(2, 10)),
    };
  return fields;
}

/**
 * The desk finds a returning applicant as it would: by the phone (written some other way), else by the name
 * typed into the search, checking the patronymic and the address in the suggestions.
 */
async function findContact(call: Call, p: Person, style: number, token: string): Promise<string> {
  const phone = p.phoneDigits[0];
  const match = phone
    ? (await call('contacts.lookup', { phone: writePhone(phone, style) }, token)).find(
        (c) => c.matchedBy === 'phone',
      )
    : (
        await call('contacts.lookup', { lastName: p.lastName, firstName: p.firstName, limit: 50 }, token)
      ).find((c) => c.fullName === fullNameOf(p) && c.address === p.address);
  if (!match) throw new Error(`demo: ${fullNameOf(p)} is not found among contacts`);
  return match.id;
}

/** A new applicant who looks like a known contact is taken as that contact, as the desk would confirm. */
async function registerAs(
  call: Call,
  input: RegisterAppealInput,
  token: string,
): Promise<{ card: Output<'appeals.register'>; matched: boolean }> {
  try {
    return { card: await call('appeals.register', input, token), matched: false };
  } catch (e) {
    if (!(e instanceof DemoError) || e.code !== 'applicant_match') throw e;
    const candidates = (e.details as { candidates: { id: string }[] }).candidates;
    const applicant = { contactId: candidates[0]!.id };
    return { card: await call('appeals.register', { ...input, applicant }, token), matched: true };
  }
}
