import type { Locale } from '../shared/roles';

// The only words the page carries itself: what to say when nothing could be loaded at all. Every other
// word comes from the server's form, or before sign-in from the shared defaults (shared/checkin-wording).

/** The bootstrap error texts per language. */
export const BOOTSTRAP_TEXTS: Record<Locale, { loadFailed: string; tryAgain: string }> = {
  nl: { loadFailed: 'De check-in kon niet laden. Controleer de verbinding en probeer het opnieuw.', tryAgain: 'Opnieuw proberen' },
  en: { loadFailed: 'The check-in could not load. Check the connection and try again.', tryAgain: 'Try again' },
};

/** The browser's language as one of ours: English when it asks for English first, otherwise Dutch. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  return languages[0]?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
