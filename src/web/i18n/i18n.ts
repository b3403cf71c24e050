import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/roles';
import { setApiLanguage } from '../api/api-client';
import en from './locales/en.json';
import nl from './locales/nl.json';

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

/** Starts i18next with both catalogues bundled (they are small) and keeps <html lang> in step. */
export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    setApiLanguage(language);
  });
  void i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
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
    initAsync: false,
  });
  return i18next;
}
