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
    already_set_up: 'Groeiwijzer is al ingericht.',
    not_set_up: 'Groeiwijzer is nog niet ingericht.',
    import_has_errors: 'Het bestand bevat fouten. Er is niets geïmporteerd.',
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
    already_set_up: 'Groeiwijzer has already been set up.',
    not_set_up: 'Groeiwijzer has not been set up yet.',
    import_has_errors: 'The file contains errors. Nothing was imported.',
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
