import type { Kysely } from 'kysely';
import { isLargeEnough } from '../../../shared/anonymity';
import { containsFullName, type IntervisionKind, TSO_CORE_CONCEPTS, type TsoCoreConcept } from '../../../shared/intervision';
import { firstDayOfSchoolYear, lastDayOfSchoolYear, schoolDateOf, schoolYearOfDate } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { minGroupSizeOfSchool } from '../tenancy/tenancy.repository';
import { listColleagueRoles } from './competence.repository';
import * as repository from './intervision.repository';
import type { IntervisionFigures, IntervisionLog, IntervisionSession, SessionFields } from './intervision.schemas';

// The intervision and supervision log (issue 17). A staff member records a session: date, kind, participants (staff of
// the school), theme, the TSO core concept discussed and a short note; theme and note are field-encrypted. Pupils are
// not named there unless the care team runs the session (a flag only a care-team member sets): otherwise a theme or
// note holding a pupil's full name is refused, with a Dutch message saying why. Participants and the recorder read a
// session, only the recorder changes or removes it; anyone else gets 404. Leadership and TSO leads see counts per school
// year (getFigures) — the number of distinct participants only when it reaches k.

type SessionRow = NonNullable<Awaited<ReturnType<typeof repository.findSession>>>;

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/** The sessions the caller recorded or took part in, the colleagues to choose from, and whether they may mark a session as run by the care team. */
export async function getLog(deps: Deps, caller: StaffCaller, schoolId: string): Promise<IntervisionLog> {
  const db = deps.db.kysely;
  const [rows, roles] = await Promise.all([repository.listSessionsOf(db, schoolId, caller.userId), listColleagueRoles(db, schoolId)]);
  const colleagues = [...new Map(roles.map((row) => [row.id, { id: row.id, name: row.name }])).values()].sort((left, right) => collator.compare(left.name, right.name));
  const sessions = await sessionsOf(deps, caller, schoolId, rows);
  const careTeamRun = sessions.filter((session) => session.isCareTeamRun);
  // A session the care team runs may tell about a pupil: reading it is audited like other care reads.
  if (careTeamRun.length > 0) await audit(db, deps, caller, schoolId, null, 'intervision.care_sessions_read', { sessionIds: careTeamRun.map((session) => session.id) });
  return { sessions, colleagues, canMarkCareTeamRun: isCareTeam(caller, schoolId) };
}

/** One session, for its participants and its recorder; 404 for anyone else. */
export async function getSession(deps: Deps, caller: StaffCaller, schoolId: string, sessionId: string): Promise<IntervisionSession> {
  const session = await readSession(deps, caller, schoolId, sessionId);
  if (session.isCareTeamRun) await audit(deps.db.kysely, deps, caller, schoolId, session.id, 'intervision.care_sessions_read', { sessionIds: [session.id] });
  return session;
}

// One session as the caller may read it, without the audit of a read (a write answers with what it stored).
async function readSession(deps: Deps, caller: StaffCaller, schoolId: string, sessionId: string): Promise<IntervisionSession> {
  const session = (await sessionsOf(deps, caller, schoolId, [await requireSession(deps, schoolId, sessionId)]))[0]!;
  if (!session.isRecordedByMe && !session.participants.some((person) => person.id === caller.userId)) throw new AppError('not_found');
  return session;
}

/** Records a session; the caller is its recorder. */
export async function recordSession(deps: Deps, caller: StaffCaller, schoolId: string, fields: SessionFields): Promise<IntervisionSession> {
  await checkFields(deps, caller, schoolId, fields);
  const id = newId();
  const now = isoInstant(deps.clock.now());
  const row = { id, school_id: schoolId, ...(await columnsOf(deps, id, fields)), recorded_by: caller.userId, created_at: now, updated_at: now };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertSession(trx, row);
    await repository.replaceParticipants(trx, id, participantRows(schoolId, id, fields));
    await audit(trx, deps, caller, schoolId, id, 'intervision.session_recorded', detailOf(fields));
  });
  return readSession(deps, caller, schoolId, id);
}

/** Changes a session the caller recorded; a participant who did not record it may not (403), anyone else gets 404. */
export async function changeSession(deps: Deps, caller: StaffCaller, schoolId: string, sessionId: string, fields: SessionFields): Promise<IntervisionSession> {
  const row = await requireOwnSession(deps, caller, schoolId, sessionId);
  await checkFields(deps, caller, schoolId, fields);
  const changes = { ...(await columnsOf(deps, row.id, fields)), updated_at: isoInstant(deps.clock.now()) };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateSession(trx, schoolId, row.id, changes);
    await repository.replaceParticipants(trx, row.id, participantRows(schoolId, row.id, fields));
    await audit(trx, deps, caller, schoolId, row.id, 'intervision.session_changed', detailOf(fields));
  });
  return readSession(deps, caller, schoolId, row.id);
}

/** Removes a session the caller recorded (the page asks for confirmation first). */
export async function removeSession(deps: Deps, caller: StaffCaller, schoolId: string, sessionId: string): Promise<void> {
  const row = await requireOwnSession(deps, caller, schoolId, sessionId);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteSession(trx, schoolId, row.id);
    await audit(trx, deps, caller, schoolId, row.id, 'intervision.session_removed', { kind: row.kind });
  });
}

/**
 * Counts per school year (this one and the one before): sessions, by kind and by core concept, and the number of
 * distinct people who took part — a count of people, so shown only when it reaches k. Evidence beside the self-scan
 * aspect about gaining and deepening knowledge (layer-1.knowledge).
 */
export async function getFigures(deps: Deps, schoolId: string): Promise<IntervisionFigures> {
  const db = deps.db.kysely;
  const k = await minGroupSizeOfSchool(db, schoolId);
  const thisYear = schoolYearOfDate(schoolDateOf(deps.clock.now()));
  const lastYear = schoolYearOfDate(`${thisYear.slice(0, 4)}-01-01`);
  const years = [];
  for (const schoolYear of [thisYear, lastYear]) {
    const { sessions, participants } = await repository.listSessionsBetween(db, schoolId, firstDayOfSchoolYear(schoolYear), lastDayOfSchoolYear(schoolYear));
    const people = new Set(participants.map((row) => row.user_id)).size;
    years.push({
      schoolYear,
      sessions: sessions.length,
      intervision: sessions.filter((session) => session.kind === 'intervision').length,
      supervision: sessions.filter((session) => session.kind === 'supervision').length,
      participants: isLargeEnough(people, k) ? people : null,
      concepts: TSO_CORE_CONCEPTS.map((concept) => ({ concept, sessions: sessions.filter((session) => session.core_concept === concept).length })).filter((entry) => entry.sessions > 0),
    });
  }
  return { minGroupSize: k, years };
}

// ---------- rules ----------

async function requireSession(deps: Deps, schoolId: string, sessionId: string): Promise<SessionRow> {
  const row = await repository.findSession(deps.db.kysely, schoolId, sessionId);
  if (!row) throw new AppError('not_found');
  return row;
}

async function requireOwnSession(deps: Deps, caller: StaffCaller, schoolId: string, sessionId: string): Promise<SessionRow> {
  await readSession(deps, caller, schoolId, sessionId);
  const row = await requireSession(deps, schoolId, sessionId);
  if (row.recorded_by !== caller.userId) throw new AppError('forbidden');
  return row;
}

function isCareTeam(caller: StaffCaller, schoolId: string): boolean {
  return (caller.actor.schoolRoles.get(schoolId) ?? []).includes('care_team');
}

// Participants are staff of the school; the care-team flag is the care team's; no pupil's full name without it.
async function checkFields(deps: Deps, caller: StaffCaller, schoolId: string, fields: SessionFields): Promise<void> {
  if (fields.heldOn > schoolDateOf(deps.clock.now())) throw new AppError('validation_failed', { fields: { 'body.heldOn': ['a session is logged once it was held'] } });
  const staff = new Set((await listColleagueRoles(deps.db.kysely, schoolId)).map((row) => row.id));
  const stranger = fields.participantIds.findIndex((id) => !staff.has(id));
  if (stranger >= 0) throw new AppError('validation_failed', { fields: { [`body.participantIds.${stranger}`]: ['not a colleague at this school'] } });
  if (fields.isCareTeamRun) {
    if (!isCareTeam(caller, schoolId)) throw new AppError('care_team_run_not_allowed');
    return;
  }
  const names = (await repository.listPupilNames(deps.db.kysely, schoolId)).map((pupil) => `${pupil.first_name} ${pupil.last_name}`);
  const named: Record<string, string[]> = {};
  if (containsFullName(fields.theme, names)) named['body.theme'] = ['pupil_name'];
  if (containsFullName(fields.note, names)) named['body.note'] = ['pupil_name'];
  if (Object.keys(named).length > 0) throw new AppError('pupil_name_in_text', { fields: named });
}

async function columnsOf(deps: Deps, id: string, fields: SessionFields) {
  return {
    held_on: fields.heldOn,
    kind: fields.kind,
    core_concept: fields.coreConcept,
    theme_encrypted: await deps.fieldCrypto.encrypt(encryptedFieldRef('team_intervision_sessions', 'theme_encrypted', [id]), fields.theme),
    note_encrypted: fields.note === '' ? '' : await deps.fieldCrypto.encrypt(encryptedFieldRef('team_intervision_sessions', 'note_encrypted', [id]), fields.note),
    is_care_team_run: fields.isCareTeamRun ? 1 : 0,
  };
}

function participantRows(schoolId: string, sessionId: string, fields: SessionFields) {
  return fields.participantIds.map((userId) => ({ session_id: sessionId, user_id: userId, school_id: schoolId }));
}

// Kinds and counts only: never the theme, the note or a name.
function detailOf(fields: SessionFields): Record<string, unknown> {
  return { kind: fields.kind, coreConcept: fields.coreConcept, participants: fields.participantIds.length, isCareTeamRun: fields.isCareTeamRun };
}

async function sessionsOf(deps: Deps, caller: StaffCaller, schoolId: string, rows: readonly SessionRow[]): Promise<IntervisionSession[]> {
  const participants = await repository.listParticipants(deps.db.kysely, rows.map((row) => row.id));
  const names = new Map(participants.map((person) => [person.id, person.name]));
  const recorders = await recorderNames(deps, schoolId, rows, names);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      heldOn: row.held_on,
      kind: row.kind as IntervisionKind,
      coreConcept: row.core_concept as TsoCoreConcept,
      theme: await deps.fieldCrypto.decrypt(encryptedFieldRef('team_intervision_sessions', 'theme_encrypted', [row.id]), row.theme_encrypted),
      note: row.note_encrypted === '' ? '' : await deps.fieldCrypto.decrypt(encryptedFieldRef('team_intervision_sessions', 'note_encrypted', [row.id]), row.note_encrypted),
      isCareTeamRun: row.is_care_team_run === 1,
      participants: participants
        .filter((person) => person.session_id === row.id)
        .map((person) => ({ id: person.id, name: person.name }))
        .sort((left, right) => collator.compare(left.name, right.name)),
      recordedBy: row.recorded_by === null ? null : { id: row.recorded_by, name: recorders.get(row.recorded_by) ?? '' },
      isRecordedByMe: row.recorded_by === caller.userId,
    })),
  );
}

// The recorders' names: most are participants too; the others are looked up among the school's staff.
async function recorderNames(deps: Deps, schoolId: string, rows: readonly SessionRow[], known: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const names = new Map(known);
  if (rows.some((row) => row.recorded_by !== null && !names.has(row.recorded_by))) {
    for (const row of await listColleagueRoles(deps.db.kysely, schoolId)) names.set(row.id, row.name);
  }
  return names;
}

// One audit event about a session (or, for a read of the log, about the school's log: no session id).
async function audit(db: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, sessionId: string | null, action: AuditAction, detail: Record<string, unknown>) {
  const target = sessionId === null ? { targetType: 'intervision_log', targetId: schoolId } : { targetType: 'intervision_session', targetId: sessionId };
  await recordAudit(db, deps.clock, { actorUserId: caller.userId, action, ...target, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}
