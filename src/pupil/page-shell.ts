import type { Locale } from '../shared/roles';
import { BOOTSTRAP_TEXTS } from './bootstrap-texts';

/** The parts of the page every screen uses: where screens go, the live status line, and the current language. */
export interface PageShell {
  screen: HTMLElement;
  status: HTMLElement;
  locale: Locale;
  bootstrap: (typeof BOOTSTRAP_TEXTS)[Locale];
}

/** Switches the page to a language (html lang, bootstrap texts) and sets the document title. */
export function applyLocale(shell: PageShell, locale: Locale, title: string): void {
  shell.locale = locale;
  shell.bootstrap = BOOTSTRAP_TEXTS[locale];
  document.documentElement.lang = locale;
  if (title) document.title = `${title} – Groeiwijzer`;
}
