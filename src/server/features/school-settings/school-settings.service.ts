import { DEFAULT_UNTRAINED_AFTER_MONTHS } from '../../../shared/plan';
import { recordAudit } from '../../audit/audit.service';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './school-settings.repository';
import type { SchoolSettings } from './school-settings.schemas';
import type { SchoolSettingsRow } from './school-settings.tables';

/** The settings a PUT may change; those left out stay as they are. */
export type SchoolSettingsChange = { [K in Exclude<keyof SchoolSettings, 'updatedAt'>]?: SchoolSettings[K] | undefined };

/** A school's settings as stored; a school without a row has every default. */
function settingsOf(row: SchoolSettingsRow | undefined): SchoolSettings {
  return {
    sharesSelfscanWithBoard: row?.shares_selfscan_with_board === 1,
    sharesCheckinWithBoard: row?.shares_checkin_with_board === 1,
    sharesPlanWithTeam: row?.shares_plan_with_team === 1,
    sharesPlanWithBoard: row?.shares_plan_with_board === 1,
    sharesEffectWithBoard: row?.shares_effect_with_board === 1,
    untrainedAfterMonths: row?.untrained_after_months ?? DEFAULT_UNTRAINED_AFTER_MONTHS,
    updatedAt: row?.updated_at ?? null,
  };
}

/** The settings of a school; a school that never changed them shares nothing. */
export async function getSchoolSettings(deps: Deps, schoolId: string): Promise<SchoolSettings> {
  if (!(await findSchool(deps.db.kysely, schoolId))) throw new AppError('not_found');
  return settingsOf(await repository.findSchoolSettings(deps.db.kysely, schoolId));
}

/**
 * Changes a school's settings and records who did it: one audit event per setting that changed,
 * naming the setting (`detail.setting`) with its value before and after.
 */
export async function updateSchoolSettings(deps: Deps, actorUserId: string, schoolId: string, input: SchoolSettingsChange): Promise<SchoolSettings> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = settingsOf(await repository.findSchoolSettings(trx, schoolId));
    const after: SchoolSettings = {
      sharesSelfscanWithBoard: input.sharesSelfscanWithBoard ?? before.sharesSelfscanWithBoard,
      sharesCheckinWithBoard: input.sharesCheckinWithBoard ?? before.sharesCheckinWithBoard,
      sharesPlanWithTeam: input.sharesPlanWithTeam ?? before.sharesPlanWithTeam,
      sharesPlanWithBoard: input.sharesPlanWithBoard ?? before.sharesPlanWithBoard,
      sharesEffectWithBoard: input.sharesEffectWithBoard ?? before.sharesEffectWithBoard,
      untrainedAfterMonths: input.untrainedAfterMonths ?? before.untrainedAfterMonths,
      updatedAt: null,
    };
    await repository.upsertSchoolSettings(trx, {
      school_id: schoolId,
      shares_selfscan_with_board: after.sharesSelfscanWithBoard ? 1 : 0,
      shares_checkin_with_board: after.sharesCheckinWithBoard ? 1 : 0,
      shares_plan_with_team: after.sharesPlanWithTeam ? 1 : 0,
      shares_plan_with_board: after.sharesPlanWithBoard ? 1 : 0,
      shares_effect_with_board: after.sharesEffectWithBoard ? 1 : 0,
      untrained_after_months: after.untrainedAfterMonths,
      updated_by: actorUserId,
      updated_at: isoInstant(deps.clock.now()),
    });
    for (const setting of Object.keys(input) as (keyof SchoolSettingsChange)[]) {
      // A setting sent with its current value (a page may send them all) is not a change.
      if (input[setting] === undefined || input[setting] === before[setting]) continue;
      await recordAudit(trx, deps.clock, {
        actorUserId,
        action: 'school.settings_changed',
        targetType: 'school',
        targetId: schoolId,
        schoolId,
        boardId: school.board_id,
        detail: { setting, before: before[setting], after: after[setting] },
      });
    }
  });
  return getSchoolSettings(deps, schoolId);
}
