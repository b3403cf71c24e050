import type { ErrorCode } from '../../shared/error-codes';
import { LOCALES, type Locale } from '../../shared/roles';

// Server-side texts (error messages, e-mails). The SPA has its own extracted catalogues;
// the server only needs these few, so they live in one typed table per language.
const errorMessages: Record<Locale, Record<ErrorCode, string>> = {
  nl: {
    validation_failed: 'Niet alle velden zijn goed ingevuld.',
    malformed_request: 'Het verzoek kon niet worden gelezen.',
    payload_too_large: 'Het verzoek is te groot.',
    unsupported_media_type: 'Dit type inhoud wordt niet ondersteund.',
    not_authenticated: 'Log eerst in.',
    forbidden: 'Je hebt geen toegang tot deze gegevens.',
    csrf_failed: 'Het verzoek kwam niet van deze pagina. Herlaad de pagina en probeer het opnieuw.',
    not_found: 'Niet gevonden.',
    conflict: 'Dit is intussen gewijzigd, misschien door iemand anders of in een ander tabblad. Herlaad de pagina en probeer het opnieuw.',
    rate_limited: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
    invalid_credentials: 'E-mailadres of wachtwoord klopt niet.',
    invalid_token: 'Deze link is ongeldig of verlopen.',
    password_too_common: 'Dit wachtwoord is te makkelijk te raden: het staat op een lijst van veelgebruikte of uitgelekte wachtwoorden, of het is je eigen naam of e-mailadres. Kies een ander.',
    already_set_up: 'Groeiwijzer is al ingericht.',
    not_set_up: 'Groeiwijzer is nog niet ingericht.',
    demo_not_allowed: 'De demo kan alleen worden geladen op de server zelf (via localhost), of als Groeiwijzer met `groeiwijzer demo` is gestart.',
    import_has_errors: 'Het bestand bevat fouten. Er is niets geïmporteerd.',
    mfa_verification_required: 'Vul eerst de code uit je authenticator-app in.',
    mfa_enrollment_required: 'Stel eerst tweestapsverificatie in: dat is verplicht voor jouw rol.',
    invalid_mfa_code: 'Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code en probeer het opnieuw.',
    mfa_cannot_be_disabled: 'Tweestapsverificatie kan niet uit: het is verplicht voor een van jouw rollen.',
    encryption_unavailable:
      'Deze gegevens zijn versleuteld en de sleutel ontbreekt op de server. Ze zijn niet kwijt; vraag je beheerder de sleutel terug te zetten.',
    link_base_missing:
      'Groeiwijzer weet niet op welk adres het te bereiken is, dus kan het geen link maken of mailen. Er is niets verstuurd of gewijzigd. Vraag de beheerder van de server PUBLIC_URL in te stellen (zie de README).',
    overloaded: 'Het is nu erg druk. Je antwoord is nog niet opgeslagen; probeer het zo nog een keer.',
    not_shared: 'De school heeft dit nog niet met het team gedeeld. De werkgroep en de schoolleiding kunnen het wel al zien.',
    self_grant: 'Je kunt jezelf geen rol geven of uitnodigen. Vraag een collega met beheerrechten om dit te doen.',
    already_member: 'Deze persoon staat al bij het personeel van deze school. Wijzig daar de rollen.',
    second_person_needed: 'Dit moet een tweede persoon goedkeuren: niet degene die het aanvroeg en niet degene die de rol krijgt.',
    audience_too_small:
      'Deze groep is te klein voor een anonieme zelfscan. Er moeten minstens zoveel mensen worden uitgenodigd als de minimale groepsgrootte van het bestuur; bij minder mensen is te herleiden wie welk antwoord gaf. Kies meer rollen of nodig alle medewerkers uit.',
    round_still_open:
      'De ronde loopt nog. Uitkomsten, vergelijkingen en downloads zijn er pas als de ronde gesloten is; de kartrekker of de directie kan de ronde ook eerder sluiten.',
    round_not_open:
      'Deze zelfscanronde staat vandaag niet open voor antwoorden: ze is nog niet begonnen of al gesloten. Je antwoord is niet bewaard.',
    wrong_current_password: 'Dit is niet je huidige wachtwoord. Er is niets gewijzigd; typ het wachtwoord waarmee je nu inlogt.',
    last_school_admin:
      'Dit kan niet: de school moet minstens één schoolbeheerder houden. Geef eerst iemand anders de rol schoolbeheerder en probeer het dan opnieuw.',
    self_lockout: 'Je kunt jezelf niet blokkeren of je eigen account uitschakelen. Vraag een andere beheerder om dit te doen.',
    duplicate_location: 'Deze school heeft al een locatie met deze naam. Kies een andere naam.',
    duplicate_class: 'Er is in dit schooljaar al een groep of klas met deze naam. Kies een andere naam.',
    duplicate_aspect_goal:
      'Dit accent heeft in dat schooljaar al een doel in het implementatieplan. Pas dat doel aan in plaats van een tweede te maken.',
    model_version_taken:
      'Deze versie van het ontwikkelmodel bestaat al: ze hoort bij Groeiwijzer of wordt al in een zelfscanronde gebruikt. Geef het bestand een nieuw versienummer en importeer het opnieuw.',
    reminder_too_soon:
      'Voor deze ronde is in de afgelopen 24 uur al een herinnering verstuurd. Zo krijgt niemand te veel mail; je kunt morgen opnieuw herinneren.',
    pupil_number_taken: 'Een andere leerling van deze school heeft dit leerlingnummer al. Controleer het nummer in je leerlingadministratie.',
    pupil_has_left:
      'Deze leerling is vertrokken en kan daarom niet naar een andere klas. Zet de leerling eerst terug als hij of zij weer op school is.',
    import_classes_unresolved:
      'Het bestand noemt klassen die in dit schooljaar nog niet bestaan. Kies bij elke onbekende klas of Groeiwijzer hem aanmaakt of dat hij hoort bij een klas die er al is. Er is niets geïmporteerd.',
    school_year_already_prepared:
      'Het volgende schooljaar is al voorbereid. Bekijk de voorbereiding of maak haar ongedaan om opnieuw te beginnen.',
    school_year_started:
      'Dit schooljaar is al begonnen, dus de voorbereiding kan niet meer ongedaan worden gemaakt. Pas klassen en leerlingen nu los aan.',
    school_year_ended:
      'Deze klas hoort bij een schooljaar dat voorbij is. Klascodes, inlogkaarten en de klassencomputer werken alleen voor klassen van dit schooljaar.',
    wave_already_open:
      'Deze meting is al begonnen en kan daarom niet meer worden gewijzigd of verwijderd. Plan zo nodig een nieuwe meting.',
    wave_not_open: 'Deze meting is nu niet geopend: antwoorden kan alleen in de dagen waarin ze loopt.',
    wave_not_closed: 'De uitkomsten van deze meting komen er zodra ze gesloten is: zo verraadt geen enkel cijfer wie er net heeft geantwoord.',
    instrument_version_taken:
      'Deze versie van de vragenlijst bestaat al: ze hoort bij Groeiwijzer of wordt al in een meting gebruikt. Geef het bestand een nieuw versienummer en voeg het opnieuw toe.',
    already_trusted_adult: 'Deze collega staat al bij de vertrouwde volwassenen van deze leerling.',
    break_glass_not_needed: 'Je kunt het plan van deze leerling al inzien; noodtoegang is niet nodig.',
    ace_category_in_use: 'Deze categorie is al bij een leerling ingevuld en kan daarom niet weg: de antwoorden zouden hun betekenis verliezen.',
    sociogram_already_open: 'Voor deze klas loopt al een sociogram. Sluit dat eerst af.',
    sociogram_closed: 'Dit sociogram is afgesloten; antwoorden kunnen niet meer veranderen.',
    sociogram_still_open: 'Dit sociogram loopt nog. Sluit het af om de uitkomsten te zien.',
    negative_questions_off: 'Je school heeft "liever niet"-vragen niet aangezet.',
    conversations_already_planned: 'Voor deze leerling staan dit schooljaar al gesprekken gepland. Voeg er zo nodig een los gesprek bij.',
    conversation_already_held: 'Dit gesprek is al gevoerd en blijft daarom bewaard.',
    not_own_conversation: 'Dit gesprek is van een collega: alleen wie het gesprek voert, kan het wijzigen of verwijderen.',
    not_own_contact: 'Dit contact heeft een collega vastgelegd. Alleen die collega of het zorgteam kan het wijzigen of verwijderen.',
    meldcode_case_closed: 'Deze meldcodezaak is afgesloten en kan niet meer worden gewijzigd.',
    parent_link_invalid: 'Deze link werkt niet meer. Een link van school werkt één keer en maar een paar dagen. Vraag hieronder een nieuwe link aan.',
    parent_email_missing: 'Van deze ouder is geen e-mailadres bekend. Vul het in, of print een brief met de link.',
    parent_excluded: 'Deze ouder krijgt geen toegang tot gegevens over dit kind (afgeschermd). Hef dat eerst op als dat mag.',
    parent_questionnaire_open: 'Deze vragenlijst staat al klaar voor deze ouder over dit kind.',
    parent_consent_needed: 'Geef eerst aan dat u deze vragen wilt invullen.',
    parent_requests_limit: 'U hebt al een paar aanvragen open staan. De school neemt contact met u op.',
    not_chef_buddy: 'Alleen de chef-buddy van deze locatie kan een nieuwe collega aan een buddy koppelen.',
    not_in_pair: 'Alleen de nieuwe collega en de buddy werken in dit inwerkschema.',
    newcomer_already_paired: 'Deze collega heeft al een buddy. Pas die koppeling aan in plaats van een nieuwe te maken.',
    evaluation_submitted: 'Je terugblik is al ingeleverd en blijft zoals hij is.',
    evaluation_not_open: 'De terugblik op het inwerken kan vanaf de derde week. Tot die tijd kun je hem nog niet invullen.',
    pulse_not_open: 'Deze peiling staat nu niet open. Je kunt alleen een peiling invullen of afsluiten die op dit moment loopt.',
    pulse_already_answered: 'Je hebt deze peiling al ingevuld. Iedereen vult een peiling één keer in; de uitkomsten volgen na het afsluiten.',
    pulse_overlaps: 'In deze periode loopt al een andere peiling. Kies data die daar niet mee samenvallen.',
    pulse_already_started: 'Deze peiling is al begonnen en kan daarom niet meer verwijderd worden. Je kunt haar wel afsluiten.',
    competence_profile_version_taken:
      'Deze versie van het competentieprofiel bestaat al: ze hoort bij Groeiwijzer of wordt al gebruikt. Geef het bestand een nieuw versienummer en lees het opnieuw in.',
    assessment_completed: 'Deze zelfbeoordeling is al afgerond en blijft zoals ze is. Begin een nieuwe om je groei te zien.',
    pupil_name_in_text:
      'In het thema of de notitie staat de naam van een leerling. Laat namen van leerlingen weg: alleen als het zorgteam de bijeenkomst leidt, mag dat wel.',
    care_team_run_not_allowed: 'Alleen iemand van het zorgteam kan aangeven dat het zorgteam deze bijeenkomst leidt.',
    sso_required: 'Je bestuur laat je alleen inloggen met je schoolaccount. Kies "Inloggen met je schoolaccount".',
    sso_not_available: 'Voor dit e-mailadres is inloggen met een schoolaccount niet ingesteld. Log in met je wachtwoord.',
    sso_email_not_allowed: 'Je schoolaccount heeft een e-mailadres van een domein dat je bestuur niet voor Groeiwijzer heeft toegestaan.',
    sso_email_unverified: 'Je schoolaccount heeft geen bevestigd e-mailadres. Vraag de ICT-beheerder van je school om het te laten bevestigen.',
    sso_no_account: 'Er is in Groeiwijzer geen actief account voor dit schoolaccount. Vraag je schoolbeheerder om een uitnodiging.',
    sso_failed: 'Inloggen met je schoolaccount is niet gelukt: het antwoord van je school klopte niet. Probeer het opnieuw.',
    sso_expired: 'Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw met inloggen.',
    sso_domain_taken: 'Een van deze e-maildomeinen hoort al bij de schoolaccounts van een ander bestuur.',
    internal_error: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  },
  en: {
    validation_failed: 'Some fields are not filled in correctly.',
    malformed_request: 'The request could not be read.',
    payload_too_large: 'The request is too large.',
    unsupported_media_type: 'This content type is not supported.',
    not_authenticated: 'Please log in first.',
    forbidden: 'You do not have access to this data.',
    csrf_failed: 'The request did not come from this page. Reload the page and try again.',
    not_found: 'Not found.',
    conflict: 'This was changed in the meantime, perhaps by someone else or in another tab. Reload the page and try again.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    invalid_credentials: 'E-mail address or password is incorrect.',
    invalid_token: 'This link is invalid or has expired.',
    password_too_common: 'This password is too easy to guess: it is on a list of common or leaked passwords, or it is your own name or e-mail address. Please choose another.',
    already_set_up: 'Groeiwijzer has already been set up.',
    not_set_up: 'Groeiwijzer has not been set up yet.',
    demo_not_allowed: 'The demo can only be loaded on the server itself (through localhost), or when Groeiwijzer was started with `groeiwijzer demo`.',
    import_has_errors: 'The file contains errors. Nothing was imported.',
    mfa_verification_required: 'Please enter the code from your authenticator app first.',
    mfa_enrollment_required: 'Please set up two-step verification first: your role requires it.',
    invalid_mfa_code: 'This code is incorrect or has already been used. Wait for a new code and try again.',
    mfa_cannot_be_disabled: 'Two-step verification cannot be turned off: one of your roles requires it.',
    encryption_unavailable:
      'This data is encrypted and the server is missing its key. Nothing is lost; ask your administrator to restore the key.',
    link_base_missing:
      'Groeiwijzer does not know the address it is reached at, so it cannot make or mail a link. Nothing was sent or changed. Ask whoever runs the server to set PUBLIC_URL (see the README).',
    overloaded: 'It is very busy right now. Your answer has not been saved yet; please try again in a moment.',
    not_shared: 'The school has not shared this with the team yet. The working group and the school leadership can already see it.',
    self_grant: 'You cannot give yourself a role or invite yourself. Ask a colleague with admin rights to do this.',
    already_member: 'This person is already on the staff of this school. Change their roles there.',
    second_person_needed: 'A second person must approve this: not the one who asked for it and not the one who gets the role.',
    audience_too_small:
      "This group is too small for an anonymous self-scan. At least as many people as the board's minimum group size must be invited; with fewer, it could be worked out who gave which answer. Choose more roles or invite all staff.",
    round_still_open:
      'The round is still open. Results, comparisons and downloads are only available once the round is closed; the TSO lead or the school leadership can also close it early.',
    round_not_open: 'This self-scan round is not open for answers today: it has not started yet or is already closed. Your answer was not saved.',
    wrong_current_password: 'This is not your current password. Nothing was changed; type the password you sign in with now.',
    last_school_admin:
      'This is not possible: the school must keep at least one school admin. First give someone else the school admin role, then try again.',
    self_lockout: 'You cannot block yourself or disable your own account. Ask another admin to do this.',
    duplicate_location: 'This school already has a location with this name. Choose another name.',
    duplicate_class: 'There already is a class with this name in this school year. Choose another name.',
    duplicate_aspect_goal:
      'This aspect already has a goal in the implementation plan for that school year. Change that goal instead of adding a second one.',
    model_version_taken:
      'This version of the development model already exists: it comes with Groeiwijzer or is already used in a self-scan round. Give the file a new version number and import it again.',
    reminder_too_soon:
      'A reminder for this round was already sent in the last 24 hours. That way nobody gets too much mail; you can remind again tomorrow.',
    pupil_number_taken: 'Another pupil of this school already has this pupil number. Check the number in your pupil administration.',
    pupil_has_left: 'This pupil has left, so they cannot move to another class. Put them back first if they are at the school again.',
    import_classes_unresolved:
      'The file names classes that do not exist in this school year yet. For each unknown class, choose whether Groeiwijzer creates it or whether it belongs to a class that already exists. Nothing was imported.',
    school_year_already_prepared: 'The next school year has already been prepared. Look at that preparation, or undo it to start again.',
    school_year_started: 'This school year has already started, so its preparation can no longer be undone. Change classes and pupils one by one instead.',
    school_year_ended:
      'This class belongs to a school year that has ended. Class codes, login cards and the class computer only work for classes of this school year.',
    wave_already_open: 'This wave has already opened, so it can no longer be changed or removed. Plan a new wave if needed.',
    wave_not_open: 'This wave is not open now: answers can only be given on the days it runs.',
    wave_not_closed: 'The results of this wave come once it has closed: that way no figure gives away who has just answered.',
    instrument_version_taken:
      'This version of the questionnaire already exists: it comes with Groeiwijzer or is already used in a wave. Give the file a new version number and add it again.',
    already_trusted_adult: 'This colleague is already one of the pupil\'s trusted adults.',
    break_glass_not_needed: 'You can already read this pupil\'s plan; emergency access is not needed.',
    ace_category_in_use: 'This category has been filled in for a pupil, so it cannot go: the answers would lose their meaning.',
    sociogram_already_open: 'A sociogram is already running for this class. Close it first.',
    sociogram_closed: 'This sociogram is closed; answers can no longer change.',
    sociogram_still_open: 'This sociogram is still running. Close it to see the results.',
    negative_questions_off: 'Your school has not switched on "rather not" questions.',
    conversations_already_planned: 'Conversations with this pupil are already planned for this school year. Add a single conversation if needed.',
    conversation_already_held: 'This conversation has been held, so it is kept.',
    not_own_conversation: 'This conversation belongs to a colleague: only the person who holds it can change or remove it.',
    not_own_contact: 'A colleague recorded this contact. Only that colleague or the care team can change or remove it.',
    meldcode_case_closed: 'This meldcode case is closed and can no longer be changed.',
    parent_link_invalid: 'This link no longer works. A link from school works once and only for a few days. Ask for a new link below.',
    parent_email_missing: 'There is no e-mail address for this parent. Fill it in, or print a letter with the link.',
    parent_excluded: 'This parent has no access to information about this child (restricted). Lift that first if that is allowed.',
    parent_questionnaire_open: 'This questionnaire is already waiting for this parent about this child.',
    parent_consent_needed: 'First say that you want to answer these questions.',
    parent_requests_limit: 'You already have a few requests open. The school will contact you.',
    not_chef_buddy: "Only this location's chef-buddy can pair a new colleague with a buddy.",
    not_in_pair: 'Only the new colleague and the buddy work in this onboarding plan.',
    newcomer_already_paired: 'This colleague already has a buddy. Change that pair instead of making a new one.',
    evaluation_submitted: 'Your look back has been handed in and stays as it is.',
    evaluation_not_open: 'The look back on the onboarding opens in the third week. Until then you cannot fill it in yet.',
    pulse_not_open: 'This pulse is not open now. You can only answer or close a pulse that is running at the moment.',
    pulse_already_answered: 'You have already answered this pulse. Everyone answers a pulse once; the results follow after it closes.',
    pulse_overlaps: 'Another pulse already runs in this period. Choose dates that do not overlap with it.',
    pulse_already_started: 'This pulse has already started, so it can no longer be removed. You can close it instead.',
    competence_profile_version_taken:
      'This version of the competence profile already exists: it comes with Groeiwijzer or is already in use. Give the file a new version number and import it again.',
    assessment_completed: 'This self-assessment is completed and stays as it is. Start a new one to see your growth.',
    pupil_name_in_text:
      "The theme or the note contains a pupil's name. Leave out pupils' names: only when the care team runs the session is that allowed.",
    care_team_run_not_allowed: 'Only a member of the care team can mark this session as run by the care team.',
    sso_required: 'Your board only lets you sign in with your school account. Choose "Sign in with your school account".',
    sso_not_available: 'Signing in with a school account is not set up for this e-mail address. Sign in with your password.',
    sso_email_not_allowed: 'Your school account has an e-mail address of a domain your board has not allowed for Groeiwijzer.',
    sso_email_unverified: "Your school account has no verified e-mail address. Ask your school's IT administrator to have it verified.",
    sso_no_account: 'There is no active Groeiwijzer account for this school account. Ask your school administrator for an invitation.',
    sso_failed: "Signing in with your school account failed: your school's answer did not check out. Please try again.",
    sso_expired: 'This sign-in attempt has expired or was already used. Please start signing in again.',
    sso_domain_taken: "One of these e-mail domains already belongs to another board's school accounts.",
    internal_error: 'Something went wrong on our side. Please try again later.',
  },
};

/** The message for an error code in the given language. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorMessages[locale][code];
}

/** Picks nl or en from an Accept-Language header (or an explicit choice); Dutch by default. */
export function pickLocale(acceptLanguage: string | undefined, explicit?: string | null): Locale {
  if (explicit && (LOCALES as readonly string[]).includes(explicit)) return explicit as Locale;
  if (!acceptLanguage) return 'nl';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { language: tag.split('-')[0] ?? '', weight: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  for (const entry of ranked) {
    if ((LOCALES as readonly string[]).includes(entry.language)) return entry.language as Locale;
  }
  return 'nl';
}
