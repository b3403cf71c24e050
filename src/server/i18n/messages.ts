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
    conflict: 'Dit bestaat al of is intussen gewijzigd.',
    rate_limited: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
    invalid_credentials: 'E-mailadres of wachtwoord klopt niet.',
    invalid_token: 'Deze link is ongeldig of verlopen.',
    password_too_common: 'Dit wachtwoord is te makkelijk te raden: het staat op een lijst van veelgebruikte of uitgelekte wachtwoorden, of het is je eigen naam of e-mailadres. Kies een ander.',
    already_set_up: 'Groeiwijzer is al ingericht.',
    not_set_up: 'Groeiwijzer is nog niet ingericht.',
    import_has_errors: 'Het bestand bevat fouten. Er is niets geïmporteerd.',
    mfa_verification_required: 'Vul eerst de code uit je authenticator-app in.',
    mfa_enrollment_required: 'Stel eerst tweestapsverificatie in: dat is verplicht voor jouw rol.',
    invalid_mfa_code: 'Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code en probeer het opnieuw.',
    mfa_cannot_be_disabled: 'Tweestapsverificatie kan niet uit: het is verplicht voor een van jouw rollen.',
    encryption_unavailable:
      'Deze gegevens zijn versleuteld en de sleutel ontbreekt op de server. Ze zijn niet kwijt; vraag je beheerder de sleutel terug te zetten.',
    overloaded: 'Het is nu erg druk. Je antwoord is nog niet opgeslagen; probeer het zo nog een keer.',
    not_shared: 'De school heeft dit nog niet met het team gedeeld. De werkgroep en de schoolleiding kunnen het wel al zien.',
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
    conflict: 'This already exists or was changed in the meantime.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    invalid_credentials: 'E-mail address or password is incorrect.',
    invalid_token: 'This link is invalid or has expired.',
    password_too_common: 'This password is too easy to guess: it is on a list of common or leaked passwords, or it is your own name or e-mail address. Please choose another.',
    already_set_up: 'Groeiwijzer has already been set up.',
    not_set_up: 'Groeiwijzer has not been set up yet.',
    import_has_errors: 'The file contains errors. Nothing was imported.',
    mfa_verification_required: 'Please enter the code from your authenticator app first.',
    mfa_enrollment_required: 'Please set up two-step verification first: your role requires it.',
    invalid_mfa_code: 'This code is incorrect or has already been used. Wait for a new code and try again.',
    mfa_cannot_be_disabled: 'Two-step verification cannot be turned off: one of your roles requires it.',
    encryption_unavailable:
      'This data is encrypted and the server is missing its key. Nothing is lost; ask your administrator to restore the key.',
    overloaded: 'It is very busy right now. Your answer has not been saved yet; please try again in a moment.',
    not_shared: 'The school has not shared this with the team yet. The working group and the school leadership can already see it.',
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
