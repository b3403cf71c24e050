import { recordAudit } from '../../audit/audit.service';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './school-settings.repository';

/** Choices a school makes for itself. */
export interface SchoolSettings {
  sharesSelfscanWithBoard: boolean;
  /** When a setting last changed; null while every setting is at its default. */
  updatedAt: string | null;
}

/** The settings of a school; a school that never changed them shares nothing. */
export async function getSchoolSettings(deps: Deps, schoolId: string): Promise<SchoolSettings> {
  if (!(await findSchool(deps.db.kysely, schoolId))) throw new AppError('not_found');
  const row = await repository.findSchoolSettings(deps.db.kysely, schoolId);
  return { sharesSelfscanWithBoard: row?.shares_selfscan_with_board === 1, updatedAt: row?.updated_at ?? null };
}

/** Changes a school's settings and records who did it, with the value before and after. */
export async function updateSchoolSettings(deps: Deps, actorUserId: string, schoolId: string, input: { sharesSelfscanWithBoard: boolean }): Promise<SchoolSettings> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await repository.findSchoolSettings(trx, schoolId);
    await repository.upsertSchoolSettings(trx, {
      school_id: schoolId,
      shares_selfscan_with_board: input.sharesSelfscanWithBoard ? 1 : 0,
      updated_by: actorUserId,
      updated_at: isoInstant(deps.clock.now()),
    });
    await recordAudit(trx, deps.clock, {
      actorUserId,
      action: 'school.settings_changed',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
      // The only setting so far is the self-scan sharing, so before/after need no name.
      detail: { before: before?.shares_selfscan_with_board === 1, after: input.sharesSelfscanWithBoard },
    });
  });
  return getSchoolSettings(deps, schoolId);
}
