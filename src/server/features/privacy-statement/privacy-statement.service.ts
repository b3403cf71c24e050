import { recordAudit } from '../../audit/audit.service';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { findSchool } from '../tenancy/tenancy.repository';
import * as repository from './privacy-statement.repository';
import type { PrivacyStatement } from './privacy-statement.schemas';

const DEFAULT_STATEMENT: PrivacyStatement = { text: null, updatedAt: null, updatedByName: null };

/** The school's privacy statement; a school that never adapted it gets the default (text null). */
export async function getPrivacyStatement(deps: Deps, schoolId: string): Promise<PrivacyStatement> {
  if (!(await findSchool(deps.db.kysely, schoolId))) throw new AppError('not_found');
  return (await repository.findPrivacyStatement(deps.db.kysely, schoolId)) ?? DEFAULT_STATEMENT;
}

/** Saves the school's own text and records who did it (`privacy_statement.updated`, never the text itself). */
export async function updatePrivacyStatement(deps: Deps, actorUserId: string, schoolId: string, text: string): Promise<PrivacyStatement> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.upsertPrivacyStatement(trx, { school_id: schoolId, text, updated_by: actorUserId, updated_at: isoInstant(deps.clock.now()) });
    await recordAudit(trx, deps.clock, {
      actorUserId,
      action: 'privacy_statement.updated',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
      detail: { change: 'adapted', length: text.length },
    });
  });
  return getPrivacyStatement(deps, schoolId);
}

/** Puts the default text back; audited only when the school had its own text (nothing else changes). */
export async function resetPrivacyStatement(deps: Deps, actorUserId: string, schoolId: string): Promise<void> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await repository.deletePrivacyStatement(trx, schoolId))) return;
    await recordAudit(trx, deps.clock, {
      actorUserId,
      action: 'privacy_statement.updated',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
      detail: { change: 'reset_to_default' },
    });
  });
}
