import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/roles';
import { setApiLanguage } from '../api/api-client';

const STORAGE_KEY = 'groeiwijzer.locale';

/** True for a language the interface has. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device before signing in (Dutch when nothing was chosen). */
export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'nl';
  } catch {
    return 'nl';
  }
}

/** Remembers the language on this device, for pages used without signing in. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts until the page is closed.
  }
}

// Kept per tab, so a reload of the login page does not forget that the person picked the language there.
const CHOSEN_SIGNED_OUT_KEY = 'groeiwijzer.locale-chosen-signed-out';

/** Remembers (or forgets) that the language on screen was picked while signed out in this tab. */
export function setLocaleChosenSignedOut(isChosen: boolean): void {
  try {
    if (isChosen) window.sessionStorage.setItem(CHOSEN_SIGNED_OUT_KEY, '1');
    else window.sessionStorage.removeItem(CHOSEN_SIGNED_OUT_KEY);
  } catch {
    // Without storage the account's language applies at sign-in, as on a new device.
  }
}

/** Whether the language on screen was picked while signed out in this tab, since the last sign-in. */
export function isLocaleChosenSignedOut(): boolean {
  try {
    return window.sessionStorage.getItem(CHOSEN_SIGNED_OUT_KEY) === '1';
  } catch {
    return false;
  }
}

/** The current interface language. */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'nl';
}

// The catalogue of each language but Dutch, as a chunk of its own. Dutch needs none: the keys ARE the Dutch text
// (catalogues.test.ts holds nl.json to that), and i18next shows the key when a language has no text for it. So a
// Dutch screen loads no catalogue at all, and an English one only the English texts (issue 18: both were in the
// entry script, over 600 kB before the sign-in page could appear).
const CATALOGUES: Record<Exclude<Locale, 'nl'>, () => Promise<{ default: ResourceKey }>> = {
  en: () => import('./locales/en.json'),
};

const catalogueLoader: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (!isLocale(language) || language === 'nl') return callback(null, {});
    CATALOGUES[language]().then(
      (catalogue) => callback(null, catalogue.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/**
 * Starts i18next and keeps <html lang> in step; resolves once the texts of the chosen language are there, so the
 * first screen is already in that language. Changing the language later loads its catalogue first.
 */
export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    setApiLanguage(language);
  });
  await i18next.use(catalogueLoader).use(initReactI18next).init({
    lng: storedLocale(),
    fallbackLng: 'nl',
    supportedLngs: [...LOCALES],
    // Keys are Dutch sentences, so dots and colons in them are text, not structure.
    keySeparator: false,
    nsSeparator: false,
    // A missing English text falls back to the Dutch key instead of showing nothing.
    returnEmptyString: false,
    // React escapes output itself.
    interpolation: { escapeValue: false },
  });
  return i18next;
}
