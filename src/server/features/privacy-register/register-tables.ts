import type { CareRetentionCategory } from '../../../shared/care';
import type { Permission } from '../../../shared/permissions';
import type { Database } from '../../db/database';
import type { BilingualText, RegisterCategory } from './register-categories';

// The register's entry for every table of the database: which category it belongs to, what it holds, which
// permissions read it and which retention rule applies. The roles are computed from the permissions
// (shared/permissions.ts) and the encrypted columns from crypto/encrypted-columns.ts, so neither is repeated here.
// register.test.ts fails when the migrated database has a table that is not described here.

/**
 * The retention rules the register knows; privacy-register.ts turns each into a text with the real figures (the
 * configured check-in years, the school's own care terms, the token and session lifetimes).
 */
export type RetentionRule =
  | 'checkins'
  | 'sociograms'
  | `care.${CareRetentionCategory}`
  | 'secret_links'
  | 'staged_imports'
  | 'sessions'
  | 'short_lived'
  | 'pupil_access'
  | 'parent_access'
  | 'audit'
  | 'pupil'
  | 'in_use'
  | 'anonymous'
  | 'reference';

/** Who reads their own records in a table besides the roles of `readBy`. */
export type SelfReader = 'pupil' | 'parent' | 'staff_member';

/** The kinds of person a request of access (AVG art. 15) can be about. */
export type SubjectKind = 'pupil' | 'parent' | 'staff';

/**
 * How a table's rows point at a person: a column holding their id; that column only while another column has a
 * value (an audit event's target); or a column holding the id of a row of another table that points at them (a
 * rating of their self-scan answer).
 */
export type SubjectColumn<C extends string = string> =
  | C
  | { readonly column: C; readonly when: { readonly column: C; readonly equals: string } }
  | { readonly column: C; readonly through: { readonly table: keyof Database; readonly column: string } };

/**
 * Which of a person's rows belong to the school when the table has no school_id: those whose `column` is the `key`
 * (default id) of a row of `table` of the school (its `schoolColumn`, default school_id), or all of them ('person':
 * the person belongs to the school, or `through` already narrowed them).
 */
export type SubjectScope<C extends string = string> = 'person' | { readonly column: C; readonly table: keyof Database; readonly key?: string; readonly schoolColumn?: string };

/** Why a person column is not searched for a request of access. */
export type NotSearchedReason = 'authored' | 'pupil_record' | 'others_choices';

/** Why a column is left out of a request of access. */
export type ExportOmitReason = 'secret' | 'third_party';

/** Why a table that points at a person is not part of the export at all (subject-export.ts says it in words). */
export type NoSubjectReason = 'meldcode' | 'own_journal';

/** The columns of a table that point at a person, per kind of person (subject-export.ts collects them). */
export interface SubjectColumns<C extends string = string> {
  readonly pupil?: readonly SubjectColumn<C>[];
  readonly parent?: readonly SubjectColumn<C>[];
  readonly staff?: readonly SubjectColumn<C>[];
  /** How the rows are narrowed to the school; without it, by the table's school_id. */
  readonly scope?: SubjectScope<C>;
  /** Person columns deliberately not searched, and why. */
  readonly notSearched?: { readonly columns: readonly C[]; readonly why: NotSearchedReason };
}

/** What the register says of one table. */
export interface TableEntry<C extends string = string> {
  category: RegisterCategory;
  holds: BilingualText;
  /** The permissions whose holders read the table (the service may narrow it further); none: only the system. */
  readBy: readonly Permission[];
  self?: SelfReader;
  retention: RetentionRule;
  /**
   * Who the rows are about, for a request of access; `none: …` when the table points at a person but is left out on
   * purpose. subject-export.test.ts fails when a table with a person column says neither.
   */
  subjects?: SubjectColumns<C> | `none: ${NoSubjectReason}`;
  /** Columns never exported to the person (hashes, tokens, secrets; what would tell about someone else). */
  exportOmit?: { readonly columns: readonly C[]; readonly why: ExportOmitReason };
}

/** The register entry of every table (by its name in the database). */
export const TABLE_ENTRIES: { readonly [T in keyof Database]?: TableEntry<keyof Database[T] & string> } = {
  // Board and schools.
  boards: { category: 'school_organisation', retention: 'in_use', readBy: ['board.read'], holds: { nl: 'Het bestuur: naam en instellingen.', en: 'The board: name and settings.' } },
  schools: { category: 'school_organisation', retention: 'in_use', readBy: ['school.read'], holds: { nl: 'De scholen van het bestuur.', en: 'The board’s schools.' } },
  locations: { category: 'school_organisation', retention: 'in_use', readBy: ['school.read'], holds: { nl: 'Locaties van een school.', en: 'A school’s locations.' } },
  classes: { category: 'school_organisation', retention: 'in_use', readBy: ['school.read'], holds: { nl: 'Klassen per schooljaar.', en: 'Classes per school year.' } },
  school_year_preparations: { category: 'school_organisation', retention: 'in_use', readBy: ['school.year.prepare'], holds: { nl: 'De voorbereiding van het volgende schooljaar, zodat die ongedaan kan worden.', en: 'The preparation of the next school year, so it can be undone.' } },
  // Staff accounts and roles.
  users: { category: 'staff', retention: 'in_use', readBy: ['school.staff.read', 'board.accounts.manage'], self: 'staff_member', holds: { nl: 'Accounts van medewerkers: naam, e-mailadres, wachtwoord-hash, taal.', en: 'Staff accounts: name, e-mail address, password hash, language.' }, subjects: { staff: ['id'], scope: 'person' }, exportOmit: { columns: ['password_hash'], why: 'secret' } },
  board_memberships: { category: 'staff', retention: 'in_use', readBy: ['board.accounts.manage'], holds: { nl: 'Wie bij het bestuur hoort en met welke rol.', en: 'Who belongs to the board and in which role.' }, subjects: { staff: ['user_id'], scope: { column: 'board_id', table: 'schools', key: 'board_id', schoolColumn: 'id' } } },
  school_memberships: { category: 'staff', retention: 'in_use', readBy: ['school.staff.read'], holds: { nl: 'Wie bij een school hoort.', en: 'Who belongs to a school.' }, subjects: { staff: ['user_id'] } },
  school_staff_status: { category: 'staff', retention: 'in_use', readBy: ['school.staff.read'], holds: { nl: 'Of een school iemand blokkeerde of uitlogde.', en: 'Whether a school blocked or signed someone out.' }, subjects: { staff: ['user_id'] } },
  staff_invitations: { category: 'staff', retention: 'in_use', readBy: ['school.staff.read'], holds: { nl: 'Uitnodigingen voor nieuwe medewerkers (naam, e-mailadres, rol).', en: 'Invitations of new staff (name, e-mail address, role).' }, subjects: { staff: ['user_id'] }, exportOmit: { columns: ['token_hash'], why: 'secret' } },
  role_grants: { category: 'staff', retention: 'in_use', readBy: ['school.staff.read', 'school.roles.approve'], holds: { nl: 'Rollen die iemand kreeg, met wie ze vroeg en goedkeurde.', en: 'Roles someone was given, with who asked and approved.' }, subjects: { staff: ['user_id'] } },
  class_teachers: { category: 'staff', retention: 'in_use', readBy: ['school.read'], holds: { nl: 'Welke leerkracht welke klas heeft.', en: 'Which teacher teaches which class.' }, subjects: { staff: ['user_id'], scope: { column: 'class_id', table: 'classes' } } },
  staff_start_dates: { category: 'staff', retention: 'in_use', readBy: ['school.staff.read'], holds: { nl: 'Startdatum van een medewerker op de school.', en: 'A staff member’s start date at the school.' }, subjects: { staff: ['user_id'] } },
  // Pupils.
  pupils: { category: 'pupil_identity', retention: 'pupil', readBy: ['school.pupils.read'], holds: { nl: 'Leerlingen: naam, leerlingnummer, geboortedatum, vertrekdatum.', en: 'Pupils: name, pupil number, date of birth, date of leaving.' }, subjects: { pupil: ['id'] } },
  class_pupils: { category: 'pupil_identity', retention: 'pupil', readBy: ['school.pupils.read'], holds: { nl: 'In welke klas een leerling zit, per schooljaar.', en: 'Which class a pupil is in, per school year.' }, subjects: { pupil: ['pupil_id'], scope: { column: 'class_id', table: 'classes' } } },
  pupil_codes: { category: 'pupil_identity', retention: 'pupil', readBy: ['school.checkin.manage'], holds: { nl: 'De persoonlijke inlogcode van een leerling (alleen als hash).', en: 'A pupil’s personal sign-in code (as a hash only).' }, subjects: { pupil: ['pupil_id'], scope: 'person' }, exportOmit: { columns: ['code_hash'], why: 'secret' } },
  checkin_pupil_symbols: { category: 'pupil_identity', retention: 'pupil', readBy: ['school.checkin.manage'], self: 'pupil', holds: { nl: 'Het naamsymbool van een leerling op het klasapparaat.', en: 'A pupil’s name symbol on the class device.' }, subjects: { pupil: ['pupil_id'], scope: 'person' } },
  pupil_imports: { category: 'pupil_identity', retention: 'staged_imports', readBy: ['school.pupils.import'], holds: { nl: 'Een klaargezette import uit de leerlingadministratie.', en: 'A staged import from the pupil administration.' } },
  pupil_import_records: { category: 'pupil_identity', retention: 'staged_imports', readBy: ['school.pupils.import'], holds: { nl: 'De regels van een klaargezette import.', en: 'The rows of a staged import.' } },
  pupil_import_errors: { category: 'pupil_identity', retention: 'staged_imports', readBy: ['school.pupils.import'], holds: { nl: 'Fouten in een klaargezette import.', en: 'Errors in a staged import.' } },
  // Check-in.
  checkins: { category: 'pupil_checkin', retention: 'checkins', readBy: ['school.checkin.class.read', 'school.checkin.signals.school'], holds: { nl: 'Elke check-in: hoe de leerling zich voelt, of hij wil praten, een eigen woord.', en: 'Every check-in: how the pupil feels, whether they want to talk, an own word.' }, subjects: { pupil: ['pupil_id'] } },
  checkin_notes: { category: 'pupil_checkin', retention: 'checkins', readBy: ['school.checkin.class.read', 'school.checkin.signals.school'], holds: { nl: 'Notities "we hebben gepraat" na een signaal.', en: '"We talked" notes after a signal.' }, subjects: { pupil: ['pupil_id'], notSearched: { columns: ['author_user_id'], why: 'authored' } } },
  checkin_class_days: { category: 'anonymous_counts', retention: 'anonymous', readBy: ['school.checkin.aggregates', 'board.checkin.aggregates'], holds: { nl: 'Aantallen check-ins per klas per dag.', en: 'Check-in counts per class per day.' } },
  checkin_class_settings: { category: 'reference', retention: 'in_use', readBy: ['school.checkin.class.read'], holds: { nl: 'Check-in-instellingen van een klas.', en: 'A class’s check-in settings.' } },
  checkin_wording: { category: 'reference', retention: 'in_use', readBy: ['school.checkin.settings'], holds: { nl: 'De eigen woorden van een school voor de check-in.', en: 'A school’s own check-in words.' } },
  school_closed_days: { category: 'reference', retention: 'in_use', readBy: ['school.checkin.settings'], holds: { nl: 'Dagen dat de school dicht is.', en: 'Days the school is closed.' } },
  class_codes: { category: 'technical', retention: 'pupil_access', readBy: [], holds: { nl: 'Tijdelijke klascodes om in te loggen (hash).', en: 'Temporary class codes to sign in (hash).' } },
  kiosk_devices: { category: 'technical', retention: 'pupil_access', readBy: [], holds: { nl: 'Geopende klasapparaten (hash van het apparaattoken).', en: 'Opened class devices (hash of the device token).' } },
  pupil_sessions: { category: 'technical', retention: 'pupil_access', readBy: [], holds: { nl: 'Sessies van leerlingen op hun eigen apparaat.', en: 'Pupil sessions on their own device.' }, subjects: { pupil: ['pupil_id'], scope: 'person' }, exportOmit: { columns: ['id_hash', 'csrf_token'], why: 'secret' } },
  // Self-scan.
  selfscan_rounds: { category: 'staff', retention: 'in_use', readBy: ['school.selfscan.manage'], holds: { nl: 'Zelfscanrondes van een school.', en: 'A school’s self-scan rounds.' } },
  selfscan_invitations: { category: 'staff', retention: 'in_use', readBy: ['school.selfscan.manage'], holds: { nl: 'Wie uitgenodigd is voor een zelfscan.', en: 'Who was invited to a self-scan.' }, subjects: { staff: ['user_id'], scope: { column: 'round_id', table: 'selfscan_rounds' } } },
  selfscan_responses: { category: 'staff', retention: 'in_use', readBy: ['school.selfscan.raw.export'], self: 'staff_member', holds: { nl: 'Het antwoord van een medewerker op een zelfscan.', en: 'A staff member’s self-scan answer.' }, subjects: { staff: ['user_id'], scope: { column: 'round_id', table: 'selfscan_rounds' } } },
  selfscan_ratings: { category: 'staff', retention: 'in_use', readBy: ['school.selfscan.raw.export'], self: 'staff_member', holds: { nl: 'De beoordeling per aspect, met een notitie.', en: 'The rating per aspect, with a note.' }, subjects: { staff: [{ column: 'response_id', through: { table: 'selfscan_responses', column: 'user_id' } }], scope: 'person' } },
  selfscan_consensus: { category: 'school_organisation', retention: 'in_use', readBy: ['school.selfscan.results'], holds: { nl: 'De fase waarover het team het eens werd, met de reden.', en: 'The phase the team agreed on, with the rationale.' } },
  selfscan_goals: { category: 'school_organisation', retention: 'in_use', readBy: ['school.selfscan.results'], holds: { nl: 'Doelen uit de zelfscan.', en: 'Goals from the self-scan.' } },
  development_models: { category: 'reference', retention: 'reference', readBy: ['school.read'], holds: { nl: 'Ontwikkelmodellen van de zelfscan.', en: 'Development models of the self-scan.' } },
  // Implementation plan and training.
  plan_phases: { category: 'school_organisation', retention: 'in_use', readBy: ['school.plan.read'], holds: { nl: 'Fasen van het implementatieplan.', en: 'Phases of the implementation plan.' } },
  plan_moments: { category: 'school_organisation', retention: 'in_use', readBy: ['school.plan.read'], holds: { nl: 'Momenten in het plan.', en: 'Moments in the plan.' } },
  plan_working_group: { category: 'school_organisation', retention: 'in_use', readBy: ['school.plan.read'], holds: { nl: 'Wie in de TSO-werkgroep zit.', en: 'Who is in the TSO working group.' }, subjects: { staff: ['user_id'] } },
  plan_goals: { category: 'school_organisation', retention: 'in_use', readBy: ['school.plan.read', 'board.plan.rollup'], holds: { nl: 'Doelen van het plan met hun bewijs.', en: 'Plan goals with their evidence.' }, subjects: { staff: ['owner_user_id'] } },
  plan_actions: { category: 'school_organisation', retention: 'in_use', readBy: ['school.plan.read', 'board.plan.rollup'], holds: { nl: 'Acties met wie ze uitvoert.', en: 'Actions with who carries them out.' }, subjects: { staff: ['owner_user_id'] } },
  trainings: { category: 'school_organisation', retention: 'in_use', readBy: ['school.training.read'], holds: { nl: 'Scholingen van de school.', en: 'The school’s trainings.' } },
  training_participants: { category: 'staff', retention: 'in_use', readBy: ['school.training.read'], holds: { nl: 'Wie een scholing volgde.', en: 'Who took part in a training.' }, subjects: { staff: ['user_id'], scope: { column: 'training_id', table: 'trainings' } } },
  training_partners: { category: 'school_organisation', retention: 'in_use', readBy: ['school.training.read'], holds: { nl: 'Partners die aan een scholing deelnamen.', en: 'Partners who took part in a training.' } },
  plan_user_preferences: { category: 'technical', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Of iemand het wekelijkse overzicht wil ontvangen.', en: 'Whether someone wants the weekly digest.' }, subjects: { staff: ['user_id'], scope: 'person' }, exportOmit: { columns: ['calendar_token_hash'], why: 'secret' } },
  plan_digest_sent: { category: 'mail', retention: 'in_use', readBy: [], holds: { nl: 'Welke wekelijkse overzichten verstuurd zijn.', en: 'Which weekly digests were sent.' }, subjects: { staff: ['user_id'], scope: 'person' } },
  // Settings and texts.
  school_settings: { category: 'reference', retention: 'in_use', readBy: ['school.settings.manage'], holds: { nl: 'Wat de school deelt met team en bestuur.', en: 'What the school shares with its team and board.' } },
  installation_settings: { category: 'reference', retention: 'reference', readBy: [], holds: { nl: 'Instellingen van deze installatie.', en: 'Settings of this installation.' } },
  getting_started_hidden: { category: 'reference', retention: 'in_use', readBy: ['school.getting_started'], holds: { nl: 'Of de startlijst van een school verborgen is.', en: 'Whether a school’s getting-started list is hidden.' } },
  privacy_statements: { category: 'reference', retention: 'in_use', readBy: ['school.read'], holds: { nl: 'De eigen privacyverklaring van een school.', en: 'A school’s own privacy statement.' } },
  // Questionnaires and research.
  questionnaire_waves: { category: 'school_organisation', retention: 'in_use', readBy: ['school.questionnaires.manage'], holds: { nl: 'Meetmomenten van de effectevaluatie.', en: 'Measurement waves of the effect evaluation.' } },
  questionnaire_wave_instruments: { category: 'school_organisation', retention: 'in_use', readBy: ['school.questionnaires.manage'], holds: { nl: 'Welke vragenlijsten in een meetmoment zitten.', en: 'Which questionnaires a wave holds.' } },
  questionnaire_wave_classes: { category: 'school_organisation', retention: 'in_use', readBy: ['school.questionnaires.manage'], holds: { nl: 'Welke klassen meedoen aan een meetmoment.', en: 'Which classes take part in a wave.' } },
  questionnaire_responses: { category: 'pupil_development', retention: 'in_use', readBy: ['school.questionnaires.results', 'school.evaluation.read'], self: 'staff_member', holds: { nl: 'Antwoorden op een vragenlijst (van een leerling of een leerkracht over een leerling).', en: 'Answers to a questionnaire (by a pupil, or by a teacher about a pupil).' }, subjects: { pupil: [{ column: 'respondent_id', when: { column: 'respondent_kind', equals: 'pupil' } }], staff: [{ column: 'respondent_id', when: { column: 'respondent_kind', equals: 'staff' } }], scope: { column: 'wave_id', table: 'questionnaire_waves' } } },
  school_instruments: { category: 'reference', retention: 'reference', readBy: ['school.questionnaires.manage'], holds: { nl: 'Vragenlijsten die de school zelf toevoegde.', en: 'Questionnaires the school added itself.' } },
  research_studies: { category: 'research', retention: 'in_use', readBy: ['school.research.manage'], holds: { nl: 'Onderzoeken met hun eigen pseudoniemsleutel.', en: 'Studies with their own pseudonym key.' } },
  research_objections: { category: 'research', retention: 'pupil', readBy: ['school.research.manage'], holds: { nl: 'Leerlingen die bezwaar maakten tegen onderzoek.', en: 'Pupils who objected to research.' }, subjects: { pupil: ['pupil_id'] } },
  // Care.
  care_trusted_adults: { category: 'special_care', retention: 'care.plans', readBy: ['school.care.plans.read'], holds: { nl: 'Vertrouwde volwassenen van een leerling, in eigen woorden.', en: 'A pupil’s trusted adults, in their own words.' }, subjects: { pupil: ['pupil_id'], notSearched: { columns: ['user_id'], why: 'pupil_record' } } },
  care_support_plans: { category: 'special_care', retention: 'care.plans', readBy: ['school.care.plans.read'], holds: { nl: 'Elke versie van het steun- en signaleringsplan.', en: 'Every version of the support plan.' }, subjects: { pupil: ['pupil_id'] } },
  care_ace_answers: { category: 'special_care', retention: 'care.aces', readBy: ['school.care.sensitive'], holds: { nl: 'Ingrijpende jeugdervaringen per bron (leerling, ouders, dossier).', en: 'Adverse childhood experiences per source (pupil, parents, file).' }, subjects: { pupil: ['pupil_id'] } },
  care_ace_first_ages: { category: 'special_care', retention: 'care.aces', readBy: ['school.care.sensitive'], holds: { nl: 'De leeftijd bij de eerste ingrijpende ervaring.', en: 'The age at the first adverse experience.' }, subjects: { pupil: ['pupil_id'] } },
  care_screenings: { category: 'special_care', retention: 'care.screenings', readBy: ['school.care.sensitive'], holds: { nl: 'Screenings (zoals CRIES en CATS) met de antwoorden.', en: 'Screenings (such as CRIES and CATS) with their answers.' }, subjects: { pupil: ['pupil_id'] } },
  care_break_glass: { category: 'special_care', retention: 'care.break_glass', readBy: ['school.care.sensitive'], holds: { nl: 'Noodtoegang tot een plan: wie, wanneer en waarom.', en: 'Break-glass access to a plan: who, when and why.' }, subjects: { pupil: ['pupil_id'], notSearched: { columns: ['user_id'], why: 'pupil_record' } } },
  care_conversations: { category: 'special_care', retention: 'care.conversations', readBy: ['school.care.sensitive', 'school.care.plans.write'], holds: { nl: 'Kindgesprekken: notitie en wat de leerling wil delen.', en: 'Pupil conversations: the note and what the pupil agreed to share.' }, subjects: { pupil: ['pupil_id'] } },
  care_referrals: { category: 'special_care', retention: 'care.referrals', readBy: ['school.care.sensitive'], holds: { nl: 'Verwijzingen: naar wie en waarom.', en: 'Referrals: to whom and why.' }, subjects: { pupil: ['pupil_id'] } },
  care_meldcode_cases: { category: 'special_care', retention: 'care.meldcode', readBy: ['school.care.meldcode'], holds: { nl: 'Zaken volgens de meldcode huiselijk geweld en kindermishandeling.', en: 'Cases under the reporting code for domestic violence and child abuse.' }, subjects: 'none: meldcode' },
  care_meldcode_steps: { category: 'special_care', retention: 'care.meldcode', readBy: ['school.care.meldcode'], holds: { nl: 'De stappen van een meldcodezaak met notities.', en: 'The steps of a reporting-code case with notes.' }, subjects: 'none: meldcode' },
  care_attention_officers: { category: 'staff', retention: 'in_use', readBy: ['school.care.attention_officer.manage', 'school.care.meldcode'], holds: { nl: 'Wie aandachtsfunctionaris is.', en: 'Who is the attention officer.' }, subjects: { staff: ['user_id'] } },
  care_retention_terms: { category: 'reference', retention: 'in_use', readBy: ['school.care.retention.manage'], holds: { nl: 'De eigen bewaartermijnen van zorggegevens van een school.', en: 'A school’s own retention terms of care data.' } },
  care_reminders_sent: { category: 'mail', retention: 'in_use', readBy: [], holds: { nl: 'Welke zorgherinneringen verstuurd zijn.', en: 'Which care reminders were sent.' } },
  care_ace_categories: { category: 'reference', retention: 'reference', readBy: ['school.care.sensitive'], holds: { nl: 'De categorieën ingrijpende ervaringen van een school.', en: 'A school’s categories of adverse experiences.' } },
  care_screening_wordings: { category: 'reference', retention: 'reference', readBy: ['school.care.sensitive'], holds: { nl: 'De eigen vraagteksten van screenings.', en: 'The school’s own wording of screenings.' } },
  // Sociogram and group.
  sociogram_settings: { category: 'reference', retention: 'in_use', readBy: ['school.group.settings'], holds: { nl: 'Of een school "liever niet"-vragen toestaat.', en: 'Whether a school allows "rather not" questions.' } },
  sociogram_school_questions: { category: 'reference', retention: 'in_use', readBy: ['school.group.settings'], holds: { nl: 'De eigen sociogramvragen van een school.', en: 'A school’s own sociogram questions.' } },
  sociograms: { category: 'pupil_development', retention: 'sociograms', readBy: ['school.group'], holds: { nl: 'Sociogrammen van een klas; na de bewaartermijn alleen tellingen.', en: 'A class’s sociograms; after the retention term only counts.' } },
  sociogram_questions: { category: 'pupil_development', retention: 'sociograms', readBy: ['school.group'], holds: { nl: 'De vragen van een sociogram.', en: 'The questions of a sociogram.' } },
  sociogram_answers: { category: 'pupil_development', retention: 'sociograms', readBy: ['school.group'], holds: { nl: 'Dat een leerling een sociogram beantwoordde.', en: 'That a pupil answered a sociogram.' }, subjects: { pupil: ['pupil_id'], scope: { column: 'sociogram_id', table: 'sociograms' } } },
  sociogram_choices: { category: 'pupil_development', retention: 'sociograms', readBy: ['school.group'], holds: { nl: 'Welke klasgenoten een leerling koos.', en: 'Which classmates a pupil chose.' }, subjects: { pupil: ['chooser_id'], scope: { column: 'sociogram_id', table: 'sociograms' }, notSearched: { columns: ['chosen_id'], why: 'others_choices' } } },
  class_climate_ratings: { category: 'pupil_development', retention: 'in_use', readBy: ['school.group'], holds: { nl: 'Het klassenklimaat volgens de leerkracht, met een notitie.', en: 'The class climate as the teacher rates it, with a note.' } },
  class_group_phases: { category: 'pupil_development', retention: 'in_use', readBy: ['school.group'], holds: { nl: 'De groepsfase van een klas.', en: 'A class’s group phase.' } },
  // Regulation.
  regulation_school_activities: { category: 'reference', retention: 'reference', readBy: ['school.regulation'], holds: { nl: 'Eigen regulatieactiviteiten van een school.', en: 'A school’s own regulation activities.' } },
  regulation_hidden_activities: { category: 'reference', retention: 'reference', readBy: ['school.regulation.manage'], holds: { nl: 'Activiteiten die een school verbergt.', en: 'Activities a school hides.' } },
  regulation_favourites: { category: 'reference', retention: 'in_use', readBy: ['school.regulation'], holds: { nl: 'Favoriete activiteiten van een klas.', en: 'A class’s favourite activities.' } },
  regulation_routines: { category: 'reference', retention: 'in_use', readBy: ['school.regulation'], holds: { nl: 'Vaste regulatiemomenten van een klas.', en: 'A class’s routine regulation moments.' } },
  regulation_plan_activities: { category: 'special_care', retention: 'care.plans', readBy: ['school.regulation', 'school.care.plans.read'], holds: { nl: 'Activiteiten die bij het plan van een leerling horen.', en: 'Activities linked to a pupil’s support plan.' }, subjects: { pupil: ['pupil_id'] } },
  regulation_moments: { category: 'pupil_checkin', retention: 'checkins', readBy: ['school.regulation'], holds: { nl: 'Wat een leerling deed na een check-in en of het hielp.', en: 'What a pupil did after a check-in and whether it helped.' }, subjects: { pupil: ['pupil_id'] } },
  regulation_lessons_given: { category: 'reference', retention: 'in_use', readBy: ['school.regulation'], holds: { nl: 'Lessen "ken je venster" die een klas kreeg.', en: '"Know your window" lessons a class was given.' } },
  // Parents.
  parents: { category: 'parent_contact', retention: 'pupil', readBy: ['school.parents'], self: 'parent', holds: { nl: 'Ouders en verzorgers: naam, e-mailadres, taal.', en: 'Parents and carers: name, e-mail address, language.' }, subjects: { parent: ['id'] } },
  parent_children: { category: 'parent_contact', retention: 'pupil', readBy: ['school.parents'], holds: { nl: 'Welke ouder bij welke leerling hoort, en of een ouder is afgeschermd (met reden).', en: 'Which parent belongs to which pupil, and whether a parent is shielded (with the reason).' }, subjects: { parent: ['parent_id'], pupil: ['pupil_id'] }, exportOmit: { columns: ['exclusion_reason_encrypted'], why: 'third_party' } },
  parent_links: { category: 'technical', retention: 'parent_access', readBy: [], holds: { nl: 'Eenmalige links voor ouders (hash).', en: 'One-time links for parents (hash).' }, subjects: { parent: ['parent_id'] }, exportOmit: { columns: ['token_hash'], why: 'secret' } },
  parent_sessions: { category: 'technical', retention: 'parent_access', readBy: [], holds: { nl: 'Sessies van ouders.', en: 'Parent sessions.' }, subjects: { parent: ['parent_id'] }, exportOmit: { columns: ['id_hash', 'csrf_token'], why: 'secret' } },
  parent_conversation_requests: { category: 'parent_contact', retention: 'care.parent_contacts', readBy: ['school.parents'], self: 'parent', holds: { nl: 'Gespreksverzoeken van ouders.', en: 'Conversation requests from parents.' }, subjects: { parent: ['parent_id'], pupil: ['pupil_id'] } },
  parent_questionnaires: { category: 'special_care', retention: 'care.aces', readBy: ['school.care.sensitive'], self: 'parent', holds: { nl: 'Vragenlijsten aan ouders met hun antwoorden (ook ingrijpende ervaringen).', en: 'Questionnaires sent to parents with their answers (adverse experiences too).' }, subjects: { parent: ['parent_id'], pupil: ['pupil_id'] } },
  parent_school_pages: { category: 'reference', retention: 'in_use', readBy: ['school.parents.settings'], holds: { nl: 'Wat de school ouders vertelt over haar aanpak.', en: 'What the school tells parents about its approach.' } },
  parent_languages: { category: 'reference', retention: 'in_use', readBy: ['school.parents.settings'], holds: { nl: 'Talen die de school toevoegde voor ouderpagina’s.', en: 'Languages the school added for parent pages.' } },
  parent_contacts: { category: 'parent_contact', retention: 'care.parent_contacts', readBy: ['school.parents'], holds: { nl: 'Het contactlogboek met ouders, met notities van het zorgteam.', en: 'The contact log with parents, with the care team’s notes.' }, subjects: { pupil: ['pupil_id'] } },
  // Partners.
  partner_organisations: { category: 'school_organisation', retention: 'in_use', readBy: ['school.partners'], holds: { nl: 'Partnerorganisaties met notities.', en: 'Partner organisations with notes.' } },
  partner_contacts: { category: 'school_organisation', retention: 'in_use', readBy: ['school.partners'], holds: { nl: 'Vaste contactpersonen bij partners.', en: 'Fixed contact persons at partners.' } },
  partner_agreements: { category: 'school_organisation', retention: 'in_use', readBy: ['school.partners'], holds: { nl: 'Afspraken met partners.', en: 'Agreements with partners.' } },
  // Team.
  team_onboarding_setups: { category: 'reference', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Instellingen van het inwerken.', en: 'Onboarding settings.' } },
  team_guide_versions: { category: 'reference', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Versies van de inwerkgids.', en: 'Versions of the onboarding guide.' } },
  team_guide_sections: { category: 'reference', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Hoofdstukken van de inwerkgids.', en: 'Sections of the onboarding guide.' } },
  team_guide_confirmations: { category: 'staff', retention: 'in_use', readBy: ['school.team.overview'], self: 'staff_member', holds: { nl: 'Wie de inwerkgids gelezen heeft.', en: 'Who read the onboarding guide.' }, subjects: { staff: ['user_id'] } },
  team_chef_buddies: { category: 'staff', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Chef-buddy per locatie.', en: 'Chef-buddy per location.' }, subjects: { staff: ['user_id'] } },
  team_onboarding_pairs: { category: 'staff', retention: 'in_use', readBy: ['school.team.overview'], self: 'staff_member', holds: { nl: 'Nieuwe collega met buddy.', en: 'A newcomer with their buddy.' }, subjects: { staff: ['newcomer_user_id', 'buddy_user_id'] } },
  team_ramp_template_items: { category: 'reference', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Het sjabloon van de inwerkweken.', en: 'The template of the onboarding weeks.' } },
  team_ramp_ticks: { category: 'staff', retention: 'in_use', readBy: ['school.team.overview'], self: 'staff_member', holds: { nl: 'Afgevinkte stappen van een nieuwe collega.', en: 'Steps a newcomer ticked off.' }, subjects: { staff: [{ column: 'pair_id', through: { table: 'team_onboarding_pairs', column: 'newcomer_user_id' } }], scope: 'person' } },
  team_buddy_conversations: { category: 'staff', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Buddygesprekken: alleen de nieuwe collega en de buddy.', en: 'Buddy conversations: the newcomer and the buddy only.' }, subjects: { staff: [{ column: 'pair_id', through: { table: 'team_onboarding_pairs', column: 'newcomer_user_id' } }, { column: 'pair_id', through: { table: 'team_onboarding_pairs', column: 'buddy_user_id' } }] } },
  team_onboarding_evaluations: { category: 'staff', retention: 'in_use', readBy: ['school.team.overview'], self: 'staff_member', holds: { nl: 'De evaluatie van het inwerken door een nieuwe collega.', en: 'A newcomer’s evaluation of the onboarding.' }, subjects: { staff: [{ column: 'pair_id', through: { table: 'team_onboarding_pairs', column: 'newcomer_user_id' } }] } },
  team_onboarding_texts: { category: 'reference', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Eigen teksten van rollen bij het inwerken.', en: 'The school’s own role texts for onboarding.' } },
  team_competence_profiles: { category: 'reference', retention: 'reference', readBy: ['school.team'], holds: { nl: 'Bekwaamheidsprofielen.', en: 'Competence profiles.' } },
  team_competence_assessments: { category: 'staff', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Zelfbeoordeling van bekwaamheid met persoonlijke doelen (privé tenzij gedeeld).', en: 'Competence self-assessment with personal goals (private unless shared).' }, subjects: { staff: ['user_id'] } },
  team_competence_ratings: { category: 'staff', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Score en bewijs per indicator.', en: 'Rating and evidence per indicator.' }, subjects: { staff: [{ column: 'assessment_id', through: { table: 'team_competence_assessments', column: 'user_id' } }], scope: 'person' } },
  team_competence_shares: { category: 'staff', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Met wie iemand zijn profiel deelt.', en: 'Who someone shares their profile with.' }, subjects: { staff: ['owner_user_id', 'grantee_user_id'] } },
  team_intervision_sessions: { category: 'staff', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Intervisiebijeenkomsten met thema en notitie.', en: 'Intervision sessions with theme and note.' } },
  team_intervision_participants: { category: 'staff', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Wie aan intervisie deelnam.', en: 'Who took part in intervision.' }, subjects: { staff: ['user_id'] } },
  team_pulses: { category: 'reference', retention: 'in_use', readBy: ['school.team'], holds: { nl: 'Periodes van de welzijnspuls.', en: 'Periods of the wellbeing pulse.' } },
  team_pulse_votes: { category: 'staff', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Dat iemand de puls invulde; zonder antwoorden of tijd.', en: 'That someone answered the pulse; no answers, no time.' }, subjects: { staff: ['user_id'], scope: { column: 'pulse_id', table: 'team_pulses' } } },
  team_pulse_counts: { category: 'anonymous_counts', retention: 'anonymous', readBy: ['school.team.figures'], holds: { nl: 'Aantallen per antwoord van de welzijnspuls.', en: 'Counts per answer of the wellbeing pulse.' } },
  team_pulse_settings: { category: 'reference', retention: 'in_use', readBy: ['school.team.manage'], holds: { nl: 'De kalender van de welzijnspuls.', en: 'The wellbeing pulse calendar.' } },
  team_journal_entries: { category: 'staff', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Het reflectiejournaal: alleen de schrijver leest het.', en: 'The reflection journal: only its author reads it.' }, subjects: 'none: own_journal' },
  // Mail, audit and technical.
  outbox_messages: { category: 'mail', retention: 'secret_links', readBy: ['school.outbox.read', 'board.outbox.read'], holds: { nl: 'Mails in het postvak (ontvanger, onderwerp, tekst); een herstel- of uitnodigingslink verzegeld.', en: 'Mails in the outbox (recipient, subject, text); a reset or invitation link sealed.' } },
  audit_events: { category: 'audit', retention: 'audit', readBy: ['school.audit.read', 'board.audit.read'], holds: { nl: 'Wie wanneer wat deed of inzag (nooit de inhoud zelf).', en: 'Who did or read what and when (never the content itself).' }, subjects: { staff: ['actor_user_id'], pupil: [{ column: 'target_id', when: { column: 'target_type', equals: 'pupil' } }], parent: [{ column: 'target_id', when: { column: 'target_type', equals: 'parent' } }] } },
  audit_chain_head: { category: 'audit', retention: 'audit', readBy: [], holds: { nl: 'Het laatste punt van de hash-keten van het logboek.', en: 'The last link of the audit log’s hash chain.' } },
  sessions: { category: 'technical', retention: 'sessions', readBy: [], holds: { nl: 'Sessies van medewerkers (hash van het token).', en: 'Staff sessions (hash of the token).' }, subjects: { staff: ['user_id'], scope: 'person' }, exportOmit: { columns: ['id_hash', 'csrf_token'], why: 'secret' } },
  user_tokens: { category: 'technical', retention: 'sessions', readBy: [], holds: { nl: 'Tokens voor wachtwoordherstel en uitnodigingen (hash).', en: 'Tokens for password resets and invitations (hash).' }, subjects: { staff: ['user_id'], scope: 'person' }, exportOmit: { columns: ['token_hash'], why: 'secret' } },
  user_mfa: { category: 'technical', retention: 'in_use', readBy: [], self: 'staff_member', holds: { nl: 'Het geheim van de authenticator-app.', en: 'The authenticator app’s secret.' }, subjects: { staff: ['user_id'], scope: 'person' }, exportOmit: { columns: ['secret_encrypted'], why: 'secret' } },
  mfa_recovery_codes: { category: 'technical', retention: 'in_use', readBy: [], holds: { nl: 'Herstelcodes voor tweestapsverificatie (hash).', en: 'Recovery codes for two-step verification (hash).' }, subjects: { staff: ['user_id'], scope: 'person' }, exportOmit: { columns: ['code_hash'], why: 'secret' } },
  data_keys: { category: 'technical', retention: 'in_use', readBy: [], holds: { nl: 'Sleutels van de veldversleuteling, zelf versleuteld met de hoofdsleutel.', en: 'Field encryption keys, themselves encrypted under the master key.' } },
  // School sign-in (OpenID Connect) and the state several servers share.
  board_sso_providers: { category: 'technical', retention: 'in_use', readBy: ['board.sso.manage'], holds: { nl: 'De inlogdienst van het bestuur (uitgever, client-id, geheim).', en: 'The board’s sign-in provider (issuer, client id, secret).' } },
  board_sso_domains: { category: 'technical', retention: 'in_use', readBy: ['board.sso.manage'], holds: { nl: 'E-maildomeinen die via de inlogdienst van het bestuur inloggen.', en: 'E-mail domains that sign in through the board’s provider.' } },
  sso_identities: { category: 'staff', retention: 'in_use', readBy: [], holds: { nl: 'Welk schoolaccount bij de inlogdienst bij welk Groeiwijzer-account hoort.', en: 'Which school account at the provider belongs to which Groeiwijzer account.' }, subjects: { staff: ['user_id'], scope: { column: 'board_id', table: 'schools', key: 'board_id', schoolColumn: 'id' } } },
  sso_login_attempts: { category: 'technical', retention: 'short_lived', readBy: [], holds: { nl: 'Een inlogpoging onderweg via de inlogdienst (alleen hashes).', en: 'A sign-in on its way through the provider (hashes only).' } },
  rate_limits: { category: 'technical', retention: 'short_lived', readBy: [], holds: { nl: 'Tellers tegen te veel inlogpogingen (hash, geen adres).', en: 'Counters against too many sign-in attempts (hash, no address).' } },
  job_leases: { category: 'technical', retention: 'reference', readBy: [], holds: { nl: 'Welke server een achtergrondtaak uitvoert.', en: 'Which server runs a background job.' } },
};
