import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import {
  type AgeGroup,
  CLASS_CODE_LENGTH,
  CLASS_CODE_MINUTES,
  CODE_ALPHABET,
  KIOSK_HOURS,
  PERSONAL_CODE_LENGTH,
  PUPIL_PAGE_PATHS,
  PUPIL_SESSION_MINUTES,
} from '../../../shared/checkin';
import { isPupilSymbolKey, PUPIL_SYMBOL_KEYS, type PupilSymbolKey, pupilSymbolOf } from '../../../shared/checkin-symbols';
import type { Locale } from '../../../shared/roles';
import { recordAudit } from '../../audit/audit.service';
import type { ResolvedDevice, StaffCaller } from '../../access/caller';
import { isPupilInClass, mayRunClassDevices } from '../../access/record-scope';
import type { Database } from '../../db/database';
import { type Clock, type Deps, hashSecret, isoInstant, newId, newSecretToken } from '../../deps';
import { AppError } from '../../errors';
import { lastNameSortKey } from '../pupils/pupils.service';
import { findClass } from '../tenancy/tenancy.repository';
import * as repository from './checkin-access.repository';
import { ageGroupOfClass, buildCheckinForm } from './checkin-form';
import type { ClassCode, ClassKiosks, ClassSymbols, KioskSession, LoginCards, PupilSession, PupilSignInBody, PupilSymbol, PupilSymbolChoice } from './checkin.schemas';
import { schoolDateOf, schoolYearAt } from '../../../shared/school-time';


/** A new device secret (cookie value; only its hash is stored), its CSRF token and when it ends. */
interface NewDevice {
  token: string;
  expiresAt: Date;
}

// Attempts before giving up on a code that is not yet in use: with 27^6 class codes and 27^8 personal
// codes, even one repeat is rare, and several in a row mean something is broken.
const MAX_CODE_ATTEMPTS = 10;

// ---------- resolving pupil and kiosk cookies (auth hook) ----------

/**
 * Resolves a pupil cookie to a live own-device session, or null. Ends a session that ran out or
 * whose pupil is no longer placed in its class.
 */
export async function resumePupilDevice(db: Kysely<Database>, clock: Clock, cookie: string): Promise<ResolvedDevice<'pupil'> | null> {
  const idHash = hashSecret(cookie);
  const row = await repository.findLivePupilSession(db, idHash, schoolYearAt(clock.now()));
  if (!row || clock.now().getTime() >= Date.parse(row.expires_at)) {
    await repository.deletePupilSession(db, idHash);
    return null;
  }
  return { idHash, pupilId: row.pupil_id, classId: row.class_id, schoolId: row.school_id, csrfToken: row.csrf_token };
}

/**
 * Resolves a kiosk cookie to a class device in kiosk mode, or null. Ends kiosk mode that ran out, and kiosk mode
 * whose opener may no longer open it (disabled, no longer in the school in that role, no longer teaching the class).
 */
export async function resumeKioskDevice(db: Kysely<Database>, clock: Clock, cookie: string): Promise<ResolvedDevice<'kiosk'> | null> {
  const idHash = hashSecret(cookie);
  const row = await repository.findLiveKioskDevice(db, idHash, schoolYearAt(clock.now()));
  if (!row || clock.now().getTime() >= Date.parse(row.expires_at)) {
    await repository.deleteKioskDevice(db, idHash);
    return null;
  }
  return { idHash, classId: row.class_id, schoolId: row.school_id, csrfToken: row.csrf_token };
}

// ---------- the pupil's own device ----------

/**
 * Signs a pupil in on their own device: the class code must be valid and the personal code must belong
 * to a pupil placed in that class this school year. Every wrong combination answers the same
 * `invalid_credentials`, so an attempt tells nothing about which part was wrong.
 */
export async function signInPupil(
  deps: Deps,
  codes: PupilSignInBody,
  locale: Locale,
  previousCookie?: string,
): Promise<NewDevice & { session: PupilSession }> {
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const [classCode, pupilCode] = [
    await repository.findValidClassCode(db, hashSecret(codes.classCode), isoInstant(now)),
    // A login card printed in an earlier school year stops working when the new school year starts.
    await repository.findPupilByCode(db, hashSecret(codes.personalCode)).then((row) => (row && schoolYearAt(new Date(row.issued_at)) >= schoolYearAt(now) ? row : undefined)),
  ];
  const placement =
    classCode && pupilCode ? await repository.findPlacementInYear(db, classCode.class_id, pupilCode.pupil_id, schoolYearAt(now)) : undefined;
  if (!classCode) throw new AppError('invalid_credentials');
  if (!pupilCode || !placement) {
    // With a valid class code this is someone in (or near) the class: worth a line in the class's log.
    // Wrong class codes are only throttled, so guessing them cannot flood the audit log.
    await recordSignInFailure(deps, classCode.class_id);
    throw new AppError('invalid_credentials');
  }

  // A fresh id at every sign-in: a cookie planted before it is worth nothing after it.
  if (previousCookie) await repository.deletePupilSession(db, hashSecret(previousCookie));
  // Sign-ins carry the clean-up of sessions and class codes that ran out meanwhile.
  await repository.deleteExpiredPupilSessions(db, isoInstant(now));
  await repository.deleteExpiredClassCodes(db, isoInstant(now));
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const expiresAt = new Date(now.getTime() + PUPIL_SESSION_MINUTES * 60_000);
  await repository.insertPupilSession(db, {
    id_hash: hashSecret(token),
    pupil_id: pupilCode.pupil_id,
    class_id: placement.class_id,
    csrf_token: csrfToken,
    created_at: isoInstant(now),
    expires_at: isoInstant(expiresAt),
  });
  const pupil: ResolvedDevice<'pupil'> = { idHash: hashSecret(token), pupilId: pupilCode.pupil_id, classId: placement.class_id, schoolId: placement.school_id, csrfToken };
  return { token, expiresAt, session: await describePupilSession(deps, pupil, locale) };
}

async function recordSignInFailure(deps: Deps, classId: string): Promise<void> {
  const db = deps.db.kysely;
  const place = await repository.findSchoolOfClass(db, classId);
  await recordAudit(db, deps.clock, {
    actorUserId: null,
    action: 'checkin.pupil_sign_in_failed',
    targetType: 'class',
    targetId: classId,
    schoolId: place?.school_id ?? null,
    boardId: place?.board_id ?? null,
  });
}

/** What the pupil page needs for a live own-device session: first name, CSRF token, form and today's state. */
export async function describePupilSession(deps: Deps, pupil: ResolvedDevice<'pupil'>, locale: Locale): Promise<PupilSession> {
  const db = deps.db.kysely;
  const row = await repository.findPupilOfSession(db, pupil.pupilId);
  if (!row) throw new AppError('not_authenticated');
  const today = await repository.findLatestStateOn(db, pupil.pupilId, schoolDateOf(deps.clock.now()));
  return {
    firstName: row.first_name,
    csrfToken: pupil.csrfToken,
    form: await formOfClass(db, pupil.schoolId, pupil.classId, locale),
    today: (today?.state as PupilSession['today'] | undefined) ?? null,
  };
}

/** Ends an own-device session. */
export async function signOutPupil(db: Kysely<Database>, pupil: ResolvedDevice<'pupil'>): Promise<void> {
  await repository.deletePupilSession(db, pupil.idHash);
}

// ---------- the class device (kiosk) ----------

/**
 * Opens kiosk mode for a class on the device the request came from (the caller sets the cookie).
 * Only a teacher of the class may (`requireManagedClass`); anyone else gets not_found.
 * The kiosk works as long as that stays so, at most KIOSK_HOURS.
 */
export async function openKiosk(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<NewDevice & { session: KioskSession }> {
  const db = deps.db.kysely;
  requireRunningSchoolYear(await requireManagedClass(db, caller, schoolId, classId), deps.clock);
  const now = deps.clock.now();
  await repository.deleteExpiredKioskDevices(db, isoInstant(now));
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const expiresAt = new Date(now.getTime() + KIOSK_HOURS * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await repository.insertKioskDevice(trx, {
      id: newId(),
      id_hash: hashSecret(token),
      class_id: classId,
      csrf_token: csrfToken,
      opened_by: caller.userId,
      created_at: isoInstant(now),
      expires_at: isoInstant(expiresAt),
    });
    // The device will show the class's names to whoever stands in front of it.
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'checkin.kiosk_opened',
      targetType: 'class',
      targetId: classId,
      schoolId,
      boardId: caller.schoolBoardId ?? null,
      detail: { hours: KIOSK_HOURS },
    });
  });
  const kiosk: ResolvedDevice<'kiosk'> = { idHash: hashSecret(token), classId, schoolId, csrfToken };
  return { token, expiresAt, session: await describeKiosk(deps, kiosk, caller.locale) };
}

/** What the class device shows: the class's pupils by first name and initial (with whether they checked in today) and the form. */
export async function describeKiosk(deps: Deps, kiosk: ResolvedDevice<'kiosk'>, locale: Locale): Promise<KioskSession> {
  const db = deps.db.kysely;
  const device = await repository.findKioskDevice(db, kiosk.idHash);
  const schoolClass = await repository.findClassName(db, kiosk.classId);
  if (!device || !schoolClass) throw new AppError('not_authenticated');
  const checkedIn = await repository.findPupilIdsCheckedIn(db, kiosk.classId, schoolDateOf(deps.clock.now()));
  const pupils = shortNamesOf(await repository.listPupilsOfClass(db, kiosk.classId));
  const form = await formOfClass(db, kiosk.schoolId, kiosk.classId, locale);
  return {
    className: schoolClass.name,
    csrfToken: kiosk.csrfToken,
    expiresAt: device.expires_at,
    pupils: pupils.map((pupil) => ({ pupilId: pupil.id, displayName: pupil.displayName, checkedInToday: checkedIn.has(pupil.id), symbol: symbolKeyOf(pupil.symbol) })),
    symbols: allSymbols(locale),
    // Young pupils find their name by a picture; older ones read it.
    asksForSymbol: form.ageGroup === 'young',
    form,
  };
}

/**
 * A pupil chooses their name symbol on the class device. Only a pupil without one may: on a shared device anyone
 * can tap any name, so a symbol once chosen is changed only by the teacher. 409 `conflict` when one is set already.
 */
export async function chooseSymbolOnKiosk(deps: Deps, kiosk: ResolvedDevice<'kiosk'>, pupilId: string, symbol: PupilSymbolKey): Promise<PupilSymbolChoice> {
  const db = deps.db.kysely;
  if (!(await isPupilInClass(db, kiosk.classId, pupilId))) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    const stored = await repository.insertPupilSymbolIfNone(trx, { pupil_id: pupilId, symbol, set_by: null, updated_at: isoInstant(deps.clock.now()) });
    if (!stored) throw new AppError('conflict');
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'checkin.symbol_changed',
      targetType: 'pupil',
      targetId: pupilId,
      schoolId: kiosk.schoolId,
      boardId: (await repository.findSchoolOfClass(trx, kiosk.classId))?.board_id ?? null,
      detail: { symbol, by: 'class_device', classId: kiosk.classId },
    });
  });
  return { pupilId, symbol };
}

/**
 * Ends kiosk mode on a device: the teacher closes it on the device itself (the page asks for a long press and a
 * confirmation first, so a pupil does not close it by accident). Audited like a close from the staff side.
 */
export async function closeKiosk(deps: Deps, kiosk: ResolvedDevice<'kiosk'>): Promise<void> {
  const db = deps.db.kysely;
  const device = await repository.findKioskDevice(db, kiosk.idHash);
  const place = await repository.findSchoolOfClass(db, kiosk.classId);
  await db.transaction().execute(async (trx) => {
    await repository.deleteKioskDevice(trx, kiosk.idHash);
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'checkin.kiosk_closed',
      targetType: 'class',
      targetId: kiosk.classId,
      schoolId: kiosk.schoolId,
      boardId: place?.board_id ?? null,
      detail: { count: 1, kioskIds: device ? [device.id] : [], on: 'class_device' },
    });
  });
}

/** The kiosks of a class that still work: when opened, by whom and until when — never their secret or its hash. */
export async function listClassKiosks(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<ClassKiosks> {
  const db = deps.db.kysely;
  await requireManagedClass(db, caller, schoolId, classId);
  const rows = await repository.listLiveKioskDevicesOfClass(db, classId, isoInstant(deps.clock.now()));
  return {
    kiosks: rows.map((row) => ({ id: row.id, openedAt: row.created_at, openedBy: { id: row.opened_by, name: row.opened_by_name }, expiresAt: row.expires_at })),
  };
}

/**
 * Closes kiosk mode on devices of a class from the staff side: the one named (404 when the class has no kiosk by
 * that id), or all of them. The devices answer 401 on their next request. Audited with the ids when any closed.
 */
export async function closeClassKiosks(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, kioskId?: string): Promise<{ closed: number }> {
  const db = deps.db.kysely;
  await requireManagedClass(db, caller, schoolId, classId);
  const closed = await db.transaction().execute(async (trx) => {
    const kioskIds = await repository.deleteKioskDevicesOfClass(trx, classId, kioskId);
    if (kioskIds.length > 0) {
      await recordAudit(trx, deps.clock, {
        actorUserId: caller.userId,
        action: 'checkin.kiosk_closed',
        targetType: 'class',
        targetId: classId,
        schoolId,
        boardId: caller.schoolBoardId ?? null,
        detail: { count: kioskIds.length, kioskIds },
      });
    }
    return kioskIds.length;
  });
  if (kioskId !== undefined && closed === 0) throw new AppError('not_found');
  return { closed };
}

// ---------- class codes, login cards, class settings (staff) ----------

/** Makes a class code for a class: random, shown once, valid CLASS_CODE_MINUTES, stored as a hash. */
export async function createClassCode(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<ClassCode> {
  const db = deps.db.kysely;
  requireRunningSchoolYear(await requireManagedClass(db, caller, schoolId, classId), deps.clock);
  const now = deps.clock.now();
  await repository.deleteExpiredClassCodes(db, isoInstant(now));
  const code = await unusedCode(CLASS_CODE_LENGTH, (hash) => repository.classCodeExists(db, hash));
  const expiresAt = isoInstant(new Date(now.getTime() + CLASS_CODE_MINUTES * 60_000));
  await repository.insertClassCode(db, { code_hash: hashSecret(code), class_id: classId, created_by: caller.userId, created_at: isoInstant(now), expires_at: expiresAt });
  return { code, expiresAt };
}

/**
 * Issues login cards: a new personal code for each pupil asked for (all pupils of the class when none
 * are named), replacing any earlier code and ending that pupil's own-device sessions. Each card has a QR
 * code for `<base>/leerling#kaart=<code>` (a fragment, so the code never reaches a server log).
 * Audited with the count, never the codes.
 */
export async function issueLoginCards(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  classId: string,
  pupilIds: readonly string[] | undefined,
  baseUrl: string,
): Promise<LoginCards> {
  const db = deps.db.kysely;
  const schoolClass = requireRunningSchoolYear(await requireManagedClass(db, caller, schoolId, classId), deps.clock);
  const placed = shortNamesOf(await repository.listPupilsOfClass(db, classId));
  const wanted = pupilIds === undefined ? placed : pupilsNamed(placed, pupilIds);
  const now = isoInstant(deps.clock.now());
  const codes = new Map<string, string>();
  for (const pupil of wanted) codes.set(pupil.id, await unusedCode(PERSONAL_CODE_LENGTH, async (hash) => (await repository.pupilCodeExists(db, hash)) || [...codes.values()].some((code) => hashSecret(code) === hash)));
  await db.transaction().execute(async (trx) => {
    await repository.replacePupilCodes(
      trx,
      wanted.map((pupil) => ({ pupil_id: pupil.id, code_hash: hashSecret(codes.get(pupil.id) ?? ''), issued_by: caller.userId, issued_at: now })),
    );
    await repository.deletePupilSessionsOfPupils(trx, wanted.map((pupil) => pupil.id));
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'checkin.cards_issued',
      targetType: 'class',
      targetId: classId,
      schoolId,
      boardId: caller.schoolBoardId ?? null,
      detail: { count: wanted.length },
    });
  });
  const cards = [];
  for (const pupil of wanted) {
    const code = codes.get(pupil.id) ?? '';
    const symbol = symbolKeyOf(pupil.symbol);
    cards.push({
      pupilId: pupil.id,
      displayName: pupil.displayName,
      code,
      qrSvg: await qrSvgOf(cardUrlOf(baseUrl, code)),
      symbol: symbol ? pupilSymbolOf(symbol, caller.locale) : null,
    });
  }
  return { className: schoolClass.name, cards };
}

/** The name symbols of a class for its teacher: every symbol (in the teacher's language) and each pupil with theirs. */
export async function listClassSymbols(deps: Deps, caller: StaffCaller, schoolId: string, classId: string): Promise<ClassSymbols> {
  const db = deps.db.kysely;
  await requireManagedClass(db, caller, schoolId, classId);
  const pupils = shortNamesOf(await repository.listPupilsOfClass(db, classId));
  return { symbols: allSymbols(caller.locale), pupils: pupils.map((pupil) => ({ pupilId: pupil.id, displayName: pupil.displayName, symbol: symbolKeyOf(pupil.symbol) })) };
}

/** A teacher of the class sets a pupil's name symbol, or clears it (null) so the pupil chooses again on the class device. */
export async function setPupilSymbol(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  classId: string,
  pupilId: string,
  symbol: PupilSymbolKey | null,
): Promise<PupilSymbolChoice> {
  const db = deps.db.kysely;
  await requireManagedClass(db, caller, schoolId, classId);
  if (!(await isPupilInClass(db, classId, pupilId))) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    if (symbol === null) await repository.deletePupilSymbol(trx, pupilId);
    else await repository.upsertPupilSymbol(trx, { pupil_id: pupilId, symbol, set_by: caller.userId, updated_at: isoInstant(deps.clock.now()) });
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'checkin.symbol_changed',
      targetType: 'pupil',
      targetId: pupilId,
      schoolId,
      boardId: caller.schoolBoardId ?? null,
      detail: { symbol, by: 'teacher', classId },
    });
  });
  return { pupilId, symbol };
}

function allSymbols(locale: Locale): PupilSymbol[] {
  return PUPIL_SYMBOL_KEYS.map((key) => pupilSymbolOf(key, locale));
}

// A stored symbol that is no longer in the set (a later release dropped it) counts as none: the pupil chooses again.
function symbolKeyOf(stored: string | null): PupilSymbolKey | null {
  return isPupilSymbolKey(stored) ? stored : null;
}

/** Chooses the age group (words and picture symbols) of a class. */
export async function saveClassSettings(deps: Deps, caller: StaffCaller, schoolId: string, classId: string, ageGroup: AgeGroup): Promise<{ ageGroup: AgeGroup }> {
  const db = deps.db.kysely;
  await requireManagedClass(db, caller, schoolId, classId);
  await repository.upsertClassSettings(db, { class_id: classId, age_group: ageGroup, updated_by: caller.userId, updated_at: isoInstant(deps.clock.now()) });
  return { ageGroup };
}

/** The address a login card's QR code opens: the pupil page with the personal code in the fragment. */
export function cardUrlOf(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${PUPIL_PAGE_PATHS.ownDevice}#kaart=${code}`;
}

/**
 * Short names for a class list: first name and the initial of the last name without its tussenvoegsel
 * ("Sanne V."); pupils who would share a short name get their full last name instead.
 */
export function shortNamesOf<T extends { first_name: string; last_name: string }>(pupils: readonly T[]): (T & { displayName: string })[] {
  const shortOf = (pupil: T) => `${pupil.first_name} ${lastNameSortKey(pupil.last_name).charAt(0).toUpperCase()}.`.trim();
  const counts = new Map<string, number>();
  for (const pupil of pupils) counts.set(shortOf(pupil), (counts.get(shortOf(pupil)) ?? 0) + 1);
  return pupils
    .map((pupil) => ({ ...pupil, displayName: (counts.get(shortOf(pupil)) ?? 0) > 1 ? `${pupil.first_name} ${pupil.last_name}` : shortOf(pupil) }))
    .sort((left, right) => collator.compare(left.displayName, right.displayName));
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** A random code of the given length from CODE_ALPHABET (CSPRNG, no modulo bias). */
export function randomCode(length: number): string {
  let code = '';
  for (let index = 0; index < length; index += 1) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code;
}

async function unusedCode(length: number, isTaken: (hash: string) => Promise<boolean>): Promise<string> {
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const code = randomCode(length);
    if (!(await isTaken(hashSecret(code)))) return code;
  }
  throw new AppError('internal_error', { detail: 'no unused code found' });
}

// Need-to-know: a class of another school, or one the teacher does not teach, is "not found". The same rule
// (`mayRunClassDevices`) keeps a kiosk open afterwards, so opening and staying open never disagree.
async function requireManagedClass(db: Kysely<Database>, caller: StaffCaller, schoolId: string, classId: string) {
  const schoolClass = await findClass(db, schoolId, classId);
  if (!schoolClass || !(await mayRunClassDevices(db, caller.userId, classId))) throw new AppError('not_found');
  return schoolClass;
}

// Class codes, login cards and kiosks are for the classes of this school year (or a prepared next one): those of
// an ended school year refuse, while what happened in them stays readable.
function requireRunningSchoolYear<T extends { school_year: string }>(schoolClass: T, clock: Clock): T {
  if (schoolClass.school_year < schoolYearAt(clock.now())) throw new AppError('school_year_ended');
  return schoolClass;
}

function pupilsNamed<T extends { id: string }>(placed: readonly T[], pupilIds: readonly string[]): T[] {
  const byId = new Map(placed.map((pupil) => [pupil.id, pupil]));
  const wanted = [...new Set(pupilIds)].map((id) => byId.get(id));
  // A pupil who is not in this class is not the caller's to know about.
  if (wanted.some((pupil) => pupil === undefined)) throw new AppError('not_found');
  return wanted as T[];
}

async function formOfClass(db: Kysely<Database>, schoolId: string, classId: string, locale: Locale) {
  return buildCheckinForm(db, schoolId, (await ageGroupOfClass(db, classId)) ?? 'middle', locale);
}

async function qrSvgOf(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
