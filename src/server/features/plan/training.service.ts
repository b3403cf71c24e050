import type { Kysely } from 'kysely';
import { DEFAULT_UNTRAINED_AFTER_MONTHS, type TrainingKind } from '../../../shared/plan';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { findSchoolSettings } from '../school-settings/school-settings.repository';
import { findSchool } from '../tenancy/tenancy.repository';
import type { PlanPerson, Training, TrainingBody, TrainingCoverage, TrainingRegister } from './plan.schemas';
import type { TrainingRow } from './plan.tables';
import { type CoverageStaffMember, computeTrainingCoverage } from './training-coverage';
import * as repository from './training.repository';
import { schoolDateOf } from '../../../shared/school-time';

// Names are sorted here, not in SQL: SQLite and PostgreSQL collate differently.
const collator = new Intl.Collator('nl');
const byPersonName = (a: PlanPerson, b: PlanPerson) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Staff and trainings of some schools, read once and grouped per school. */
interface SchoolTrainingData {
  staff: Map<string, CoverageStaffMember[]>;
  trainings: Map<string, Training[]>;
}

async function readTrainingData(db: Kysely<Database>, schoolIds: readonly string[]): Promise<SchoolTrainingData> {
  const [staffRows, trainingRows, participantRows, partnerRows] = await Promise.all([
    repository.listCurrentStaff(db, schoolIds),
    repository.listTrainings(db, schoolIds),
    repository.listParticipants(db, schoolIds),
    repository.listPartners(db, schoolIds),
  ]);
  const staff = new Map<string, CoverageStaffMember[]>();
  for (const row of staffRows) {
    const list = staff.get(row.school_id) ?? [];
    // The start date the school entered counts; else their first role's instant, as the school day it fell on.
    list.push({ userId: row.id, name: row.name, joinedOn: row.started_on ?? schoolDateOf(new Date(row.joined_at)) });
    staff.set(row.school_id, list);
  }
  const participants = groupBy(participantRows, (row) => row.training_id);
  const partners = groupBy(partnerRows, (row) => row.training_id);
  const trainings = new Map<string, Training[]>();
  for (const row of trainingRows) {
    const list = trainings.get(row.school_id) ?? [];
    list.push(trainingOf(row, participants.get(row.id) ?? [], partners.get(row.id) ?? []));
    trainings.set(row.school_id, list);
  }
  return { staff, trainings };
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

function trainingOf(row: TrainingRow, participants: readonly { user_id: string; name: string }[], partners: readonly { organisation: string }[]): Training {
  return {
    id: row.id,
    kind: row.kind as TrainingKind,
    title: row.title,
    heldOn: row.held_on,
    participants: participants.map((participant) => ({ id: participant.user_id, name: participant.name })).sort(byPersonName),
    partners: partners.map((partner) => partner.organisation).sort(collator.compare),
  };
}

/** The school's N (untrained after N months): its own setting, or the default. */
async function untrainedAfterMonthsOf(db: Kysely<Database>, schoolId: string): Promise<number> {
  return (await findSchoolSettings(db, schoolId))?.untrained_after_months ?? DEFAULT_UNTRAINED_AFTER_MONTHS;
}

/**
 * The training coverage of each of the given schools on `today`, by the one coverage function
 * (`computeTrainingCoverage`), each with the school's own N. Used by the register and the board roll-up.
 */
export async function computeCoverageOfSchools(db: Kysely<Database>, schoolIds: readonly string[], today: string): Promise<Map<string, TrainingCoverage>> {
  return coverageFrom(db, await readTrainingData(db, schoolIds), schoolIds, today);
}

async function coverageFrom(db: Kysely<Database>, data: SchoolTrainingData, schoolIds: readonly string[], today: string): Promise<Map<string, TrainingCoverage>> {
  const result = new Map<string, TrainingCoverage>();
  for (const schoolId of schoolIds) {
    const trainings = data.trainings.get(schoolId) ?? [];
    result.set(
      schoolId,
      computeTrainingCoverage({
        staff: data.staff.get(schoolId) ?? [],
        // Oldest first as recorded, so on the same day the spelling of the training recorded last wins.
        trainings: trainings.map((training) => ({ kind: training.kind, heldOn: training.heldOn, participantUserIds: training.participants.map((p) => p.id), partners: training.partners })),
        today,
        untrainedAfterMonths: await untrainedAfterMonthsOf(db, schoolId),
      }),
    );
  }
  return result;
}

async function requireSchool(db: Kysely<Database>, schoolId: string) {
  const school = await findSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  return school;
}

/** The register: trainings newest first with their participants, the coverage, and the current staff to pick from. */
export async function getTrainingRegister(deps: Deps, schoolId: string): Promise<TrainingRegister> {
  const db = deps.db.kysely;
  await requireSchool(db, schoolId);
  const today = schoolDateOf(deps.clock.now());
  const data = await readTrainingData(db, [schoolId]);
  const coverage = (await coverageFrom(db, data, [schoolId], today)).get(schoolId)!;
  const staff: PlanPerson[] = (data.staff.get(schoolId) ?? []).map((member) => ({ id: member.userId, name: member.name })).sort(byPersonName);
  return { trainings: [...(data.trainings.get(schoolId) ?? [])].reverse(), coverage, staff };
}

/** The coverage figures of one school (shown beside layer 1 of the self-scan). */
export async function getTrainingCoverage(deps: Deps, schoolId: string): Promise<TrainingCoverage> {
  await requireSchool(deps.db.kysely, schoolId);
  return (await computeCoverageOfSchools(deps.db.kysely, [schoolId], schoolDateOf(deps.clock.now()))).get(schoolId)!;
}

/**
 * Refuses participants who are not current staff of the school. `alreadyRecorded` (when changing a training)
 * may stay although they have left since: the register keeps its history.
 */
async function checkParticipants(db: Kysely<Database>, schoolId: string, userIds: readonly string[], alreadyRecorded: ReadonlySet<string>): Promise<void> {
  const current = new Set((await repository.listCurrentStaff(db, [schoolId])).map((row) => row.id));
  if (userIds.some((userId) => !current.has(userId) && !alreadyRecorded.has(userId))) {
    throw new AppError('validation_failed', { fields: { 'body.participantUserIds': ['not_current_staff'] } });
  }
}

/** The organisations of a training, each once (trimmed, compared case-insensitively; the first spelling stays). */
function distinctPartners(partners: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const partner of partners) {
    const organisation = partner.trim();
    if (organisation !== '' && !seen.has(organisation.toLowerCase())) seen.set(organisation.toLowerCase(), organisation);
  }
  return [...seen.values()];
}

async function readTraining(db: Kysely<Database>, schoolId: string, trainingId: string): Promise<Training> {
  const data = await readTrainingData(db, [schoolId]);
  const training = data.trainings.get(schoolId)?.find((candidate) => candidate.id === trainingId);
  if (!training) throw new AppError('not_found');
  return training;
}

/** Records a training with its participants (current staff) and partner organisations. */
export async function recordTraining(deps: Deps, actorUserId: string, schoolId: string, input: TrainingBody): Promise<Training> {
  const db = deps.db.kysely;
  const school = await requireSchool(db, schoolId);
  const id = newId();
  const partners = distinctPartners(input.partners);
  await db.transaction().execute(async (trx) => {
    await checkParticipants(trx, schoolId, input.participantUserIds, new Set());
    const now = isoInstant(deps.clock.now());
    await repository.insertTraining(trx, {
      id,
      school_id: schoolId,
      kind: input.kind,
      title: input.title ?? null,
      held_on: input.heldOn,
      created_by: actorUserId,
      created_at: now,
      updated_at: now,
    });
    await repository.replaceParticipants(trx, id, input.participantUserIds);
    await repository.replacePartners(trx, id, partners.map((organisation) => ({ id: newId(), organisation })));
    await auditChange(deps, trx, actorUserId, school.board_id, schoolId, id, 'recorded', input.kind, input.participantUserIds.length, partners.length);
  });
  return readTraining(db, schoolId, id);
}

/** Changes a training: kind, title, date, and the participants and partners replaced in one transaction. */
export async function updateTraining(deps: Deps, actorUserId: string, schoolId: string, trainingId: string, input: TrainingBody): Promise<Training> {
  const db = deps.db.kysely;
  const school = await requireSchool(db, schoolId);
  const partners = distinctPartners(input.partners);
  await db.transaction().execute(async (trx) => {
    if (!(await repository.findTraining(trx, schoolId, trainingId))) throw new AppError('not_found');
    const recorded = new Set((await repository.listParticipants(trx, [schoolId])).filter((row) => row.training_id === trainingId).map((row) => row.user_id));
    await checkParticipants(trx, schoolId, input.participantUserIds, recorded);
    await repository.updateTraining(trx, schoolId, trainingId, { kind: input.kind, title: input.title ?? null, held_on: input.heldOn, updated_at: isoInstant(deps.clock.now()) });
    await repository.replaceParticipants(trx, trainingId, input.participantUserIds);
    await repository.replacePartners(trx, trainingId, partners.map((organisation) => ({ id: newId(), organisation })));
    await auditChange(deps, trx, actorUserId, school.board_id, schoolId, trainingId, 'updated', input.kind, input.participantUserIds.length, partners.length);
  });
  return readTraining(db, schoolId, trainingId);
}

/** Removes a training from the register. */
export async function deleteTraining(deps: Deps, actorUserId: string, schoolId: string, trainingId: string): Promise<void> {
  const db = deps.db.kysely;
  const school = await requireSchool(db, schoolId);
  await db.transaction().execute(async (trx) => {
    const training = await repository.findTraining(trx, schoolId, trainingId);
    if (!training) throw new AppError('not_found');
    await repository.deleteTraining(trx, schoolId, trainingId);
    await auditChange(deps, trx, actorUserId, school.board_id, schoolId, trainingId, 'deleted', training.kind, null, null);
  });
}

// Counts only: the audit log never names who took part or which organisations did.
async function auditChange(
  deps: Deps,
  trx: Kysely<Database>,
  actorUserId: string,
  boardId: string,
  schoolId: string,
  trainingId: string,
  change: 'recorded' | 'updated' | 'deleted',
  kind: string,
  participants: number | null,
  partners: number | null,
): Promise<void> {
  await recordAudit(trx, deps.clock, {
    actorUserId,
    action: 'training.changed',
    targetType: 'training',
    targetId: trainingId,
    schoolId,
    boardId,
    detail: { trainingId, change, kind, ...(participants === null ? {} : { participants }), ...(partners === null ? {} : { partners }) },
  });
}
