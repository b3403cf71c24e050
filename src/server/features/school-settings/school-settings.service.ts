import { recordAudit } from '../../audit/audit.service';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './school-settings.repository';

/** Choices a school makes for itself. */
export interface SchoolSettings {
  sharesSelfscanWithBoard: boolean;
  sharesCheckinWithBoard: boolean;
  /** When a setting last changed; null while every setting is at its default. */
  updatedAt: string | null;
}

/** The settings a PUT may change; those left out stay as they are. */
export interface SchoolSettingsChange {
  sharesSelfscanWithBoard?: boolean | undefined;
  sharesCheckinWithBoard?: boolean | undefined;
}

/** The settings of a school; a school that never changed them shares nothing. */
export async function getSchoolSettings(deps: Deps, schoolId: string): Promise<SchoolSettings> {
  if (!(await findSchool(deps.db.kysely, schoolId))) throw new AppError('not_found');
  const row = await repository.findSchoolSettings(deps.db.kysely, schoolId);
  return {
    sharesSelfscanWithBoard: row?.shares_selfscan_with_board === 1,
    sharesCheckinWithBoard: row?.shares_checkin_with_board === 1,
    updatedAt: row?.updated_at ?? null,
  };
}

/**
 * Changes a school's settings and records who did it: one audit event per setting that changed,
 * naming the setting (`detail.setting`) with its value before and after.
 */
export async function updateSchoolSettings(deps: Deps, actorUserId: string, schoolId: string, input: SchoolSettingsChange): Promise<SchoolSettings> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await repository.findSchoolSettings(trx, schoolId);
    const wasSharingSelfscan = before?.shares_selfscan_with_board === 1;
    const wasSharingCheckin = before?.shares_checkin_with_board === 1;
    const sharesSelfscan = input.sharesSelfscanWithBoard ?? wasSharingSelfscan;
    const sharesCheckin = input.sharesCheckinWithBoard ?? wasSharingCheckin;
    await repository.upsertSchoolSettings(trx, {
      school_id: schoolId,
      shares_selfscan_with_board: sharesSelfscan ? 1 : 0,
      shares_checkin_with_board: sharesCheckin ? 1 : 0,
      updated_by: actorUserId,
      updated_at: isoInstant(deps.clock.now()),
    });
    const changes = [
      { setting: 'sharesSelfscanWithBoard', given: input.sharesSelfscanWithBoard, before: wasSharingSelfscan },
      { setting: 'sharesCheckinWithBoard', given: input.sharesCheckinWithBoard, before: wasSharingCheckin },
    ];
    for (const change of changes) {
      // A setting sent with its current value (the page sends both) is not a change.
      if (change.given === undefined || change.given === change.before) continue;
      await recordAudit(trx, deps.clock, {
        actorUserId,
        action: 'school.settings_changed',
        targetType: 'school',
        targetId: schoolId,
        schoolId,
        boardId: school.board_id,
        detail: { setting: change.setting, before: change.before, after: change.given },
      });
    }
  });
  return getSchoolSettings(deps, schoolId);
}
