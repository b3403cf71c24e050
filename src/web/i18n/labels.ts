import type { TFunction } from 'i18next';
import type { AuditAction } from '../../server/audit/audit.service';
import type { ImplementationPhase, TrainingKind } from '../../shared/plan';
import type { BoardRole, SchoolKind, SchoolRole } from '../../shared/roles';
import type { ImportErrorCode } from '../api/api-types';
import { roleLabel } from './role-labels';

// Codes from the API become words here. Each case calls t() with a literal so the extractor sees it.

// The role names are in role-labels.ts (the home page needs them without every other label here).
export { roleLabel };

/** A short explanation of what a school role may do, shown beside its checkbox. */
export function roleHint(t: TFunction, role: SchoolRole): string {
  switch (role) {
    case 'school_admin':
      return t('Beheert de school: locaties, klassen, personeel en leerlingenimport.');
    case 'leadership':
      return t('Ziet de school, het personeel en alle leerlingen.');
    case 'tso_lead':
      return t('Trekt de invoering van traumasensitief onderwijs.');
    case 'teacher':
      return t('Ziet de leerlingen van de eigen klassen.');
    case 'care_team':
      return t('Intern begeleider of zorgcoördinator; ziet alle leerlingen.');
  }
}

/** The name of a self-scan role group: a role, or `other` for the roles too small to show alone. */
export function roleGroupLabel(t: TFunction, group: string): string {
  switch (group) {
    case 'other':
      return t('Overige');
    case 'board_admin':
    case 'school_admin':
    case 'leadership':
    case 'tso_lead':
    case 'teacher':
    case 'care_team':
      return roleLabel(t, group);
    default:
      return group;
  }
}

/** Where a self-scan round is in time. */
export function roundStatusLabel(t: TFunction, status: 'upcoming' | 'open' | 'closed'): string {
  switch (status) {
    case 'upcoming':
      return t('Nog niet open');
    case 'open':
      return t('Open');
    case 'closed':
      return t('Gesloten');
  }
}

/** The name of a kind of school. */
export function schoolKindLabel(t: TFunction, kind: SchoolKind): string {
  switch (kind) {
    case 'primary':
      return t('Basisonderwijs');
    case 'special_primary':
      return t('Speciaal basisonderwijs');
    case 'special':
      return t('Speciaal onderwijs (SO)');
    case 'secondary':
      return t('Voortgezet onderwijs');
    case 'special_secondary':
      return t('Voortgezet speciaal onderwijs');
  }
}

// A Record over the server's AuditAction union: a new action without a text fails the typecheck.
function auditActionLabels(t: TFunction): Record<AuditAction, string> {
  return {
    'auth.login_succeeded': t('Ingelogd'),
    'auth.login_failed': t('Inloggen mislukt'),
    'auth.logout': t('Uitgelogd'),
    'auth.password_reset_requested': t('Wachtwoordherstel aangevraagd'),
    'auth.password_reset_completed': t('Nieuw wachtwoord ingesteld'),
    'auth.password_changed': t('Eigen wachtwoord gewijzigd'),
    'auth.other_sessions_ended': t('Elders uitgelogd'),
    'mfa.enrolled': t('Tweestapsverificatie ingesteld'),
    'mfa.verified': t('Tweede inlogstap gelukt'),
    'mfa.verify_failed': t('Verificatiecode geweigerd'),
    'mfa.recovery_code_used': t('Herstelcode gebruikt'),
    'mfa.recovery_codes_regenerated': t('Nieuwe herstelcodes gemaakt'),
    'mfa.disabled': t('Tweestapsverificatie uitgezet'),
    'auth.sso_linked': t('Schoolaccount gekoppeld'),
    'board.sso_changed': t('Inloggen met schoolaccount gewijzigd'),
    'board.sso_removed': t('Inloggen met schoolaccount verwijderd'),
    'setup.completed': t('Groeiwijzer ingericht'),
    'demo.loaded': t('Demo geladen'),
    'school.created': t('School toegevoegd'),
    'school.settings_changed': t('Schoolinstellingen gewijzigd'),
    'location.created': t('Locatie toegevoegd'),
    'location.updated': t('Locatie gewijzigd'),
    'location.deleted': t('Locatie verwijderd'),
    'class.created': t('Klas toegevoegd'),
    'class.updated': t('Klas gewijzigd'),
    'class.deleted': t('Klas verwijderd'),
    'class.teachers_changed': t('Leerkrachten van een klas gewijzigd'),
    'staff.invited': t('Uitgenodigd'),
    'staff.invitation_accepted': t('Uitnodiging geaccepteerd'),
    'staff.roles_changed': t('Rollen gewijzigd'),
    'staff.disabled': t('Account uitgeschakeld'),
    'staff.sessions_ended': t('Uitgelogd door beheerder'),
    'staff.enabled': t('Account ingeschakeld'),
    'staff.invitation_declined': t('Uitnodiging afgewezen'),
    'staff.invitation_withdrawn': t('Uitnodiging ingetrokken'),
    'staff.blocked': t('Toegang tot de school geblokkeerd'),
    'staff.unblocked': t('Toegang tot de school hersteld'),
    'staff.role_grant_requested': t('Zorgrol aangevraagd'),
    'staff.role_grant_approved': t('Zorgrol goedgekeurd'),
    'staff.role_grant_rejected': t('Zorgrol afgewezen'),
    'staff.start_date_changed': t('Startdatum gewijzigd'),
    'staff.imported': t('Personeel geïmporteerd'),
    'staff.exported': t('Personeelslijst gedownload'),
    'getting_started.hidden': t('Eerste stappen verborgen'),
    'privacy_statement.updated': t('Privacyverklaring aangepast'),
    'privacy.subject_exported': t('Alle gegevens over een persoon gedownload (inzageverzoek)'),
    'privacy.subject_erased': t('Een persoon verwijderd (verzoek om verwijdering)'),
    'pupils.imported': t('Leerlingen geïmporteerd'),
    'pupils.read': t('Leerlingen bekeken'),
    'pupils.exported': t('Leerlingenlijst gedownload'),
    'pupils.updated': t('Gegevens van een leerling gewijzigd'),
    'pupils.moved': t('Leerling naar een andere klas verplaatst'),
    'pupils.left': t('Leerling als vertrokken gemarkeerd'),
    'pupils.returned': t('Vertrokken leerling teruggezet'),
    'school_year.prepared': t('Nieuw schooljaar voorbereid'),
    'school_year.preparation_undone': t('Voorbereiding nieuw schooljaar ongedaan gemaakt'),
    'outbox.read': t('Postvak bekeken'),
    'selfscan.model_imported': t('Ontwikkelmodel geïmporteerd'),
    'selfscan.round_opened': t('Zelfscanronde geopend'),
    'selfscan.round_closed': t('Zelfscanronde eerder gesloten'),
    'selfscan.reminders_sent': t('Herinnering zelfscan verstuurd aan wie nog niet klaar was'),
    'selfscan.results_shared': t('Zelfscanuitkomsten gedeeld met het team'),
    'selfscan.consensus_recorded': t('Gezamenlijke groeifase vastgelegd'),
    'selfscan.exported': t('Zelfscan geëxporteerd'),
    'selfscan.goals_changed': t('Zelfscandoelen gewijzigd'),
    'selfscan.board_view_read': t('Zelfscan per school bekeken door het bestuur'),
    'checkin.overview_read': t('Check-ins van vandaag van een klas bekeken'),
    'checkin.pupil_history_read': t('Check-ins van een leerling bekeken'),
    'checkin.school_signals_read': t('Check-insignalen van de hele school bekeken'),
    'checkin.note_added': t('Gespreksnotitie bij een check-in vastgelegd'),
    'checkin.wording_changed': t('Eigen woorden voor de check-in gewijzigd'),
    'checkin.closed_days_changed': t('Vrije dagen gewijzigd'),
    'checkin.kiosk_opened': t('Klasapparaat voor de check-in geopend'),
    'checkin.kiosk_closed': t('Klasapparaat voor de check-in gesloten'),
    'checkin.cards_issued': t('Inlogkaarten voor de check-in gemaakt'),
    'checkin.symbol_changed': t('Naamplaatje van een leerling voor het klasapparaat gekozen of gewijzigd'),
    'checkin.pupil_sign_in_failed': t('Leerling kon niet inloggen voor de check-in (kaartcode fout)'),
    'plan.working_group_changed': t('Werkgroep van het implementatieplan gewijzigd'),
    'plan.exported': t('Implementatieplan geëxporteerd'),
    'plan.board_rollup_read': t('Overzicht implementatieplannen van het bestuur bekeken'),
    'plan.calendar_feed_changed': t('Agendakoppeling voor acties aangemaakt of gestopt'),
    'training.changed': t('Scholingsregister gewijzigd'),
    'training.exported': t('Scholingsregister of trainingsstand gedownload'),
    'research.study_created': t('Onderzoek toegevoegd'),
    'research.objection_changed': t('Bezwaar tegen onderzoek van een leerling vastgelegd of ingetrokken'),
    'research.exported': t('Onderzoeksbestand gedownload'),
    'evaluation.board_view_read': t('Effect van TSO van de scholen bekeken door het bestuur'),
    'questionnaires.instrument_imported': t('Eigen vragenlijst toegevoegd'),
    'questionnaires.reminders_sent': t('Herinnering voor een meting verstuurd aan wie nog niet klaar was'),
    'care.file_read': t('Zorgdossier van een leerling ingezien (vertrouwde volwassenen, plan)'),
    'care.plan_version_read': t('Eerdere versie van een steun- en signaleringsplan ingezien'),
    'care.plan_saved': t('Steun- en signaleringsplan opgeslagen (nieuwe versie)'),
    'care.trusted_adult_added': t('Vertrouwde volwassene toegevoegd'),
    'care.trusted_adult_removed': t('Vertrouwde volwassene verwijderd'),
    'care.aces_read': t('Ingrijpende jeugdervaringen van een leerling ingezien'),
    'care.aces_recorded': t('Ingrijpende jeugdervaringen vastgelegd'),
    'care.screenings_read': t('Screenings van een leerling ingezien'),
    'care.screening_recorded': t('Screening vastgelegd'),
    'care.overview_read': t('Zorgoverzicht ingezien'),
    'care.break_glass_opened': t('Noodtoegang tot een plan geopend'),
    'care.retention_terms_changed': t('Bewaartermijnen van zorggegevens gewijzigd'),
    'care.ace_categories_changed': t('Eigen categorieën van ingrijpende jeugdervaringen gewijzigd'),
    'care.screening_wording_changed': t('Eigen vraagteksten van een screeningslijst gewijzigd'),
    'parents.contacts_read': t('Contactlog met de ouders van een leerling ingezien'),
    'parents.contacts_overview_read': t('Overzicht van het contact met ouders ingezien'),
    'parents.contact_added': t('Contact met ouders vastgelegd'),
    'parents.contact_changed': t('Contact met ouders gewijzigd'),
    'parents.contact_follow_up_marked': t('Opvolging van een contact met ouders afgerond of heropend'),
    'parents.contact_removed': t('Contact met ouders verwijderd'),
    'sociogram.settings_changed': t('Instelling voor liever-niet-vragen in sociogrammen gewijzigd'),
    'sociogram.question_added': t('Eigen sociogramvraag toegevoegd'),
    'sociogram.question_archived': t('Eigen sociogramvraag weggehaald'),
    'sociogram.started': t('Sociogram gestart'),
    'sociogram.closed': t('Sociogram afgesloten'),
    'sociogram.reopened': t('Sociogram weer opengezet'),
    'sociogram.removed': t('Sociogram verwijderd'),
    'sociogram.answers_read': t('Antwoorden van een leerling in een sociogram ingezien'),
    'sociogram.paper_answers_saved': t('Antwoorden van een papieren ronde ingevoerd'),
    'sociogram.answers_removed': t('Antwoorden van een leerling uit een sociogram gehaald'),
    'sociogram.results_read': t('Uitkomsten van een sociogram ingezien'),
    'sociogram.results_printed': t('Uitkomsten van een sociogram als pdf gedownload'),
    'sociogram.retention_applied': t('Antwoorden van oude sociogrammen verwijderd na de bewaartermijn'),
    'checkin.retention_applied': t('Oude check-ins verwijderd na de bewaartermijn (alleen tellingen per klas blijven)'),
    'parents.read': t('Ouders van een leerling bekeken'),
    'parents.parent_added': t('Ouder of verzorger toegevoegd'),
    'parents.parent_changed': t('Gegevens van een ouder gewijzigd'),
    'parents.parent_removed': t('Ouder bij een leerling weggehaald'),
    'parents.exclusion_changed': t('Afscherming van een ouder gewijzigd'),
    'parents.link_sent': t('Eenmalige link naar een ouder gestuurd'),
    'parents.access_revoked': t('Toegang van een ouder ingetrokken'),
    'parents.questionnaire_sent': t('Vragenlijst naar een ouder gestuurd'),
    'parents.questionnaire_withdrawn': t('Vragenlijst voor een ouder ingetrokken'),
    'parents.request_handled': t('Gespreksaanvraag van een ouder afgehandeld'),
    'parents.page_changed': t('Ouderpagina over TSO gewijzigd'),
    'parents.language_saved': t('Taal voor de ouderpagina toegevoegd of bijgewerkt'),
    'parents.language_removed': t('Taal voor de ouderpagina verwijderd'),
    'parent.link_opened': t('Ouder opende een eenmalige link'),
    'parent.link_open_failed': t('Eenmalige link van een ouder geweigerd'),
    'parent.new_link_requested': t('Ouder vroeg een nieuwe link'),
    'parent.signed_out': t('Ouder meldde zich af'),
    'parent.details_corrected': t('Ouder verbeterde de eigen gegevens'),
    'parent.language_chosen': t('Ouder koos een taal'),
    'parent.research_consent_changed': t('Ouder koos over meedoen aan onderzoek'),
    'parent.conversation_requested': t('Ouder vroeg een gesprek aan'),
    'parent.consent_given': t('Ouder gaf toestemming voor een vragenlijst over zichzelf'),
    'parent.questionnaire_answered': t('Ouder beantwoordde een vragenlijst'),
    'regulation.activity_added': t('Eigen regulatieactiviteit toegevoegd'),
    'regulation.activity_removed': t('Eigen regulatieactiviteit verwijderd'),
    'regulation.activity_hidden': t('Regulatieactiviteit verborgen'),
    'regulation.activity_shown': t('Regulatieactiviteit weer getoond'),
    'regulation.routine_added': t('Vast regulatiemoment van een klas gepland'),
    'regulation.routine_removed': t('Vast regulatiemoment van een klas verwijderd'),
    'regulation.pupil_read': t('Wat een leerling helpt (regulatie) ingezien'),
    'regulation.plan_activity_linked': t('Regulatieactiviteit aan een steunplan gekoppeld'),
    'regulation.plan_activity_unlinked': t('Regulatieactiviteit van een steunplan losgemaakt'),
    'regulation.lesson_given': t('Les van Ken je raampje aan een klas gegeven'),
    'regulation.lesson_given_undone': t('Les van Ken je raampje bij een klas ongedaan gemaakt'),
    'partners.organisation_added': t('Samenwerkingspartner toegevoegd'),
    'partners.organisation_changed': t('Samenwerkingspartner gewijzigd'),
    'partners.organisation_archived': t('Samenwerkingspartner uit het register gehaald'),
    'partners.organisation_restored': t('Samenwerkingspartner teruggezet in het register'),
    'partners.contact_added': t('Contactpersoon van een samenwerkingspartner toegevoegd'),
    'partners.contact_changed': t('Contactpersoon van een samenwerkingspartner gewijzigd'),
    'partners.contact_removed': t('Contactpersoon van een samenwerkingspartner verwijderd'),
    'partners.agreement_added': t('Afspraak met een samenwerkingspartner vastgelegd'),
    'partners.agreement_changed': t('Afspraak met een samenwerkingspartner gewijzigd'),
    'partners.agreement_removed': t('Afspraak met een samenwerkingspartner verwijderd'),
    'onboarding.guide_published': t('Nieuwe versie van het inwerkboek gepubliceerd'),
    'onboarding.chef_buddy_appointed': t('Chef-buddy van een locatie aangewezen'),
    'onboarding.chef_buddy_removed': t('Chef-buddy van een locatie gestopt'),
    'onboarding.pair_added': t('Nieuwe collega aan een buddy gekoppeld'),
    'onboarding.pair_changed': t('Koppeling van nieuwe collega en buddy gewijzigd'),
    'onboarding.pair_removed': t('Koppeling van nieuwe collega en buddy beëindigd'),
    'team.pulse_planned': t('Welzijnspeiling van het team gepland'),
    'team.pulse_closed': t('Welzijnspeiling van het team afgesloten'),
    'team.pulse_removed': t('Geplande welzijnspeiling verwijderd'),
    'team.pulse_help_changed': t('Teksten over waar je hulp vindt gewijzigd'),
    'team.journal_exported': t('Eigen reflectie gedownload'),
    'team.journal_entry_deleted': t('Stukje uit de eigen reflectie verwijderd'),
    'team.journal_deleted': t('Hele eigen reflectie verwijderd'),
    'competence.profile_imported': t('Competentieprofiel ingelezen'),
    'competence.assessment_completed': t('Zelfbeoordeling competenties afgerond'),
    'competence.shared': t('Competentieprofiel gedeeld'),
    'competence.share_revoked': t('Delen van competentieprofiel ingetrokken'),
    'competence.shared_read': t('Gedeeld competentieprofiel ingezien'),
    'intervision.session_recorded': t('Intervisiebijeenkomst vastgelegd'),
    'intervision.session_changed': t('Intervisiebijeenkomst gewijzigd'),
    'intervision.session_removed': t('Intervisiebijeenkomst verwijderd'),
    'intervision.care_sessions_read': t('Intervisie van het zorgteam ingezien'),
    'care.pupil_exported': t('Alles over een leerling gedownload (inzageverzoek)'),
    'care.retention_applied': t('Zorggegevens van vertrokken leerlingen verwijderd na de bewaartermijn'),
    'care.conversations_read': t('Kindgesprekken van een leerling ingezien'),
    'care.conversation_planned': t('Kindgesprek gepland of vastgelegd'),
    'care.conversations_year_planned': t('Drie kindgesprekken voor het schooljaar gepland'),
    'care.conversation_changed': t('Kindgesprek gewijzigd'),
    'care.conversation_removed': t('Gepland kindgesprek verwijderd'),
    'care.referrals_read': t('Verwijzingen van een leerling ingezien'),
    'care.referral_added': t('Verwijzing vastgelegd'),
    'care.referral_changed': t('Verwijzing gewijzigd'),
    'care.meldcode_read': t('Meldcodezaken ingezien'),
    'care.meldcode_case_opened': t('Meldcodezaak geopend'),
    'care.meldcode_step_recorded': t('Stap van een meldcodezaak vastgelegd'),
    'care.meldcode_case_closed': t('Meldcodezaak afgesloten'),
    'care.attention_officer_changed': t('Aandachtsfunctionaris van de school gewijzigd'),
    'group.climate_rated': t('Klassenklimaat ingeschat'),
    'group.climate_rating_removed': t('Inschatting van het klassenklimaat ongedaan gemaakt'),
    'group.phase_set': t('Groepsfase van een klas vastgelegd'),
  };
}

/** What an audit log action means; codes the app does not know yet are shown as they are. */
export function auditActionLabel(t: TFunction, action: string): string {
  const labels = auditActionLabels(t);
  return Object.hasOwn(labels, action) ? labels[action as AuditAction] : action;
}

/** What kind of record an audit event is about. */
export function auditTargetLabel(t: TFunction, targetType: string | null): string {
  switch (targetType) {
    case null:
      return '';
    case 'user':
      return t('Persoon');
    case 'board':
      return t('Bestuur');
    case 'school':
      return t('School');
    case 'location':
      return t('Locatie');
    case 'class':
      return t('Klas');
    case 'pupil':
      return t('Leerling');
    case 'selfscan_round':
      return t('Zelfscanronde');
    case 'development_model':
      return t('Ontwikkelmodel');
    case 'partner_organisation':
      return t('Samenwerkingspartner');
    default:
      return targetType;
  }
}

/** The name of a detail an audit event records (counts, school year, roles before and after). */
export function auditDetailLabel(t: TFunction, key: string): string {
  switch (key) {
    case 'roles':
      return t('rollen');
    case 'before':
      return t('eerst');
    case 'after':
      return t('daarna');
    case 'schoolYear':
      return t('schooljaar');
    case 'count':
      return t('aantal');
    case 'offset':
      return t('vanaf rij');
    case 'rows':
      return t('rijen');
    case 'total':
      return t('totaal');
    case 'skippedRows':
      return t('overgeslagen rijen');
    case 'created':
      return t('nieuw');
    case 'updated':
      return t('bijgewerkt');
    case 'unchanged':
      return t('ongewijzigd');
    case 'classesCreated':
      return t('nieuwe klassen');
    case 'schools':
      return t('scholen');
    case 'pupils':
      return t('leerlingen');
    case 'accounts':
      return t('accounts');
    case 'invited':
      return t('uitgenodigd');
    case 'aspect':
      return t('accent');
    case 'phase':
      return t('groeifase');
    case 'model':
      return t('model');
    case 'version':
      return t('versie');
    default:
      return key;
  }
}

/** The name of a pupil import field, as the wizard labels its column choice. */
export function importFieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'pupilNumber':
      return t('Leerlingnummer');
    case 'firstName':
      return t('Roepnaam');
    case 'lastName':
      return t('Achternaam');
    case 'prefix':
      return t('Tussenvoegsel');
    case 'birthDate':
      return t('Geboortedatum');
    case 'className':
      return t('Groep of klas');
    case 'row':
      return t('Hele regel');
    default:
      return field;
  }
}

/** A problem in a row of an import file, in words. */
export function importErrorLabel(t: TFunction, code: ImportErrorCode | string): string {
  switch (code) {
    case 'missing':
      return t('Niet ingevuld');
    case 'invalid_date':
      return t('Geen geldige datum (gebruik bijvoorbeeld 31-12-2015)');
    case 'duplicate_number':
      return t('Dit leerlingnummer staat vaker in het bestand');
    case 'too_long':
      return t('Te lang');
    case 'column_count':
      return t('Het aantal kolommen klopt niet met de kopregel');
    default:
      return code;
  }
}

/** The name of an implementation phase (in Dutch: verkennen, voorbereiden, invoeren, borgen). */
export function implementationPhaseLabel(t: TFunction, phase: ImplementationPhase): string {
  switch (phase) {
    case 'explore':
      return t('Verkennen');
    case 'prepare':
      return t('Voorbereiden');
    case 'implement':
      return t('Uitvoeren');
    case 'sustain':
      return t('Borgen');
  }
}

/** The name of a kind of training; a custom training shows the school's own title when it has one. */
export function trainingKindLabel(t: TFunction, kind: TrainingKind, customTitle?: string | null): string {
  switch (kind) {
    case 'intro':
      return t('Kennismakingsworkshop');
    case 'full_team':
      return t('Teamtraining met voor- en natraject');
    case 'refresher':
      return t('Verdieping of opfrissing');
    case 'new_staff':
      return t('Scholing voor nieuwe medewerkers');
    case 'partner_day':
      return t('Eendaagse training voor ketenpartners');
    case 'custom':
      return customTitle !== undefined && customTitle !== null && customTitle !== '' ? customTitle : t('Eigen scholing');
  }
}
