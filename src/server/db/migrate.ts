import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-21-001-foundation';
import * as selfscan from './migrations/2026-11-22-001-selfscan';
import * as schoolSettings from './migrations/2026-11-22-002-school-settings';
import * as auditChain from './migrations/2026-11-23-001-audit-chain';
import * as fieldEncryption from './migrations/2026-11-23-002-field-encryption';
import * as mfa from './migrations/2026-11-23-003-mfa';
import * as checkin from './migrations/2026-11-24-001-checkin';
import * as plan from './migrations/2026-11-25-001-plan';
import * as installationSettings from './migrations/2026-11-26-001-installation-settings';
import * as outboxSecretLinks from './migrations/2026-11-26-002-outbox-secret-links';
import * as kioskDeviceIds from './migrations/2026-11-27-001-kiosk-device-ids';
import * as accountHomes from './migrations/2026-12-03-001-account-homes';
import * as selfscanRoundClosed from './migrations/2026-12-05-001-selfscan-round-closed';
import * as pupilLifecycle from './migrations/2026-12-06-001-pupil-lifecycle';
import * as pupilImportStaging from './migrations/2026-11-26-001-pupil-import-staging';
import * as checkinClassDayCounts from './migrations/2026-11-26-001-checkin-class-day-counts';
import * as pupilSymbols from './migrations/2026-12-06-002-pupil-symbols';
import * as staffStartDate from './migrations/2026-12-06-004-staff-start-date';
import * as selfscanReminders from './migrations/2026-12-06-003-selfscan-reminders';
import * as schoolYearPreparations from './migrations/2026-12-07-001-school-year-preparations';
import * as privacyStatements from './migrations/2026-12-07-002-privacy-statements';
import * as questionnaireWaves from './migrations/2026-12-08-001-questionnaire-waves';
import * as questionnaireResponses from './migrations/2026-12-08-002-questionnaire-responses';
import * as research from './migrations/2026-12-09-001-research';
import * as care from './migrations/2026-12-10-001-care';
import * as careConversationsReferralsMeldcode from './migrations/2026-12-10-002-care-conversations-referrals-meldcode';
import * as careRetention from './migrations/2026-12-10-003-care-retention';
import * as careReminders from './migrations/2026-12-10-004-care-reminders';
import * as careAceCategories from './migrations/2026-12-10-005-care-ace-categories';
import * as careScreeningWordings from './migrations/2026-12-10-006-care-screening-wordings';
import * as sociogram from './migrations/2026-12-11-001-sociogram';
import * as regulation from './migrations/2026-12-12-001-regulation';
import * as windowLessons from './migrations/2026-12-12-002-window-lessons';
import * as parents from './migrations/2026-12-13-001-parents';
import * as parentContacts from './migrations/2026-12-13-002-parent-contacts';
import * as partners from './migrations/2026-12-13-003-partners';
import * as onboarding from './migrations/2026-12-14-001-onboarding';
import * as competenceIntervision from './migrations/2026-12-14-002-competence-intervision';
import * as pulseJournal from './migrations/2026-12-14-003-pulse-journal';
import * as boardSso from './migrations/2026-12-15-003-board-sso';
import * as checkinsSchoolDateIndex from './migrations/2026-12-15-001-checkins-school-date-index';
import * as rateLimitsJobLeases from './migrations/2026-12-15-002-rate-limits-job-leases';
import * as effectSharing from './migrations/2026-12-09-002-effect-sharing';
import * as schoolInstruments from './migrations/2026-12-09-003-school-instruments';
import * as waveReminders from './migrations/2026-12-09-004-wave-reminders';

// Listed explicitly (not read from disk) so migrations work the same under tsx, tests and bundles.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-21-001-foundation': foundation,
  '2026-11-22-001-selfscan': selfscan,
  '2026-11-22-002-school-settings': schoolSettings,
  '2026-11-23-001-audit-chain': auditChain,
  '2026-11-23-002-field-encryption': fieldEncryption,
  '2026-11-23-003-mfa': mfa,
  '2026-11-24-001-checkin': checkin,
  '2026-11-25-001-plan': plan,
  '2026-11-26-001-installation-settings': installationSettings,
  '2026-11-26-002-outbox-secret-links': outboxSecretLinks,
  '2026-11-27-001-kiosk-device-ids': kioskDeviceIds,
  '2026-12-03-001-account-homes': accountHomes,
  '2026-12-05-001-selfscan-round-closed': selfscanRoundClosed,
  '2026-11-26-001-pupil-import-staging': pupilImportStaging,
  '2026-11-26-001-checkin-class-day-counts': checkinClassDayCounts,
  '2026-12-06-002-pupil-symbols': pupilSymbols,
  '2026-12-06-004-staff-start-date': staffStartDate,
  '2026-12-06-003-selfscan-reminders': selfscanReminders,
  '2026-12-06-001-pupil-lifecycle': pupilLifecycle,
  '2026-12-07-001-school-year-preparations': schoolYearPreparations,
  '2026-12-07-002-privacy-statements': privacyStatements,
  '2026-12-08-001-questionnaire-waves': questionnaireWaves,
  '2026-12-08-002-questionnaire-responses': questionnaireResponses,
  '2026-12-09-001-research': research,
  '2026-12-09-002-effect-sharing': effectSharing,
  '2026-12-09-003-school-instruments': schoolInstruments,
  '2026-12-09-004-wave-reminders': waveReminders,
  '2026-12-10-001-care': care,
  '2026-12-10-002-care-conversations-referrals-meldcode': careConversationsReferralsMeldcode,
  '2026-12-10-003-care-retention': careRetention,
  '2026-12-10-004-care-reminders': careReminders,
  '2026-12-10-005-care-ace-categories': careAceCategories,
  '2026-12-10-006-care-screening-wordings': careScreeningWordings,
  '2026-12-11-001-sociogram': sociogram,
  '2026-12-12-001-regulation': regulation,
  '2026-12-12-002-window-lessons': windowLessons,
  '2026-12-13-001-parents': parents,
  '2026-12-13-002-parent-contacts': parentContacts,
  '2026-12-13-003-partners': partners,
  '2026-12-14-001-onboarding': onboarding,
  '2026-12-14-002-competence-intervision': competenceIntervision,
  '2026-12-14-003-pulse-journal': pulseJournal,
  '2026-12-15-003-board-sso': boardSso,
  '2026-12-15-001-checkins-school-date-index': checkinsSchoolDateIndex,
  '2026-12-15-002-rate-limits-job-leases': rateLimitsJobLeases,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(kysely: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db: kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

/** Reverts every migration (used by tests that check `down`). */
export async function migrateToBottom(kysely: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db: kysely, provider });
  for (;;) {
    const { error, results } = await migrator.migrateDown();
    if (error) throw error;
    if (!results || results.length === 0) return;
  }
}
