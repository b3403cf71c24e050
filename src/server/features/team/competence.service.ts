import type { Kysely } from 'kysely';
import { chooseShownCells, isLargeEnough } from '../../../shared/anonymity';
import { type CompetenceProfile, meanStepPerCompetence, NOT_YET_APPLICABLE } from '../../../shared/competence-profile';
import { competenceProfileSchema } from '../../../shared/competence-profile-schema';
import { addDays, type SchoolYearHalf, schoolDateOf, schoolYearHalfOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { minGroupSizeOfSchool } from '../tenancy/tenancy.repository';
import { loadShippedProfiles, parseProfileDefinition, shippedProfileId } from './competence-profile-catalogue';
import * as repository from './competence.repository';
import type {
  AssessmentDetail,
  AssessmentFields,
  AssessmentSummary,
  CompetenceFigures,
  CompetenceOverview,
  CompetenceShare,
  ProfileSummary,
  SharedProfile,
  ShareBody,
} from './competence.schemas';

// The competence profile (issue 17). A staff member rates themselves per indicator, notes evidence and sets goals; each
// completed self-assessment is kept, dated, so growth per competence shows. It is PRIVATE: only its owner reads it,
// unless they share it with a named colleague of the school (coach, buddy) or with the school's leadership for the
// appraisal cycle; such a grantee reads it read-only, and every such read is audited. Anyone else gets 404, as if it
// did not exist. Revoking a share deletes it, so the next read is refused at once. The school sees counts only
// (getFigures, under the k rule). Audit details hold ids, counts and kinds — never a step, a goal or evidence.

type ProfileRow = Awaited<ReturnType<typeof repository.listProfilesOfSchool>>[number];
type AssessmentRow = NonNullable<Awaited<ReturnType<typeof repository.findAssessment>>>;
type RatingRow = Awaited<ReturnType<typeof repository.listRatings>>[number];

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

// ---------- profiles ----------

/** Stores every shipped profile version not stored yet; stored versions never change. */
export async function ensureShippedProfiles(db: Kysely<Database>, now: Date): Promise<void> {
  const shipped = loadShippedProfiles().map((profile) => ({ id: shippedProfileId(profile.id, profile.version), profile }));
  const stored = new Set(await repository.findStoredProfileIds(db, shipped.map((entry) => entry.id)));
  for (const { id, profile } of shipped) {
    if (stored.has(id)) continue;
    await repository.insertProfileIfAbsent(db, {
      id,
      school_id: null,
      profile_key: profile.id,
      version: profile.version,
      definition: JSON.stringify(profile),
      created_by: null,
      created_at: isoInstant(now),
    });
  }
}

/** The profile versions the school can use; the current one (what a new self-assessment uses) is marked. */
export async function listProfiles(deps: Deps, schoolId: string): Promise<ProfileSummary[]> {
  const rows = await profileRowsOf(deps, schoolId);
  const current = currentProfileRow(rows);
  return rows.map((row) => profileSummaryOf(row, row.id === current.id));
}

/**
 * Imports a school's own profile. A new key+version is added (and becomes the current one); an existing import of the
 * school is replaced only while no self-assessment uses it, as ratings must keep pointing at the text they were given on.
 */
export async function importProfile(deps: Deps, caller: StaffCaller, schoolId: string, json: unknown): Promise<{ profile: ProfileSummary; replaced: boolean }> {
  const profile = parseProfileDefinition(json);
  await ensureShippedProfiles(deps.db.kysely, deps.clock.now());
  const { id, replaced } = await deps.db.kysely.transaction().execute(async (trx) => {
    if (await repository.findProfileByKeyAndVersion(trx, null, profile.id, profile.version)) {
      throw new AppError('competence_profile_version_taken', { fields: { 'body.definition.version': ['this version is shipped with Groeiwijzer; choose another id or version'] } });
    }
    const existing = await repository.findProfileByKeyAndVersion(trx, schoolId, profile.id, profile.version);
    if (existing && (await repository.isProfileUsed(trx, existing.id))) {
      throw new AppError('competence_profile_version_taken', { fields: { 'body.definition.version': ['this version is used in a self-assessment; import it as a new version'] } });
    }
    const now = isoInstant(deps.clock.now());
    const profileId = existing?.id ?? newId();
    if (existing) await repository.replaceProfileDefinition(trx, profileId, JSON.stringify(profile), now);
    else await repository.insertProfile(trx, { id: profileId, school_id: schoolId, profile_key: profile.id, version: profile.version, definition: JSON.stringify(profile), created_by: caller.userId, created_at: now });
    await audit(trx, deps, caller, schoolId, 'competence_profile', profileId, 'competence.profile_imported', { profile: profile.id, version: profile.version, replaced: Boolean(existing) });
    return { id: profileId, replaced: Boolean(existing) };
  });
  const summary = (await listProfiles(deps, schoolId)).find((entry) => entry.id === id);
  if (!summary) throw new AppError('not_found');
  return { profile: summary, replaced };
}

async function profileRowsOf(deps: Deps, schoolId: string): Promise<ProfileRow[]> {
  await ensureShippedProfiles(deps.db.kysely, deps.clock.now());
  return repository.listProfilesOfSchool(deps.db.kysely, schoolId);
}

// The school's newest own import when it has one, else the newest shipped version (rows come oldest first).
function currentProfileRow(rows: readonly ProfileRow[]): ProfileRow {
  const own = rows.filter((row) => row.school_id !== null);
  const current = own.at(-1) ?? rows.at(-1);
  if (!current) throw new Error('no competence profile is shipped');
  return current;
}

function profileSummaryOf(row: ProfileRow, isCurrent: boolean): ProfileSummary {
  return { id: row.id, key: row.profile_key, version: row.version, isShipped: row.school_id === null, isCurrent, definition: definitionOf(row) };
}

function definitionOf(row: Pick<ProfileRow, 'definition'>): CompetenceProfile {
  return competenceProfileSchema.parse(JSON.parse(row.definition));
}

// ---------- the caller's own profile ----------

/** The caller's own page: the current profile, their completed assessments with means, the open draft, their shares. */
export async function getOverview(deps: Deps, caller: StaffCaller, schoolId: string): Promise<CompetenceOverview> {
  const db = deps.db.kysely;
  const rows = await profileRowsOf(deps, schoolId);
  const current = currentProfileRow(rows);
  const [assessments, shares, colleagues, readable] = await Promise.all([
    repository.listAssessmentsOf(db, schoolId, caller.userId),
    repository.listSharesOfOwner(db, schoolId, caller.userId),
    colleaguesOf(deps, schoolId),
    repository.listSharesReadableBy(db, schoolId, caller.userId, isLeadership(caller, schoolId)),
  ]);
  const completed = assessments.filter((row) => row.completed_on !== null);
  const names = new Map(colleagues.map((colleague) => [colleague.id, colleague.name]));
  const sharedWithMe = new Map<string, CompetenceOverview['sharedWithMe'][number]>();
  // A colleague who shared by name and with the leadership is listed once, by name.
  for (const share of [...readable].sort((left, right) => Number(left.audience !== 'colleague') - Number(right.audience !== 'colleague'))) {
    if (!sharedWithMe.has(share.owner_user_id)) sharedWithMe.set(share.owner_user_id, { ownerUserId: share.owner_user_id, name: share.owner_name, audience: share.audience as 'colleague' | 'leadership' });
  }
  return {
    profile: profileSummaryOf(current, true),
    profiles: usedProfiles(rows, completed, current.id),
    completed: await summariesOf(deps, rows, completed),
    draftId: assessments.find((row) => row.completed_on === null)?.id ?? null,
    shares: shares.map((share) => shareOf(share, names)).sort((left, right) => left.createdAt.localeCompare(right.createdAt)),
    sharedWithMe: [...sharedWithMe.values()].sort((left, right) => collator.compare(left.name, right.name)),
    colleagues: colleagues.filter((colleague) => colleague.id !== caller.userId),
  };
}

/**
 * Starts a self-assessment on the current profile, its steps taken over from the caller's last completed one on the
 * same profile (so a new round starts where the last ended); an open draft is returned instead of a second one.
 */
export async function startAssessment(deps: Deps, caller: StaffCaller, schoolId: string): Promise<{ assessment: AssessmentDetail; isNew: boolean }> {
  const db = deps.db.kysely;
  const rows = await profileRowsOf(deps, schoolId);
  const assessments = await repository.listAssessmentsOf(db, schoolId, caller.userId);
  const draft = assessments.find((row) => row.completed_on === null);
  if (draft) return { assessment: await detailOf(deps, rows, draft), isNew: false };
  const current = currentProfileRow(rows);
  const previous = assessments.filter((row) => row.completed_on !== null && row.profile_id === current.id).at(-1);
  const now = isoInstant(deps.clock.now());
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repository.insertAssessment(trx, { id, school_id: schoolId, user_id: caller.userId, profile_id: current.id, goals_encrypted: '', started_at: now, updated_at: now, completed_at: null, completed_on: null });
    if (previous) {
      const steps = await repository.listRatings(trx, [previous.id]);
      await repository.replaceRatings(trx, id, steps.map((rating) => ({ assessment_id: id, indicator_id: rating.indicator_id, step: rating.step, evidence_encrypted: '' })));
    }
  });
  const row = await repository.findAssessment(db, schoolId, id);
  if (!row) throw new AppError('not_found');
  return { assessment: await detailOf(deps, rows, row), isNew: true };
}

/** One of the caller's own assessments; someone else's answers 404. */
export async function getAssessment(deps: Deps, caller: StaffCaller, schoolId: string, assessmentId: string): Promise<AssessmentDetail> {
  const row = await requireOwnAssessment(deps, caller, schoolId, assessmentId);
  return detailOf(deps, await profileRowsOf(deps, schoolId), row);
}

/** Saves the steps, evidence and goals of the caller's draft; a completed one stays as it was (409). */
export async function saveAssessment(deps: Deps, caller: StaffCaller, schoolId: string, assessmentId: string, fields: AssessmentFields): Promise<AssessmentDetail> {
  const row = await requireOwnAssessment(deps, caller, schoolId, assessmentId);
  if (row.completed_at !== null) throw new AppError('assessment_completed');
  const rows = await profileRowsOf(deps, schoolId);
  const profile = definitionOf(requireProfileRow(rows, row.profile_id));
  const known = new Set(profile.competences.flatMap((competence) => competence.indicators.map((indicator) => indicator.id)));
  const unknown = fields.ratings.findIndex((rating) => !known.has(rating.indicatorId));
  if (unknown >= 0) throw new AppError('validation_failed', { fields: { [`body.ratings.${unknown}.indicatorId`]: ['not an indicator of this profile'] } });
  const ratings = await Promise.all(
    fields.ratings.map(async (rating) => ({
      assessment_id: row.id,
      indicator_id: rating.indicatorId,
      step: rating.step,
      evidence_encrypted: await seal(deps, 'team_competence_ratings', 'evidence_encrypted', [row.id, rating.indicatorId], rating.evidence),
    })),
  );
  const goals = await seal(deps, 'team_competence_assessments', 'goals_encrypted', [row.id], fields.goals);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.replaceRatings(trx, row.id, ratings);
    await repository.updateAssessment(trx, row.id, { goals_encrypted: goals, updated_at: isoInstant(deps.clock.now()) });
  });
  return detailOf(deps, rows, { ...row, goals_encrypted: goals });
}

/** Completes the caller's draft: from now on it is kept as it is, dated, as a point of their growth. */
export async function completeAssessment(deps: Deps, caller: StaffCaller, schoolId: string, assessmentId: string): Promise<AssessmentDetail> {
  const row = await requireOwnAssessment(deps, caller, schoolId, assessmentId);
  if (row.completed_at !== null) throw new AppError('assessment_completed');
  const ratings = await repository.listRatings(deps.db.kysely, [row.id]);
  if (ratings.length === 0) throw new AppError('validation_failed', { fields: { 'body.ratings': ['rate at least one indicator first'] } });
  const now = deps.clock.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.completeAssessment(trx, row.id, isoInstant(now), schoolDateOf(now)))) throw new AppError('assessment_completed');
    await audit(trx, deps, caller, schoolId, 'competence_assessment', row.id, 'competence.assessment_completed', {
      rated: ratings.filter((rating) => rating.step !== NOT_YET_APPLICABLE).length,
      notYetApplicable: ratings.filter((rating) => rating.step === NOT_YET_APPLICABLE).length,
    });
  });
  return getAssessment(deps, caller, schoolId, row.id);
}

// ---------- sharing ----------

/** Shares the caller's self-assessments read-only with a named colleague of the school or with its leadership. */
export async function share(deps: Deps, caller: StaffCaller, schoolId: string, body: ShareBody): Promise<{ share: CompetenceShare; isNew: boolean }> {
  const colleagues = await colleaguesOf(deps, schoolId);
  const names = new Map(colleagues.map((colleague) => [colleague.id, colleague.name]));
  const granteeUserId = body.audience === 'colleague' ? body.userId : null;
  if (granteeUserId !== null && (granteeUserId === caller.userId || !names.has(granteeUserId))) {
    throw new AppError('validation_failed', { fields: { 'body.userId': ['not a colleague at this school'] } });
  }
  const existing = (await repository.listSharesOfOwner(deps.db.kysely, schoolId, caller.userId)).find((row) => row.audience === body.audience && row.grantee_user_id === granteeUserId);
  if (existing) return { share: shareOf(existing, names), isNew: false };
  const row = { id: newId(), school_id: schoolId, owner_user_id: caller.userId, audience: body.audience, grantee_user_id: granteeUserId, created_at: isoInstant(deps.clock.now()) };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertShare(trx, row);
    await audit(trx, deps, caller, schoolId, 'competence_share', row.id, 'competence.shared', { audience: body.audience, granteeUserId });
  });
  return { share: shareOf(row, names), isNew: true };
}

/** Revokes one of the caller's shares at once; another's share, or one already revoked, answers 404. */
export async function revokeShare(deps: Deps, caller: StaffCaller, schoolId: string, shareId: string): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deleteShare(trx, schoolId, caller.userId, shareId))) throw new AppError('not_found');
    await audit(trx, deps, caller, schoolId, 'competence_share', shareId, 'competence.share_revoked', {});
  });
}

/**
 * A colleague's self-assessments, read-only, for someone they shared them with: by name, or the school's leadership
 * when shared with it. Everyone else gets 404 — they may not even learn that the colleague has a profile. Audited.
 */
export async function readShared(deps: Deps, caller: StaffCaller, schoolId: string, ownerUserId: string): Promise<SharedProfile> {
  const db = deps.db.kysely;
  const readable = (await repository.listSharesReadableBy(db, schoolId, caller.userId, isLeadership(caller, schoolId))).filter((row) => row.owner_user_id === ownerUserId);
  const via = readable.find((row) => row.audience === 'colleague') ?? readable[0];
  if (!via) throw new AppError('not_found');
  const rows = await profileRowsOf(deps, schoolId);
  const completed = (await repository.listAssessmentsOf(db, schoolId, ownerUserId)).filter((row) => row.completed_on !== null);
  const latest = completed.at(-1);
  const answer: SharedProfile = {
    ownerName: via.owner_name,
    audience: via.audience as 'colleague' | 'leadership',
    profiles: usedProfiles(rows, completed, null),
    completed: await summariesOf(deps, rows, completed),
    latest: latest ? await detailOf(deps, rows, latest) : null,
  };
  await audit(db, deps, caller, schoolId, 'user', ownerUserId, 'competence.shared_read', { shareId: via.id, audience: via.audience, assessments: completed.length });
  return answer;
}

// ---------- the school's figures ----------

/**
 * Anonymous counts per competence for planning training (school.team.figures), made so that nobody can learn one
 * person's rating from them:
 * - Only CLOSED periods (finished school-year halves: August–January, February–July). A figure of the running half
 *   would change the moment one person completes an assessment, and watching it change would reveal their rating.
 *   A closed period never changes again: a completion is dated by the server on the day it happens, so no new
 *   assessment can land in a finished half, and completed assessments cannot be changed or deleted.
 * - Per person only their LATEST completed assessment in the period, so everyone counts once.
 * - Per period and profile version, the number of people is shown only when it is at least k; below it nothing shows.
 * - Per competence the people are split in three cells (mean step under 2.5 "building", 2.5 or more "secure", nothing
 *   rated there); `chooseShownCells` hides a cell under k and, while what is hidden holds 1..k−1 people, the next
 *   smallest, so the people count minus the shown cells never narrows down to fewer than k people.
 * Periods are never merged or overlapped, so no two figures differ by one person's assessment.
 */
export async function getFigures(deps: Deps, schoolId: string): Promise<CompetenceFigures> {
  const db = deps.db.kysely;
  const k = await minGroupSizeOfSchool(db, schoolId);
  const rows = await profileRowsOf(deps, schoolId);
  const periods = closedPeriodsSince(await repository.findFirstCompletionDay(db, schoolId), schoolDateOf(deps.clock.now()));
  const answer: CompetenceFigures = { minGroupSize: k, periods: [] };
  for (const period of periods) {
    const assessments = await repository.listCompletedAssessmentsBetween(db, schoolId, period.firstDay, period.lastDay);
    const latestPerPerson = new Map<string, (typeof assessments)[number]>();
    for (const row of assessments) {
      const earlier = latestPerPerson.get(row.user_id);
      if (!earlier || `${row.completed_at}${row.id}` > `${earlier.completed_at}${earlier.id}`) latestPerPerson.set(row.user_id, row);
    }
    const latest = [...latestPerPerson.values()];
    const ratings = groupRatings(await repository.listRatings(db, latest.map((row) => row.id)));
    const profileIds = [...new Set(latest.map((row) => row.profile_id))].sort();
    answer.periods.push({
      ...period,
      profiles: profileIds.map((profileId) => {
        const profile = definitionOf(requireProfileRow(rows, profileId));
        const people = latest.filter((row) => row.profile_id === profileId);
        if (!isLargeEnough(people.length, k)) return { profileId, people: null, competences: [] };
        const means = people.map((row) => meanStepPerCompetence(profile, stepsOf(ratings.get(row.id) ?? [])));
        return {
          profileId,
          people: people.length,
          competences: profile.competences.map((competence) => {
            const cells = [
              { key: 'building' as const, size: means.filter((mean) => mean[competence.id] !== null && mean[competence.id]! < 2.5).length },
              { key: 'secure' as const, size: means.filter((mean) => mean[competence.id] !== null && mean[competence.id]! >= 2.5).length },
              { key: 'notRated' as const, size: means.filter((mean) => mean[competence.id] === null).length },
            ];
            const shown = new Set(chooseShownCells(cells, k));
            const cell = (key: (typeof cells)[number]['key']) => (shown.has(key) ? cells.find((entry) => entry.key === key)!.size : null);
            return { competenceId: competence.id, name: competence.name, building: cell('building'), secure: cell('secure'), notRated: cell('notRated') };
          }),
        };
      }),
    });
  }
  answer.periods.reverse();
  return answer;
}

/** The finished school-year halves from the one holding `firstDay` up to the last one that ended before `today` (at most the last six). */
export function closedPeriodsSince(firstDay: string | undefined, today: string): SchoolYearHalf[] {
  if (firstDay === undefined) return [];
  const periods: SchoolYearHalf[] = [];
  for (let half = schoolYearHalfOf(firstDay); half.lastDay < today; half = schoolYearHalfOf(addDays(half.lastDay, 1))) periods.push(half);
  return periods.slice(-6);
}

// ---------- rules and shapes ----------

async function requireOwnAssessment(deps: Deps, caller: StaffCaller, schoolId: string, assessmentId: string): Promise<AssessmentRow> {
  const row = await repository.findAssessment(deps.db.kysely, schoolId, assessmentId);
  // Someone else's assessment is private: the same 404 as one that does not exist.
  if (!row || row.user_id !== caller.userId) throw new AppError('not_found');
  return row;
}

function requireProfileRow(rows: readonly ProfileRow[], profileId: string): ProfileRow {
  const row = rows.find((entry) => entry.id === profileId);
  if (!row) throw new AppError('not_found');
  return row;
}

function isLeadership(caller: StaffCaller, schoolId: string): boolean {
  return (caller.actor.schoolRoles.get(schoolId) ?? []).includes('leadership');
}

/** The school's staff who can sign in there, one entry per person, by name. */
async function colleaguesOf(deps: Deps, schoolId: string): Promise<{ id: string; name: string }[]> {
  const rows = await repository.listColleagueRoles(deps.db.kysely, schoolId);
  const people = new Map(rows.map((row) => [row.id, { id: row.id, name: row.name }]));
  return [...people.values()].sort((left, right) => collator.compare(left.name, right.name));
}

function shareOf(row: { id: string; audience: string; grantee_user_id: string | null; created_at: string }, names: ReadonlyMap<string, string>): CompetenceShare {
  return {
    id: row.id,
    audience: row.audience as 'colleague' | 'leadership',
    grantee: row.grantee_user_id === null ? null : { id: row.grantee_user_id, name: names.get(row.grantee_user_id) ?? '' },
    createdAt: row.created_at,
  };
}

// The profile versions completed assessments used, and the current one.
function usedProfiles(rows: readonly ProfileRow[], completed: readonly { profile_id: string }[], currentId: string | null): ProfileSummary[] {
  const used = new Set(completed.map((row) => row.profile_id));
  return rows.filter((row) => used.has(row.id)).map((row) => profileSummaryOf(row, row.id === currentId));
}

function groupRatings(ratings: readonly RatingRow[]): Map<string, RatingRow[]> {
  const byAssessment = new Map<string, RatingRow[]>();
  for (const rating of ratings) byAssessment.set(rating.assessment_id, [...(byAssessment.get(rating.assessment_id) ?? []), rating]);
  return byAssessment;
}

function stepsOf(ratings: readonly Pick<RatingRow, 'indicator_id' | 'step'>[]): Map<string, number> {
  return new Map(ratings.map((rating) => [rating.indicator_id, rating.step]));
}

async function summariesOf(deps: Deps, rows: readonly ProfileRow[], completed: readonly Pick<AssessmentRow, 'id' | 'profile_id' | 'completed_on'>[]): Promise<AssessmentSummary[]> {
  const ratings = groupRatings(await repository.listRatings(deps.db.kysely, completed.map((row) => row.id)));
  return completed.map((row) => ({
    id: row.id,
    profileId: row.profile_id,
    completedOn: row.completed_on ?? '',
    means: meanStepPerCompetence(definitionOf(requireProfileRow(rows, row.profile_id)), stepsOf(ratings.get(row.id) ?? [])),
  }));
}

async function detailOf(deps: Deps, rows: readonly ProfileRow[], row: AssessmentRow): Promise<AssessmentDetail> {
  const ratings = await repository.listRatings(deps.db.kysely, [row.id]);
  const profile = requireProfileRow(rows, row.profile_id);
  const current = currentProfileRow(rows);
  return {
    id: row.id,
    profile: profileSummaryOf(profile, profile.id === current.id),
    isCompleted: row.completed_at !== null,
    startedAt: row.started_at,
    completedOn: row.completed_on,
    goals: await open(deps, 'team_competence_assessments', 'goals_encrypted', [row.id], row.goals_encrypted),
    ratings: await Promise.all(
      ratings.map(async (rating) => ({
        indicatorId: rating.indicator_id,
        step: rating.step,
        evidence: await open(deps, 'team_competence_ratings', 'evidence_encrypted', [row.id, rating.indicator_id], rating.evidence_encrypted),
      })),
    ),
  };
}

type SealedColumn = { table: 'team_competence_assessments'; column: 'goals_encrypted' } | { table: 'team_competence_ratings'; column: 'evidence_encrypted' };

// An empty text holds nothing to protect and is stored as it is.
function seal<C extends SealedColumn>(deps: Deps, table: C['table'], column: C['column'], key: readonly string[], text: string): Promise<string> {
  return text === '' ? Promise.resolve('') : deps.fieldCrypto.encrypt(encryptedFieldRef(table, column, key), text);
}

function open<C extends SealedColumn>(deps: Deps, table: C['table'], column: C['column'], key: readonly string[], stored: string): Promise<string> {
  return stored === '' ? Promise.resolve('') : deps.fieldCrypto.decrypt(encryptedFieldRef(table, column, key), stored);
}

async function audit(db: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, targetType: string, targetId: string, action: AuditAction, detail: Record<string, unknown>) {
  await recordAudit(db, deps.clock, { actorUserId: caller.userId, action, targetType, targetId, schoolId, boardId: caller.schoolBoardId ?? null, detail });
}
