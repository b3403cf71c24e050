import type { ReferralStatus } from '../../../shared/referrals';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import * as repository from './care-referrals.repository';
import type { ChangeReferralBody, Referral, ReferralFields, Referrals } from './care-referrals.schemas';
import { auditRead, auditWrite, requirePupil } from './care.service';

// Referrals of a pupil to help outside school (issue 14): the care team's alone (the route policy keeps everyone
// else out). To whom and why are field-encrypted; the audit detail never holds them, a status change it may.

type ReferralRow = NonNullable<Awaited<ReturnType<typeof repository.findReferral>>>;
type SealedColumn = 'to_whom_encrypted' | 'reason_encrypted';

/** The pupil's referrals, newest first. */
export async function listReferrals(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string): Promise<Referrals> {
  await requirePupil(deps, schoolId, pupilId);
  const rows = await repository.listReferrals(deps.db.kysely, schoolId, pupilId);
  const referrals = await Promise.all(rows.map((row) => referralOf(deps, row)));
  await auditRead(deps, caller, schoolId, pupilId, 'care.referrals_read', { via: 'care_team', referrals: referrals.length });
  return referrals;
}

/** Records a referral of the pupil, optionally linked to the screening that proposed it. */
export async function addReferral(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, fields: ReferralFields): Promise<Referral> {
  await requirePupil(deps, schoolId, pupilId);
  const problems: Record<string, string[]> = {};
  if (fields.referredOn > schoolDateOf(deps.clock.now())) problems['body.referredOn'] = ['in_the_future'];
  if (fields.screeningId !== null && !(await repository.isScreeningOfPupil(deps.db.kysely, schoolId, pupilId, fields.screeningId))) {
    problems['body.screeningId'] = ['not_a_screening_of_the_pupil'];
  }
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', { fields: problems });
  const id = newId();
  const now = isoInstant(deps.clock.now());
  const row = {
    id,
    school_id: schoolId,
    pupil_id: pupilId,
    referred_on: fields.referredOn,
    to_whom_encrypted: await seal(deps, id, 'to_whom_encrypted', fields.toWhom),
    reason_encrypted: await seal(deps, id, 'reason_encrypted', fields.reason),
    status: fields.status,
    follow_up_on: fields.followUpOn,
    screening_id: fields.screeningId,
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertReferral(trx, row);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.referral_added', { referralId: id, status: fields.status, screeningId: fields.screeningId });
  });
  return referralOf(deps, { ...row, created_by_name: caller.user.name });
}

/** Changes a referral: where it stands, its follow-up date, to whom and why. */
export async function changeReferral(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, referralId: string, body: ChangeReferralBody): Promise<Referral> {
  await requirePupil(deps, schoolId, pupilId);
  const row = await repository.findReferral(deps.db.kysely, schoolId, pupilId, referralId);
  if (!row) throw new AppError('not_found');
  const changes = {
    to_whom_encrypted: body.toWhom === undefined ? row.to_whom_encrypted : await seal(deps, row.id, 'to_whom_encrypted', body.toWhom),
    reason_encrypted: body.reason === undefined ? row.reason_encrypted : await seal(deps, row.id, 'reason_encrypted', body.reason),
    status: body.status ?? row.status,
    follow_up_on: body.followUpOn === undefined ? row.follow_up_on : body.followUpOn,
    updated_at: isoInstant(deps.clock.now()),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateReferral(trx, schoolId, pupilId, row.id, changes);
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.referral_changed', {
      referralId: row.id,
      changed: Object.keys(body).sort(),
      ...(changes.status !== row.status ? { status: changes.status, previousStatus: row.status } : {}),
    });
  });
  return referralOf(deps, { ...row, ...changes });
}

function seal(deps: Deps, id: string, column: SealedColumn, text: string): Promise<string> {
  return deps.fieldCrypto.encrypt(encryptedFieldRef('care_referrals', column, [id]), text);
}

function open(deps: Deps, id: string, column: SealedColumn, sealed: string): Promise<string> {
  return deps.fieldCrypto.decrypt(encryptedFieldRef('care_referrals', column, [id]), sealed);
}

async function referralOf(deps: Deps, row: ReferralRow): Promise<Referral> {
  const status = row.status as ReferralStatus;
  return {
    id: row.id,
    toWhom: await open(deps, row.id, 'to_whom_encrypted', row.to_whom_encrypted),
    referredOn: row.referred_on,
    reason: await open(deps, row.id, 'reason_encrypted', row.reason_encrypted),
    status,
    followUpOn: row.follow_up_on,
    isFollowUpDue: status !== 'ended' && row.follow_up_on !== null && row.follow_up_on <= schoolDateOf(deps.clock.now()),
    screeningId: row.screening_id,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
