import type { Kysely } from 'kysely';
import { type AceAnswer, type AceCategory, type AceInformant, combineAces, DEFAULT_ACE_CATEGORIES, newestAceAnswers } from '../../../shared/aces';
import { BREAK_GLASS_MINUTES } from '../../../shared/care';
import { type Instrument, scaleRangeOf } from '../../../shared/questionnaire-instrument';
import type { ReferralStatus } from '../../../shared/referrals';
import { addDays, schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import { proposesReferral, scoreScreening, totalScaleOf } from '../../../shared/screening';
import type { StaffCaller } from '../../access/caller';
import { isCareTeamOf, isPupilInScope, pupilScopeOf } from '../../access/record-scope';
import { recordAudit } from '../../audit/audit.service';
import type { AuditAction } from '../../audit/audit.service';
import { assertCurrentPassword } from '../../auth/account.service';
import { assertStepUpCode } from '../../auth/mfa.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { breakGlassMail } from '../../mail/templates';
import { schoolSignalsToday } from '../checkin/checkin-teacher.service';
import { listPupilsWithClass } from '../pupils/pupils.repository';
import { findSchool } from '../tenancy/tenancy.repository';
import * as conversationsRepository from './care-conversations.repository';
import * as referralsRepository from './care-referrals.repository';
import * as repository from './care.repository';
import { listStaffChoices } from '../staff/staff.repository';
import type {
  AddScreeningBody,
  BreakGlassBody,
  BreakGlassPupils,
  CareAccess,
  CareFile,
  CareOverview,
  CarePlanContent,
  CarePlanVersion,
  PupilAces,
  PupilScreenings,
  SaveAcesBody,
  Screening,
} from './care.schemas';
import { carePlanContentSchema } from './care.schemas';
import { screeningInstrumentOf, screeningInstruments } from './screening-instruments';

// One pupil's care (issue 14). Need-to-know: the care team reads every pupil's file; a teacher the pupils placed in
// their classes this school year; anyone else only a pupil they opened by break-glass, for 60 minutes, read-only.
// ACEs and screenings are the care team's alone (the route policy already keeps everyone else out). Every read of a
// pupil's care data writes one audit event: who, which pupil, what, and by which right (`via`).

/** How far back the care overview lists break-glass openings. */
const BREAK_GLASS_OVERVIEW_DAYS = 30;
/** How far back the care overview lists conversations shared with the care team (by the day they were held). */
const SHARED_CONVERSATIONS_OVERVIEW_DAYS = 30;

// ---------- need-to-know ----------

/** The caller's right to this pupil's file; 404 (the record's existence is not confirmed) without one. */
export async function careAccessOf(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<CareAccess> {
  const db = deps.db.kysely;
  if (isCareTeamOf(caller.actor, schoolId)) return { via: 'care_team' };
  const scope = pupilScopeOf(caller.actor, schoolId, 'care');
  if (await isPupilInScope(db, scope, schoolId, pupilId, schoolYearAt(deps.clock.now()))) return { via: 'teacher' };
  const open = await repository.findOpenBreakGlass(db, schoolId, pupilId, caller.userId, isoInstant(deps.clock.now()));
  if (open) return { via: 'break_glass', expiresAt: open.expires_at };
  throw new AppError('not_found');
}

/** The pupil of the school with their class this school year; 404 for an id that is no pupil of the school. */
export async function requirePupil(deps: Deps, schoolId: string, pupilId: string) {
  const [pupil] = await listPupilsWithClass(deps.db.kysely, schoolId, schoolYearAt(deps.clock.now()), { pupilId, scope: { wholeSchool: true } });
  if (!pupil) throw new AppError('not_found');
  return pupil;
}

/** Writing trusted adults and the plan: the care team and the pupil's own teachers, never by break-glass. */
async function requireWriteAccess(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<void> {
  await requirePupil(deps, schoolId, pupilId);
  const access = await careAccessOf(deps, caller, schoolId, pupilId);
  if (access.via === 'break_glass') throw new AppError('forbidden', { detail: 'break-glass access reads the plan only' });
}

/** One audit event about a pupil (or, with `pupilId` null, the school) outside a transaction: a read. */
export async function auditRead(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string | null, action: AuditAction, detail: Record<string, unknown>) {
  await auditWrite(deps.db.kysely, deps, caller, schoolId, pupilId, action, detail);
}

/** One audit event about a pupil (or, with `pupilId` null, the school) inside the write's transaction. */
export async function auditWrite(
  trx: Parameters<typeof recordAudit>[0],
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  pupilId: string | null,
  action: AuditAction,
  detail: Record<string, unknown>,
) {
  await recordAudit(trx, deps.clock, {
    actorUserId: caller.userId,
    action,
    targetType: pupilId === null ? 'school' : 'pupil',
    targetId: pupilId ?? schoolId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail,
  });
}

// ---------- the file: trusted adults and the support plan ----------

/** A pupil's care file as the caller may see it: trusted adults and the current plan, with the plan's versions. */
export async function getCareFile(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<CareFile> {
  const db = deps.db.kysely;
  const pupil = await requirePupil(deps, schoolId, pupilId);
  const access = await careAccessOf(deps, caller, schoolId, pupilId);
  const [adults, versions] = await Promise.all([repository.listTrustedAdults(db, schoolId, pupilId), repository.listPlanVersions(db, schoolId, pupilId)]);
  const newest = versions[0];
  const plan = newest ? await planVersionOf(deps, schoolId, pupilId, newest) : null;
  await auditRead(deps, caller, schoolId, pupilId, 'care.file_read', { via: access.via, parts: ['trusted_adults', 'plan'] });
  return {
    pupil: { id: pupil.id, firstName: pupil.first_name, lastName: pupil.last_name, className: pupil.class_name ?? null },
    access,
    trustedAdults: await Promise.all(
      adults.map(async (adult) => ({
        id: adult.id,
        userId: adult.user_id,
        name: adult.name,
        why: await deps.fieldCrypto.decrypt(encryptedFieldRef('care_trusted_adults', 'why_encrypted', [adult.id]), adult.why_encrypted),
        createdAt: adult.created_at,
      })),
    ),
    plan,
    planVersions: versions.map((version) => ({ version: version.version, createdAt: version.created_at, authorName: version.author_name })),
    staffChoices: access.via === 'break_glass' ? [] : (await listStaffChoices(db, schoolId)).map((staff) => ({ userId: staff.id, name: staff.name })),
  };
}

/** An earlier version of the pupil's plan (versions are kept, never overwritten). */
export async function getPlanVersion(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, version: number): Promise<CarePlanVersion> {
  await requirePupil(deps, schoolId, pupilId);
  const access = await careAccessOf(deps, caller, schoolId, pupilId);
  const row = (await repository.listPlanVersions(deps.db.kysely, schoolId, pupilId)).find((candidate) => candidate.version === version);
  if (!row) throw new AppError('not_found');
  const plan = await planVersionOf(deps, schoolId, pupilId, row);
  await auditRead(deps, caller, schoolId, pupilId, 'care.plan_version_read', { via: access.via, version });
  return plan;
}

async function planVersionOf(
  deps: Deps,
  schoolId: string,
  pupilId: string,
  row: { id: string; version: number; review_on: string; created_at: string; author_name: string | null },
): Promise<CarePlanVersion> {
  const sealed = await repository.findPlanContent(deps.db.kysely, schoolId, pupilId, row.version);
  if (!sealed) throw new AppError('not_found');
  const content = carePlanContentSchema.parse(JSON.parse(await deps.fieldCrypto.decrypt(encryptedFieldRef('care_support_plans', 'content_encrypted', [sealed.id]), sealed.content_encrypted)));
  return {
    version: row.version,
    content,
    reviewOn: row.review_on,
    reviewOverdue: row.review_on < schoolDateOf(deps.clock.now()),
    createdAt: row.created_at,
    authorName: row.author_name,
  };
}

/** Saves the plan as a new version (the earlier ones stay readable). */
export async function savePlan(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, body: { content: CarePlanContent; reviewOn: string }): Promise<CarePlanVersion> {
  await requireWriteAccess(deps, caller, schoolId, pupilId);
  const id = newId();
  const createdAt = isoInstant(deps.clock.now());
  const sealed = await deps.fieldCrypto.encrypt(encryptedFieldRef('care_support_plans', 'content_encrypted', [id]), JSON.stringify(body.content));
  const version = await deps.db.kysely.transaction().execute(async (trx) => {
    const next = ((await repository.listPlanVersions(trx, schoolId, pupilId))[0]?.version ?? 0) + 1;
    await repository.insertPlanVersion(trx, { id, school_id: schoolId, pupil_id: pupilId, version: next, content_encrypted: sealed, review_on: body.reviewOn, created_by: caller.userId, created_at: createdAt });
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.plan_saved', { version: next, reviewOn: body.reviewOn });
    return next;
  });
  return {
    version,
    content: body.content,
    reviewOn: body.reviewOn,
    reviewOverdue: body.reviewOn < schoolDateOf(deps.clock.now()),
    createdAt,
    authorName: caller.user.name,
  };
}

/** Adds a staff member of the school as one of the pupil's trusted adults. */
export async function addTrustedAdult(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, body: { userId: string; why: string }): Promise<CareFile['trustedAdults'][number]> {
  await requireWriteAccess(deps, caller, schoolId, pupilId);
  const db = deps.db.kysely;
  if (!(await repository.isStaffOfSchool(db, schoolId, body.userId))) throw new AppError('validation_failed', { fields: { 'body.userId': ['not_staff_of_school'] } });
  if (await repository.hasTrustedAdult(db, pupilId, body.userId)) throw new AppError('already_trusted_adult');
  const id = newId();
  const createdAt = isoInstant(deps.clock.now());
  const sealed = await deps.fieldCrypto.encrypt(encryptedFieldRef('care_trusted_adults', 'why_encrypted', [id]), body.why);
  await db.transaction().execute(async (trx) => {
    await repository.insertTrustedAdult(trx, { id, school_id: schoolId, pupil_id: pupilId, user_id: body.userId, why_encrypted: sealed, created_by: caller.userId, created_at: createdAt });
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.trusted_adult_added', { trustedAdultId: id, userId: body.userId });
  });
  const name = (await listStaffChoices(db, schoolId)).find((staff) => staff.id === body.userId)?.name ?? '';
  return { id, userId: body.userId, name, why: body.why, createdAt };
}

/** Removes one of the pupil's trusted adults. */
export async function removeTrustedAdult(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, trustedAdultId: string): Promise<void> {
  await requireWriteAccess(deps, caller, schoolId, pupilId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deleteTrustedAdult(trx, schoolId, pupilId, trustedAdultId))) throw new AppError('not_found');
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.trusted_adult_removed', { trustedAdultId });
  });
}

// ---------- ACEs (care team) ----------

/** The pupil's ACE answers (the newest per informant and category) and the combined view. */
export async function getAces(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<PupilAces> {
  await requirePupil(deps, schoolId, pupilId);
  const aces = await acesOf(deps, schoolId, pupilId);
  await auditRead(deps, caller, schoolId, pupilId, 'care.aces_read', { via: 'care_team' });
  return aces;
}

/** The categories of a school: the default list, then the school's own in the order they were added. */
export async function aceCategoriesOf(db: Kysely<Database>, schoolId: string): Promise<AceCategory[]> {
  const own = await repository.listOwnAceCategories(db, schoolId);
  return [...DEFAULT_ACE_CATEGORIES.map((category) => ({ id: category.id, name: { ...category.name } })), ...own.map((row) => ({ id: row.id, name: { nl: row.name_nl, en: row.name_en } }))];
}

/** The age at the pupil's first ACE as the care team recorded it, or null. */
export async function firstAceAgeOf(deps: Deps, schoolId: string, pupilId: string): Promise<number | null> {
  const row = await repository.findFirstAceAge(deps.db.kysely, schoolId, pupilId);
  if (!row) return null;
  return Number(await deps.fieldCrypto.decrypt(encryptedFieldRef('care_ace_first_ages', 'years_encrypted', [pupilId]), row.years_encrypted));
}

async function acesOf(deps: Deps, schoolId: string, pupilId: string): Promise<PupilAces> {
  const answers = await newestAceAnswersOf(deps, schoolId, pupilId);
  const [summary] = combineAces(answers.map((answer) => ({ pupil: pupilId, ...answer })));
  return {
    categories: await aceCategoriesOf(deps.db.kysely, schoolId),
    firstAgeYears: await firstAceAgeOf(deps, schoolId, pupilId),
    answers,
    combined: {
      count: summary?.combined ?? 0,
      perInformant: summary?.perInformant ?? { pupil: 0, parent: 0, file: 0 },
      fourOrMore: summary?.fourOrMore ?? false,
      categories: summary?.categories ?? [],
    },
  };
}

async function newestAceAnswersOf(deps: Deps, schoolId: string, pupilId: string): Promise<PupilAces['answers']> {
  const rows = await repository.listAceAnswers(deps.db.kysely, schoolId, pupilId);
  // A correction replaces, the history stays in the table.
  const newest = newestAceAnswers(rows.map((row) => ({ ...row, pupil: pupilId, informant: row.informant as AceInformant })));
  return Promise.all(
    newest.map(async (row) => ({
      informant: row.informant,
      category: row.category,
      answer: (await deps.fieldCrypto.decrypt(encryptedFieldRef('care_ace_answers', 'answer_encrypted', [row.id]), row.answer_encrypted)) as AceAnswer,
      recordedOn: row.recorded_on,
      recordedByName: row.recorded_by_name,
    })),
  );
}

/** Records one informant's answers for some categories; an answer given earlier is replaced by the newer one. */
export async function saveAces(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, body: SaveAcesBody): Promise<PupilAces> {
  await requirePupil(deps, schoolId, pupilId);
  const known = new Set((await aceCategoriesOf(deps.db.kysely, schoolId)).map((category) => category.id));
  const fields: Record<string, string[]> = {};
  body.answers.forEach((answer, index) => {
    if (!known.has(answer.category)) fields[`body.answers.${index}.category`] = ['unknown_category'];
    if (body.answers.findIndex((other) => other.category === answer.category) !== index) fields[`body.answers.${index}.category`] = ['duplicate'];
  });
  if (body.recordedOn > schoolDateOf(deps.clock.now())) fields['body.recordedOn'] = ['in_the_future'];
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  const createdAt = isoInstant(deps.clock.now());
  const rows = await Promise.all(
    body.answers.map(async (answer) => {
      const id = newId();
      return {
        id,
        school_id: schoolId,
        pupil_id: pupilId,
        informant: body.informant,
        category: answer.category,
        answer_encrypted: await deps.fieldCrypto.encrypt(encryptedFieldRef('care_ace_answers', 'answer_encrypted', [id]), answer.answer),
        recorded_on: body.recordedOn,
        recorded_by: caller.userId,
        created_at: createdAt,
      };
    }),
  );
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertAceAnswers(trx, rows);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.aces_recorded', { informant: body.informant, categories: body.answers.length });
  });
  // The answer shows what was just written: covered by this write's event, no read event of its own.
  return acesOf(deps, schoolId, pupilId);
}

/**
 * Records what a parent answered on the parent page's ACE questionnaire (features/parents) as the `parent` informant,
 * inside the parent's save transaction: only categories the school uses, no staff member as recorder. The care team
 * reads them in the combined ACE view like answers they entered themselves.
 */
export async function recordParentAces(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'clock' | 'fieldCrypto'>,
  target: { schoolId: string; pupilId: string },
  answers: readonly { category: string; answer: AceAnswer }[],
): Promise<number> {
  const known = new Set((await aceCategoriesOf(trx, target.schoolId)).map((category) => category.id));
  const now = deps.clock.now();
  const rows = await Promise.all(
    answers
      .filter((answer) => known.has(answer.category))
      .map(async (answer) => {
        const id = newId();
        return {
          id,
          school_id: target.schoolId,
          pupil_id: target.pupilId,
          informant: 'parent',
          category: answer.category,
          answer_encrypted: await deps.fieldCrypto.encrypt(encryptedFieldRef('care_ace_answers', 'answer_encrypted', [id]), answer.answer),
          recorded_on: schoolDateOf(now),
          recorded_by: null,
          created_at: isoInstant(now),
        };
      }),
  );
  await repository.insertAceAnswers(trx, rows);
  return rows.length;
}

// ---------- screenings (care team) ----------

/** The pupil's screenings with their scores, and the instruments the care team can enter. */
export async function getScreenings(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<PupilScreenings> {
  await requirePupil(deps, schoolId, pupilId);
  const rows = await repository.listScreenings(deps.db.kysely, schoolId, pupilId);
  const screenings = await Promise.all(rows.map((row) => screeningOf(deps, row)));
  await auditRead(deps, caller, schoolId, pupilId, 'care.screenings_read', { via: 'care_team', screenings: screenings.length });
  const wordings = await repository.screeningWordingsOf(deps.db.kysely, schoolId);
  return { instruments: screeningInstruments().map((instrument) => ({ ...instrumentSummaryOf(instrument), wording: wordings.get(instrument.id) ?? {} })), screenings };
}

function instrumentSummaryOf(instrument: Instrument): Omit<PupilScreenings['instruments'][number], 'wording'> {
  const [responseScale] = instrument.responseScales;
  return {
    id: instrument.id,
    name: { ...instrument.name },
    description: { ...instrument.description },
    items: instrument.items.map((item) => item.id),
    options: (responseScale?.options ?? []).map((option) => ({ value: option.value, label: { ...option.label } })),
  };
}

async function screeningOf(deps: Deps, row: Awaited<ReturnType<typeof repository.listScreenings>>[number]): Promise<Screening> {
  const instrument = screeningInstrumentOf(row.instrument_id);
  if (!instrument || instrument.version !== row.instrument_version) throw new Error(`screening ${row.id}: instrument ${row.instrument_id}@${row.instrument_version} is not shipped`);
  const answers = JSON.parse(await deps.fieldCrypto.decrypt(encryptedFieldRef('care_screenings', 'answers_encrypted', [row.id]), row.answers_encrypted)) as Record<string, number>;
  const score = scoreScreening(instrument, new Map(Object.entries(answers)));
  const total = totalScaleOf(instrument);
  return {
    id: row.id,
    instrumentId: instrument.id,
    instrumentName: { ...instrument.name },
    informant: row.informant as Screening['informant'],
    takenOn: row.taken_on,
    answers,
    status: score.status,
    total: score.total,
    subscales: instrument.scales
      .filter((scale) => scale !== total)
      .map((scale) => ({ id: scale.id, name: { ...scale.name }, score: score.subscales[scale.id] ?? null, highest: scaleRangeOf(instrument, scale).highest })),
    band: score.band ? { id: score.band.id, name: { ...score.band.name } } : null,
    highest: scaleRangeOf(instrument, total).highest,
    proposesReferral: proposesReferral(score),
    missingItems: score.missingItems,
    recordedByName: row.recorded_by_name,
  };
}

/** Records a screening entered from the paper form and answers with its score. */
export async function addScreening(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, body: AddScreeningBody): Promise<Screening> {
  await requirePupil(deps, schoolId, pupilId);
  const instrument = screeningInstrumentOf(body.instrumentId);
  if (!instrument) throw new AppError('validation_failed', { fields: { 'body.instrumentId': ['unknown_instrument'] } });
  const items = new Set(instrument.items.map((item) => item.id));
  const fields: Record<string, string[]> = {};
  for (const item of Object.keys(body.answers)) if (!items.has(item)) fields[`body.answers.${item}`] = ['not_an_item'];
  if (body.takenOn > schoolDateOf(deps.clock.now())) fields['body.takenOn'] = ['in_the_future'];
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  const id = newId();
  const createdAt = isoInstant(deps.clock.now());
  const sealed = await deps.fieldCrypto.encrypt(encryptedFieldRef('care_screenings', 'answers_encrypted', [id]), JSON.stringify(body.answers));
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertScreening(trx, {
      id,
      school_id: schoolId,
      pupil_id: pupilId,
      instrument_id: instrument.id,
      instrument_version: instrument.version,
      informant: body.informant,
      taken_on: body.takenOn,
      answers_encrypted: sealed,
      recorded_by: caller.userId,
      created_at: createdAt,
    });
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.screening_recorded', { screeningId: id, instrument: instrument.id });
  });
  const [row] = (await repository.listScreenings(deps.db.kysely, schoolId, pupilId)).filter((candidate) => candidate.id === id);
  return screeningOf(deps, row!);
}

// ---------- break-glass ----------

/** How many pupils a break-glass search shows at most: enough to find one child, too few to list the school. */
const BREAK_GLASS_SEARCH_LIMIT = 10;

/**
 * Pupils of the school whose name holds the text, to open one by break-glass: a replacement teacher in a crisis has
 * no class list of their own. Names and classes only, at most ten, and the read is audited like any pupil list.
 */
export async function searchPupilsForBreakGlass(deps: Deps, caller: StaffCaller, schoolId: string, name: string): Promise<BreakGlassPupils> {
  const rows = await listPupilsWithClass(deps.db.kysely, schoolId, schoolYearAt(deps.clock.now()), {
    status: 'current',
    nameContains: name,
    limit: BREAK_GLASS_SEARCH_LIMIT,
    scope: { wholeSchool: true },
  });
  await auditRead(deps, caller, schoolId, null, 'pupils.read', { purpose: 'break_glass', found: rows.length });
  return rows.map((row) => ({ id: row.id, firstName: row.first_name, lastName: row.last_name, className: row.class_name ?? null }));
}

/**
 * Opens one pupil's support plan for 60 minutes to a staff member without need-to-know, after a reason and their
 * password; audited, and every member of the school's care team gets a mail at once (the overview lists it too).
 */
export async function openBreakGlass(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, body: BreakGlassBody): Promise<{ expiresAt: string }> {
  const db = deps.db.kysely;
  await requirePupil(deps, schoolId, pupilId);
  await assertCurrentPassword(deps, caller.userId, body.password, 'body.password');
  await assertStepUpCode(deps, caller.userId, body.code, 'body.code');
  const hasAccess = await careAccessOf(deps, caller, schoolId, pupilId).then(
    () => true,
    (error: unknown) => (error instanceof AppError && error.code === 'not_found' ? false : Promise.reject(error)),
  );
  if (hasAccess) throw new AppError('break_glass_not_needed');
  const now = deps.clock.now();
  const id = newId();
  const expiresAt = isoInstant(new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000));
  const sealed = await deps.fieldCrypto.encrypt(encryptedFieldRef('care_break_glass', 'reason_encrypted', [id]), body.reason);
  await db.transaction().execute(async (trx) => {
    await repository.insertBreakGlass(trx, { id, school_id: schoolId, pupil_id: pupilId, user_id: caller.userId, reason_encrypted: sealed, opened_at: isoInstant(now), expires_at: expiresAt });
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.break_glass_opened', { breakGlassId: id, expiresAt });
  });
  await tellCareTeam(deps, schoolId, caller.user.name, now);
  return { expiresAt };
}

// The mail names neither the pupil nor the reason: both are in the care overview, behind the care team's sign-in.
async function tellCareTeam(deps: Deps, schoolId: string, openerName: string, at: Date): Promise<void> {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  if (!school) return;
  for (const member of await repository.listCareTeam(db, schoolId)) {
    const mail = breakGlassMail(member.locale === 'en' ? 'en' : 'nl', school.name, openerName, isoInstant(at));
    try {
      await deps.mailer.send({ to: member.email, ...mail, boardId: school.board_id, schoolId });
    } catch (error) {
      deps.logger?.warn({ err: error, schoolId }, 'break-glass notice mail failed');
    }
  }
}

// ---------- the care overview (care team) ----------

/**
 * The care team's caseload: today's check-in signals, screenings above a cut-off, overdue plan reviews, break-glass
 * openings, conversations shared with the care team and referral follow-ups that are due.
 */
export async function getCareOverview(deps: Deps, caller: StaffCaller, schoolId: string): Promise<CareOverview> {
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const today = schoolDateOf(now);
  const signals = await schoolSignalsToday(deps, caller.locale, schoolId);
  const screeningRows = (await repository.listScreenings(db, schoolId)).filter((row) => row.left_on === null);
  const screenings = await Promise.all(screeningRows.map(async (row) => ({ row, screening: await screeningOf(deps, row) })));
  // Per pupil and instrument the newest complete screening counts (rows come newest first): a later complete one
  // below the cut-off takes an earlier result off the caseload; an incomplete one decides nothing.
  const newestPerPupil = new Map<string, (typeof screenings)[number]>();
  for (const entry of screenings) {
    const key = `${entry.row.pupil_id}\u0000${entry.row.instrument_id}`;
    if (entry.screening.status === 'complete' && !newestPerPupil.has(key)) newestPerPupil.set(key, entry);
  }
  const overdue = await repository.listOverdueReviews(db, schoolId, today);
  const openings = await repository.listBreakGlassSince(db, schoolId, isoInstant(new Date(now.getTime() - BREAK_GLASS_OVERVIEW_DAYS * 86_400_000)));
  const shared = await conversationsRepository.listSharedConversationsSince(db, schoolId, addDays(today, -SHARED_CONVERSATIONS_OVERVIEW_DAYS));
  const followUps = await referralsRepository.listDueReferralFollowUps(db, schoolId, today);
  await auditRead(deps, caller, schoolId, null, 'care.overview_read', { via: 'care_team', pupilsWithSignals: signals.length });
  return {
    signals,
    screeningsAboveCutOff: [...newestPerPupil.values()]
      .filter(({ screening }) => screening.proposesReferral)
      .map(({ row, screening }) => ({
        pupilId: row.pupil_id,
        pupilName: `${row.first_name} ${row.last_name}`,
        screeningId: screening.id,
        instrumentName: screening.instrumentName,
        takenOn: screening.takenOn,
        bandName: screening.band!.name,
      })),
    overduePlanReviews: overdue.map((row) => ({ pupilId: row.pupil_id, pupilName: `${row.first_name} ${row.last_name}`, reviewOn: row.review_on })),
    breakGlass: await Promise.all(
      openings.map(async (row) => ({
        id: row.id,
        pupilId: row.pupil_id,
        pupilName: `${row.first_name} ${row.last_name}`,
        userName: row.user_name,
        reason: await deps.fieldCrypto.decrypt(encryptedFieldRef('care_break_glass', 'reason_encrypted', [row.id]), row.reason_encrypted),
        openedAt: row.opened_at,
        expiresAt: row.expires_at,
      })),
    ),
    conversationsShared: await Promise.all(
      shared.map(async (row) => ({
        conversationId: row.id,
        pupilId: row.pupil_id,
        pupilName: `${row.first_name} ${row.last_name}`,
        heldOn: row.held_on!,
        teacherName: row.teacher_name,
        forCareTeam: await deps.fieldCrypto.decrypt(encryptedFieldRef('care_conversations', 'for_care_team_encrypted', [row.id]), row.for_care_team_encrypted),
      })),
    ),
    referralFollowUps: await Promise.all(
      followUps.map(async (row) => ({
        referralId: row.id,
        pupilId: row.pupil_id,
        pupilName: `${row.first_name} ${row.last_name}`,
        toWhom: await deps.fieldCrypto.decrypt(encryptedFieldRef('care_referrals', 'to_whom_encrypted', [row.id]), row.to_whom_encrypted),
        status: row.status as ReferralStatus,
        followUpOn: row.follow_up_on!,
      })),
    ),
  };
}
