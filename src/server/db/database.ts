import type { Kysely } from 'kysely';
import type { AuditChainHeadTable, AuditEventsTable } from '../audit/audit.tables';
import type {
  BoardMembershipsTable,
  RoleGrantsTable,
  SchoolMembershipsTable,
  SchoolStaffStatusTable,
  StaffInvitationsTable,
  UsersTable,
} from '../auth/accounts.tables';
import type { SessionsTable, UserTokensTable } from '../auth/auth.tables';
import type { MfaRecoveryCodesTable, UserMfaTable } from '../auth/mfa.tables';
import type { DataKeysTable } from '../crypto/crypto.tables';
import type { RateLimitsTable } from '../http/rate-limit.tables';
import type { JobLeasesTable } from '../background-job.tables';
import type {
  CheckinClassDaysTable,
  CheckinClassSettingsTable,
  CheckinNotesTable,
  CheckinPupilSymbolsTable,
  CheckinWordingTable,
  CheckinsTable,
  ClassCodesTable,
  KioskDevicesTable,
  PupilCodesTable,
  PupilSessionsTable,
  SchoolClosedDaysTable,
} from '../features/checkin/checkin.tables';
import type { PupilImportErrorsTable, PupilImportRecordsTable, PupilImportsTable } from '../features/pupils/pupil-import.tables';
import type { ClassPupilsTable, PupilsTable } from '../features/pupils/pupils.tables';
import type {
  PlanActionsTable,
  PlanDigestSentTable,
  PlanGoalsTable,
  PlanMomentsTable,
  PlanPhasesTable,
  PlanUserPreferencesTable,
  PlanWorkingGroupTable,
  TrainingParticipantsTable,
  TrainingPartnersTable,
  TrainingsTable,
} from '../features/plan/plan.tables';
import type { SchoolSettingsTable } from '../features/school-settings/school-settings.tables';
import type { PrivacyStatementsTable } from '../features/privacy-statement/privacy-statement.tables';
import type {
  QuestionnaireResponsesTable,
  QuestionnaireWaveClassesTable,
  QuestionnaireWaveInstrumentsTable,
  QuestionnaireWavesTable,
  SchoolInstrumentsTable,
} from '../features/questionnaires/questionnaire-waves.tables';
import type {
  DevelopmentModelsTable,
  SelfscanConsensusTable,
  SelfscanGoalsTable,
  SelfscanInvitationsTable,
  SelfscanRatingsTable,
  SelfscanResponsesTable,
  SelfscanRoundsTable,
} from '../features/selfscan/selfscan.tables';
import type { ResearchObjectionsTable, ResearchStudiesTable } from '../features/research/research.tables';
import type {
  ClassClimateRatingsTable,
  ClassGroupPhasesTable,
  SociogramAnswersTable,
  SociogramChoicesTable,
  SociogramQuestionsTable,
  SociogramSchoolQuestionsTable,
  SociogramSettingsTable,
  SociogramsTable,
} from '../features/sociogram/sociogram.tables';
import type {
  RegulationFavouritesTable,
  RegulationHiddenActivitiesTable,
  RegulationLessonsGivenTable,
  RegulationMomentsTable,
  RegulationPlanActivitiesTable,
  RegulationRoutinesTable,
  RegulationSchoolActivitiesTable,
} from '../features/regulation/regulation.tables';
import type { CareRemindersSentTable, CareRetentionTermsTable } from '../features/care/care-jobs.tables';
import type { CareScreeningWordingsTable, CareAceCategoriesTable, CareAceFirstAgesTable, CareAceAnswersTable, CareBreakGlassTable, CareScreeningsTable, CareSupportPlansTable, CareTrustedAdultsTable } from '../features/care/care.tables';
import type { CareConversationsTable } from '../features/care/care-conversations.tables';
import type { CareReferralsTable } from '../features/care/care-referrals.tables';
import type { CareAttentionOfficersTable, CareMeldcodeCasesTable, CareMeldcodeStepsTable } from '../features/care/care-meldcode.tables';
import type { ParentContactsTable } from '../features/parents/parent-contacts.tables';
import type {
  ParentChildrenTable,
  ParentConversationRequestsTable,
  ParentLanguagesTable,
  ParentLinksTable,
  ParentQuestionnairesTable,
  ParentSchoolPagesTable,
  ParentSessionsTable,
  ParentsTable,
} from '../features/parents/parents.tables';
import type { PartnerAgreementsTable, PartnerContactsTable, PartnerOrganisationsTable } from '../features/partners/partners.tables';
import type {
  TeamBuddyConversationsTable,
  TeamChefBuddiesTable,
  TeamGuideConfirmationsTable,
  TeamGuideSectionsTable,
  TeamGuideVersionsTable,
  TeamOnboardingEvaluationsTable,
  TeamOnboardingPairsTable,
  TeamOnboardingSetupsTable,
  TeamOnboardingTextsTable,
  TeamRampTemplateItemsTable,
  TeamRampTicksTable,
} from '../features/team/onboarding.tables';
import type { TeamCompetenceAssessmentsTable, TeamCompetenceProfilesTable, TeamCompetenceRatingsTable, TeamCompetenceSharesTable } from '../features/team/competence.tables';
import type { TeamIntervisionParticipantsTable, TeamIntervisionSessionsTable } from '../features/team/intervision.tables';
import type { TeamPulseCountsTable, TeamPulseSettingsTable, TeamPulsesTable, TeamPulseVotesTable } from '../features/team/pulse.tables';
import type { TeamJournalEntriesTable } from '../features/team/journal.tables';
import type { BoardSsoDomainsTable, BoardSsoProvidersTable, SsoIdentitiesTable, SsoLoginAttemptsTable } from '../auth/sso.tables';
import type { GettingStartedHiddenTable } from '../features/getting-started/getting-started.tables';
import type { ClassTeachersTable, StaffStartDatesTable } from '../features/staff/staff.tables';
import type { SchoolYearPreparationsTable } from '../features/school-year/school-year.tables';
import type { BoardsTable, ClassesTable, LocationsTable, SchoolsTable } from '../features/tenancy/tenancy.tables';
import type { InstallationSettingsTable } from '../installation/installation.tables';
import type { OutboxMessagesTable } from '../mail/mail.tables';

/** Every table of Groeiwijzer, as Kysely sees it. */
export interface Database {
  boards: BoardsTable;
  schools: SchoolsTable;
  locations: LocationsTable;
  classes: ClassesTable;
  users: UsersTable;
  board_memberships: BoardMembershipsTable;
  school_memberships: SchoolMembershipsTable;
  school_staff_status: SchoolStaffStatusTable;
  staff_invitations: StaffInvitationsTable;
  role_grants: RoleGrantsTable;
  class_teachers: ClassTeachersTable;
  pupils: PupilsTable;
  class_pupils: ClassPupilsTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  outbox_messages: OutboxMessagesTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  development_models: DevelopmentModelsTable;
  selfscan_rounds: SelfscanRoundsTable;
  selfscan_invitations: SelfscanInvitationsTable;
  selfscan_responses: SelfscanResponsesTable;
  selfscan_ratings: SelfscanRatingsTable;
  selfscan_consensus: SelfscanConsensusTable;
  selfscan_goals: SelfscanGoalsTable;
  school_settings: SchoolSettingsTable;
  data_keys: DataKeysTable;
  user_mfa: UserMfaTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  checkin_class_settings: CheckinClassSettingsTable;
  checkin_wording: CheckinWordingTable;
  school_closed_days: SchoolClosedDaysTable;
  pupil_codes: PupilCodesTable;
  checkin_pupil_symbols: CheckinPupilSymbolsTable;
  class_codes: ClassCodesTable;
  kiosk_devices: KioskDevicesTable;
  pupil_sessions: PupilSessionsTable;
  checkins: CheckinsTable;
  checkin_notes: CheckinNotesTable;
  checkin_class_days: CheckinClassDaysTable;
  plan_phases: PlanPhasesTable;
  plan_moments: PlanMomentsTable;
  plan_working_group: PlanWorkingGroupTable;
  plan_goals: PlanGoalsTable;
  plan_actions: PlanActionsTable;
  trainings: TrainingsTable;
  training_participants: TrainingParticipantsTable;
  training_partners: TrainingPartnersTable;
  plan_user_preferences: PlanUserPreferencesTable;
  plan_digest_sent: PlanDigestSentTable;
  installation_settings: InstallationSettingsTable;
  pupil_imports: PupilImportsTable;
  pupil_import_records: PupilImportRecordsTable;
  pupil_import_errors: PupilImportErrorsTable;
  staff_start_dates: StaffStartDatesTable;
  getting_started_hidden: GettingStartedHiddenTable;
  school_year_preparations: SchoolYearPreparationsTable;
  privacy_statements: PrivacyStatementsTable;
  questionnaire_waves: QuestionnaireWavesTable;
  questionnaire_wave_instruments: QuestionnaireWaveInstrumentsTable;
  questionnaire_wave_classes: QuestionnaireWaveClassesTable;
  questionnaire_responses: QuestionnaireResponsesTable;
  school_instruments: SchoolInstrumentsTable;
  research_studies: ResearchStudiesTable;
  research_objections: ResearchObjectionsTable;
  care_trusted_adults: CareTrustedAdultsTable;
  care_support_plans: CareSupportPlansTable;
  care_ace_answers: CareAceAnswersTable;
  care_screenings: CareScreeningsTable;
  care_break_glass: CareBreakGlassTable;
  care_conversations: CareConversationsTable;
  care_referrals: CareReferralsTable;
  care_meldcode_cases: CareMeldcodeCasesTable;
  care_meldcode_steps: CareMeldcodeStepsTable;
  care_attention_officers: CareAttentionOfficersTable;
  care_retention_terms: CareRetentionTermsTable;
  care_reminders_sent: CareRemindersSentTable;
  care_ace_categories: CareAceCategoriesTable;
  care_ace_first_ages: CareAceFirstAgesTable;
  care_screening_wordings: CareScreeningWordingsTable;
  sociogram_settings: SociogramSettingsTable;
  sociogram_school_questions: SociogramSchoolQuestionsTable;
  sociograms: SociogramsTable;
  sociogram_questions: SociogramQuestionsTable;
  sociogram_answers: SociogramAnswersTable;
  sociogram_choices: SociogramChoicesTable;
  class_climate_ratings: ClassClimateRatingsTable;
  class_group_phases: ClassGroupPhasesTable;
  regulation_school_activities: RegulationSchoolActivitiesTable;
  regulation_hidden_activities: RegulationHiddenActivitiesTable;
  regulation_favourites: RegulationFavouritesTable;
  regulation_routines: RegulationRoutinesTable;
  regulation_plan_activities: RegulationPlanActivitiesTable;
  regulation_moments: RegulationMomentsTable;
  regulation_lessons_given: RegulationLessonsGivenTable;
  parents: ParentsTable;
  parent_children: ParentChildrenTable;
  parent_links: ParentLinksTable;
  parent_sessions: ParentSessionsTable;
  parent_conversation_requests: ParentConversationRequestsTable;
  parent_questionnaires: ParentQuestionnairesTable;
  parent_school_pages: ParentSchoolPagesTable;
  parent_languages: ParentLanguagesTable;
  parent_contacts: ParentContactsTable;
  partner_organisations: PartnerOrganisationsTable;
  partner_contacts: PartnerContactsTable;
  partner_agreements: PartnerAgreementsTable;
  team_onboarding_setups: TeamOnboardingSetupsTable;
  team_guide_versions: TeamGuideVersionsTable;
  team_guide_sections: TeamGuideSectionsTable;
  team_guide_confirmations: TeamGuideConfirmationsTable;
  team_chef_buddies: TeamChefBuddiesTable;
  team_onboarding_pairs: TeamOnboardingPairsTable;
  team_ramp_template_items: TeamRampTemplateItemsTable;
  team_ramp_ticks: TeamRampTicksTable;
  team_buddy_conversations: TeamBuddyConversationsTable;
  team_onboarding_evaluations: TeamOnboardingEvaluationsTable;
  team_onboarding_texts: TeamOnboardingTextsTable;
  team_competence_profiles: TeamCompetenceProfilesTable;
  team_competence_assessments: TeamCompetenceAssessmentsTable;
  team_competence_ratings: TeamCompetenceRatingsTable;
  team_competence_shares: TeamCompetenceSharesTable;
  team_intervision_sessions: TeamIntervisionSessionsTable;
  team_intervision_participants: TeamIntervisionParticipantsTable;
  team_pulses: TeamPulsesTable;
  team_pulse_votes: TeamPulseVotesTable;
  team_pulse_counts: TeamPulseCountsTable;
  team_pulse_settings: TeamPulseSettingsTable;
  team_journal_entries: TeamJournalEntriesTable;
  board_sso_providers: BoardSsoProvidersTable;
  board_sso_domains: BoardSsoDomainsTable;
  sso_identities: SsoIdentitiesTable;
  sso_login_attempts: SsoLoginAttemptsTable;
  rate_limits: RateLimitsTable;
  job_leases: JobLeasesTable;
}

/** Every table, parents before children (the order inserts must follow for foreign keys). */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'boards',
  'schools',
  'locations',
  'classes',
  'users',
  'board_memberships',
  'school_memberships',
  'school_staff_status',
  'staff_invitations',
  'role_grants',
  'class_teachers',
  'pupils',
  'class_pupils',
  'sessions',
  'user_tokens',
  'outbox_messages',
  'audit_events',
  'audit_chain_head',
  'development_models',
  'selfscan_rounds',
  'selfscan_invitations',
  'selfscan_responses',
  'selfscan_ratings',
  'selfscan_consensus',
  'selfscan_goals',
  'school_settings',
  'data_keys',
  'user_mfa',
  'mfa_recovery_codes',
  'checkin_class_settings',
  'checkin_wording',
  'school_closed_days',
  'pupil_codes',
  'checkin_pupil_symbols',
  'class_codes',
  'kiosk_devices',
  'pupil_sessions',
  'checkins',
  'checkin_notes',
  'checkin_class_days',
  'plan_phases',
  'plan_moments',
  'plan_working_group',
  'plan_goals',
  'plan_actions',
  'trainings',
  'training_participants',
  'training_partners',
  'plan_user_preferences',
  'plan_digest_sent',
  'installation_settings',
  'pupil_imports',
  'pupil_import_records',
  'pupil_import_errors',
  'staff_start_dates',
  'getting_started_hidden',
  'school_year_preparations',
  'privacy_statements',
  'questionnaire_waves',
  'questionnaire_wave_instruments',
  'questionnaire_wave_classes',
  'questionnaire_responses',
  'school_instruments',
  'research_studies',
  'research_objections',
  'care_trusted_adults',
  'care_support_plans',
  'care_ace_answers',
  'care_screenings',
  'care_break_glass',
  'care_conversations',
  'care_referrals',
  'care_meldcode_cases',
  'care_meldcode_steps',
  'care_attention_officers',
  'care_retention_terms',
  'care_reminders_sent',
  'care_ace_categories',
  'care_ace_first_ages',
  'care_screening_wordings',
  'sociogram_settings',
  'sociogram_school_questions',
  'sociograms',
  'sociogram_questions',
  'sociogram_answers',
  'sociogram_choices',
  'class_climate_ratings',
  'class_group_phases',
  'regulation_school_activities',
  'regulation_hidden_activities',
  'regulation_favourites',
  'regulation_routines',
  'regulation_plan_activities',
  'regulation_moments',
  'regulation_lessons_given',
  'parents',
  'parent_children',
  'parent_links',
  'parent_sessions',
  'parent_conversation_requests',
  'parent_questionnaires',
  'parent_school_pages',
  'parent_languages',
  'parent_contacts',
  'partner_organisations',
  'partner_contacts',
  'partner_agreements',
  'team_onboarding_setups',
  'team_guide_versions',
  'team_guide_sections',
  'team_guide_confirmations',
  'team_chef_buddies',
  'team_onboarding_pairs',
  'team_ramp_template_items',
  'team_ramp_ticks',
  'team_buddy_conversations',
  'team_onboarding_evaluations',
  'team_onboarding_texts',
  'team_competence_profiles',
  'team_competence_assessments',
  'team_competence_ratings',
  'team_competence_shares',
  'team_intervision_sessions',
  'team_intervision_participants',
  'team_pulses',
  'team_pulse_votes',
  'team_pulse_counts',
  'team_pulse_settings',
  'team_journal_entries',
  'board_sso_providers',
  'board_sso_domains',
  'sso_identities',
  'sso_login_attempts',
  'rate_limits',
  'job_leases',
] as const satisfies readonly (keyof Database)[];

/** The two database engines Groeiwijzer runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** A connected database: the Kysely handle plus what kind it is. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives: a file path for SQLite, the connection URL for PostgreSQL. */
  location: string;
  close(): Promise<void>;
}
