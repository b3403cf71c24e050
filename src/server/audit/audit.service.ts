import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { type Clock, isoInstant, newId } from '../deps';
import { auditRowHashV1 } from './audit-chain.hash';
import { appendAuditEvent, lockChainHead } from './audit.repository';

/** The kinds of event the audit log records. */
export type AuditAction =
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_reset_requested'
  | 'auth.password_reset_completed'
  | 'auth.password_changed'
  | 'auth.other_sessions_ended'
  | 'mfa.enrolled'
  | 'mfa.verified'
  | 'mfa.verify_failed'
  | 'mfa.recovery_code_used'
  | 'mfa.recovery_codes_regenerated'
  | 'mfa.disabled'
  | 'auth.sso_linked'
  | 'board.sso_changed'
  | 'board.sso_removed'
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
  | 'staff.sessions_ended'
  | 'staff.enabled'
  | 'staff.invitation_declined'
  | 'staff.invitation_withdrawn'
  | 'staff.blocked'
  | 'staff.unblocked'
  | 'staff.role_grant_requested'
  | 'staff.role_grant_approved'
  | 'staff.role_grant_rejected'
  | 'staff.start_date_changed'
  | 'staff.imported'
  | 'staff.exported'
  | 'getting_started.hidden'
  | 'privacy_statement.updated'
  | 'pupils.imported'
  | 'pupils.updated'
  | 'pupils.moved'
  | 'pupils.left'
  | 'pupils.returned'
  | 'school_year.prepared'
  | 'school_year.preparation_undone'
  | 'class.teachers_changed'
  | 'outbox.read'
  | 'pupils.read'
  | 'pupils.exported'
  | 'selfscan.model_imported'
  | 'selfscan.round_opened'
  | 'selfscan.round_closed'
  | 'selfscan.reminders_sent'
  | 'selfscan.results_shared'
  | 'selfscan.consensus_recorded'
  | 'selfscan.exported'
  | 'selfscan.goals_changed'
  | 'selfscan.board_view_read'
  | 'checkin.overview_read'
  | 'checkin.pupil_history_read'
  | 'checkin.school_signals_read'
  | 'checkin.note_added'
  | 'checkin.wording_changed'
  | 'checkin.closed_days_changed'
  | 'checkin.kiosk_opened'
  | 'checkin.kiosk_closed'
  | 'checkin.cards_issued'
  | 'checkin.symbol_changed'
  | 'checkin.pupil_sign_in_failed'
  | 'plan.working_group_changed'
  | 'plan.exported'
  | 'plan.board_rollup_read'
  | 'plan.calendar_feed_changed'
  | 'training.changed'
  | 'training.exported'
  | 'research.study_created'
  | 'research.objection_changed'
  | 'research.exported'
  | 'evaluation.board_view_read'
  | 'questionnaires.instrument_imported'
  | 'questionnaires.reminders_sent'
  | 'care.file_read'
  | 'care.plan_version_read'
  | 'care.plan_saved'
  | 'care.trusted_adult_added'
  | 'care.trusted_adult_removed'
  | 'care.aces_read'
  | 'care.aces_recorded'
  | 'care.screenings_read'
  | 'care.screening_recorded'
  | 'care.overview_read'
  | 'care.break_glass_opened'
  | 'care.conversations_read'
  | 'care.conversation_planned'
  | 'care.conversations_year_planned'
  | 'care.conversation_changed'
  | 'care.conversation_removed'
  | 'care.referrals_read'
  | 'care.referral_added'
  | 'care.referral_changed'
  | 'care.meldcode_read'
  | 'care.meldcode_case_opened'
  | 'care.meldcode_step_recorded'
  | 'care.meldcode_case_closed'
  | 'care.attention_officer_changed'
  | 'care.retention_terms_changed'
  | 'care.retention_applied'
  | 'care.pupil_exported'
  | 'care.ace_categories_changed'
  | 'care.screening_wording_changed'
  | 'parents.contacts_read'
  | 'parents.contacts_overview_read'
  | 'parents.contact_added'
  | 'parents.contact_changed'
  | 'parents.contact_follow_up_marked'
  | 'parents.contact_removed'
  | 'group.climate_rated'
  | 'group.climate_rating_removed'
  | 'group.phase_set'
  | 'sociogram.settings_changed'
  | 'sociogram.question_added'
  | 'sociogram.question_archived'
  | 'sociogram.started'
  | 'sociogram.closed'
  | 'sociogram.reopened'
  | 'sociogram.removed'
  | 'sociogram.answers_read'
  | 'sociogram.paper_answers_saved'
  | 'sociogram.answers_removed'
  | 'sociogram.results_read'
  | 'sociogram.results_printed'
  | 'sociogram.retention_applied'
  | 'checkin.retention_applied'
  | 'regulation.activity_added'
  | 'regulation.activity_removed'
  | 'regulation.activity_hidden'
  | 'regulation.activity_shown'
  | 'regulation.routine_added'
  | 'regulation.routine_removed'
  | 'regulation.pupil_read'
  | 'regulation.plan_activity_linked'
  | 'regulation.plan_activity_unlinked'
  | 'regulation.lesson_given'
  | 'regulation.lesson_given_undone'
  | 'parents.read'
  | 'parents.parent_added'
  | 'parents.parent_changed'
  | 'parents.parent_removed'
  | 'parents.exclusion_changed'
  | 'parents.link_sent'
  | 'parents.access_revoked'
  | 'parents.questionnaire_sent'
  | 'parents.questionnaire_withdrawn'
  | 'parents.request_handled'
  | 'parents.page_changed'
  | 'parents.language_saved'
  | 'parents.language_removed'
  | 'parent.link_opened'
  | 'parent.link_open_failed'
  | 'parent.new_link_requested'
  | 'parent.signed_out'
  | 'parent.details_corrected'
  | 'parent.language_chosen'
  | 'parent.research_consent_changed'
  | 'parent.conversation_requested'
  | 'parent.consent_given'
  | 'parent.questionnaire_answered'
  | 'partners.organisation_added'
  | 'partners.organisation_changed'
  | 'partners.organisation_archived'
  | 'partners.organisation_restored'
  | 'partners.contact_added'
  | 'partners.contact_changed'
  | 'partners.contact_removed'
  | 'partners.agreement_added'
  | 'partners.agreement_changed'
  | 'partners.agreement_removed'
  | 'onboarding.guide_published'
  | 'onboarding.chef_buddy_appointed'
  | 'onboarding.chef_buddy_removed'
  | 'onboarding.pair_added'
  | 'onboarding.pair_changed'
  | 'onboarding.pair_removed'
  | 'team.pulse_planned'
  | 'team.pulse_closed'
  | 'team.pulse_removed'
  | 'team.pulse_help_changed'
  | 'team.journal_exported'
  | 'team.journal_entry_deleted'
  | 'team.journal_deleted'
  | 'competence.profile_imported'
  | 'competence.assessment_completed'
  | 'competence.shared'
  | 'competence.share_revoked'
  | 'competence.shared_read'
  | 'intervision.session_recorded'
  | 'intervision.session_changed'
  | 'intervision.session_removed'
  | 'intervision.care_sessions_read';

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

/**
 * Writes one audit event as the next link of the hash chain: takes the chain head, stores the event
 * with the head's hash as prev_hash and its own SHA-256 row_hash, and moves the head — all in one
 * transaction (the caller's, or a new one when `db` is not a transaction).
 */
export async function recordAudit(db: Kysely<Database>, clock: Clock, entry: AuditEntry): Promise<void> {
  if (db.isTransaction) return appendToChain(db, clock, entry);
  return db.transaction().execute((trx) => appendToChain(trx, clock, entry));
}

async function appendToChain(trx: Kysely<Database>, clock: Clock, entry: AuditEntry): Promise<void> {
  const head = await lockChainHead(trx);
  // Read after the lock, so the time never runs backwards along the chain (with a steady clock).
  const fields = {
    seq: head.seq + 1,
    id: newId(),
    occurred_at: isoInstant(clock.now()),
    actor_user_id: entry.actorUserId,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    board_id: entry.boardId ?? null,
    school_id: entry.schoolId ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    prev_hash: head.row_hash,
  };
  await appendAuditEvent(trx, { ...fields, row_hash: auditRowHashV1(fields) });
}
