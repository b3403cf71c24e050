import type { ParentTextKey } from '../shared/parent-wording';
import { callApi } from '../pupil/api';
import { button, element, showScreen } from '../pupil/dom';
import type { ParentBootstrapTexts } from './bootstrap-texts';
import type { ParentQuestionnaire } from './parent-questionnaire';

// What every screen of the parent page shares: the page's parts, the parent's data from the server, filling in
// placeholders, the live status line and calling the API as this parent.

/** What the server sends the page (features/parents/parent-page.schemas.ts). */
export interface ParentHome {
  csrfToken: string;
  language: string;
  direction: 'ltr' | 'rtl';
  texts: Record<ParentTextKey, string>;
  languages: { code: string; name: string }[];
  school: { name: string };
  parent: { name: string; email: string | null; phone: string | null };
  children: { id: string; firstName: string; takesPartInResearch: boolean; openRequestSince: string | null }[];
  tsoPage: string;
  questionnaires: ParentQuestionnaire[];
}

/** The parts of the page every screen uses; `home` reloads the start screen. */
export interface ParentShell {
  screen: HTMLElement;
  status: HTMLElement;
  bootstrap: ParentBootstrapTexts;
  language: string;
  home: () => void;
}

/** Fills `{name}` placeholders of a text. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Says something in the live status line (screen readers announce it). */
export function say(shell: ParentShell, text: string): void {
  shell.status.textContent = text;
}

/** Shows a screen with only a heading and a text. */
export function showMessage(shell: ParentShell, title: string, text: string): void {
  showScreen(shell.screen, element('h1', { text: title }), element('p', { text }));
}

/** The language the API answers errors in: the parent's when built in, otherwise Dutch. */
export function apiLocale(shell: ParentShell): 'nl' | 'en' {
  return shell.language === 'en' ? 'en' : 'nl';
}

/** Calls the API as this parent (CSRF header on changes); a 401 means the session ended, and the page says so. */
export async function parentCall(shell: ParentShell, home: ParentHome, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  const answer = await callApi(method, path, { locale: apiLocale(shell), csrfToken: home.csrfToken, ...(body !== undefined ? { body } : {}) });
  if (answer.status === 401) showMessage(shell, home.texts.pageTitle, home.texts.sessionEnded);
  return answer;
}

/** A screen with a heading, its content and a way back to the start. */
export function showPart(shell: ParentShell, home: ParentHome, title: string, ...content: Node[]): void {
  showScreen(shell.screen, element('h1', { text: title }), ...content, element('div', { className: 'parent-actions' }, [button(home.texts.back, 'parent-secondary', shell.home)]));
}
