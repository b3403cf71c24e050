import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { type Clock, isoInstant, newId } from '../deps';
import { insertAuditEvent } from './audit.repository';

/** The kinds of event the audit log records. */
export type AuditAction =
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_reset_requested'
  | 'auth.password_reset_completed'
  | 'setup.completed'
  | 'demo.loaded'
  | 'school.created'
  | 'school.settings_changed'
  | 'location.created'
  | 'location.updated'
  | 'location.deleted'
  | 'class.created'
  | 'class.updated'
  | 'class.deleted'
  | 'staff.invited'
  | 'staff.invitation_accepted'
  | 'staff.roles_changed'
  | 'staff.disabled'
  | 'staff.enabled'
  | 'pupils.imported'
  | 'outbox.read'
  | 'pupils.read'
  | 'selfscan.model_imported'
  | 'selfscan.round_opened'
  | 'selfscan.results_shared'
  | 'selfscan.consensus_recorded'
  | 'selfscan.exported';

/** One thing to record: who did what to which record, in which board/school. */
export interface AuditEntry {
  actorUserId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  boardId?: string | null;
  schoolId?: string | null;
  /** Small structured detail (counts, role names). Never free text about a pupil. */
  detail?: Record<string, unknown>;
}

/** Writes one audit event in the given transaction or connection. */
export async function recordAudit(db: Kysely<Database>, clock: Clock, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    id: newId(),
    occurred_at: isoInstant(clock.now()),
    actor_user_id: entry.actorUserId,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    board_id: entry.boardId ?? null,
    school_id: entry.schoolId ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}
