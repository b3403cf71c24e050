import { CLASS_CODE_LENGTH, PERSONAL_CODE_LENGTH } from '../shared/checkin';
import { PUPIL_TEXTS, type PupilTextKey } from '../shared/checkin-wording';
import { callApi } from './api';
import { addResultActions, clearStatus, sendCheckin, setStatus, showCheckinForm } from './checkin-flow';
import type { PendingCheckin } from './checkin-sender';
import { button, element, showScreen } from './dom';
import type { OpenWave, OwnSociogram, PupilSession } from './pupil-types';
import { runQuestionnaire } from './questionnaire-flow';
import { offerRegulation } from './regulation-offer';
import { PUPIL_QUESTIONNAIRE_TEXTS } from '../shared/questionnaire-wording';
import { PUPIL_SOCIOGRAM_TEXTS } from '../shared/sociogram-wording';
import { runSociogram } from './sociogram-flow';
import { applyLocale, type PageShell } from './page-shell';
import { receivedSymbol } from './symbols';

// The pupil's own device (/leerling): sign in with the class code from the board and the personal
// code from the card (or the card's QR code, which opens /leerling#kaart=<code>), then check in.

/** Takes the personal code out of a card link's fragment and removes the fragment from the address bar and history. */
export function takeCardCode(): string | null {
  const match = /^#kaart=([A-Za-z0-9]{1,32})$/.exec(window.location.hash);
  if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
  return match?.[1]?.toUpperCase() ?? null;
}

function isPupilSession(body: unknown): body is PupilSession {
  const session = body as Partial<PupilSession> | null;
  return typeof session?.csrfToken === 'string' && Array.isArray(session.form?.choices) && typeof session.form?.texts === 'object';
}

function codeField(id: string, label: string, hint: string, length: number, value: string): { field: HTMLElement; input: HTMLInputElement } {
  const input = element('input', {
    className: 'pupil-input pupil-code',
    attributes: {
      id,
      name: id,
      type: 'text',
      required: '',
      maxlength: String(length),
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      'aria-describedby': `${id}-hint ${SIGN_IN_ERROR_ID}`,
    },
  });
  input.value = value;
  const field = element('div', { className: 'pupil-field' }, [
    element('label', { text: label, attributes: { for: id } }),
    element('p', { className: 'pupil-field-hint', text: hint, attributes: { id: `${id}-hint` } }),
    input,
  ]);
  return { field, input };
}

const SIGN_IN_ERROR_ID = 'sign-in-error';
let isWatchingCardLinks = false;

// A card scanned while the page is already open changes only the fragment (no reload): handle it the same way.
function watchCardLinks(shell: PageShell): void {
  if (isWatchingCardLinks) return;
  isWatchingCardLinks = true;
  window.addEventListener('hashchange', () => {
    const cardCode = takeCardCode();
    if (cardCode) showSignIn(shell, { personalCode: cardCode });
  });
}

/** The own-device page: resumes a running session, or asks for the codes. */
export async function startOwnDevice(shell: PageShell): Promise<void> {
  watchCardLinks(shell);
  const cardCode = takeCardCode();
  // A card just scanned always means "sign in as this card", even if someone else's session is still open.
  if (cardCode) return showSignIn(shell, { personalCode: cardCode });
  const answer = await callApi('GET', '/api/pupil/session', { locale: shell.locale });
  if (answer.status === 200 && isPupilSession(answer.body)) return showCheckin(shell, answer.body);
  if (answer.status === 401) return showSignIn(shell, {});
  throw new Error(`pupil session answered ${answer.status}`);
}

function signInText(shell: PageShell, key: PupilTextKey): string {
  return PUPIL_TEXTS[shell.locale][key];
}

function showSignIn(shell: PageShell, options: { personalCode?: string; message?: PupilTextKey }): void {
  applyLocale(shell, shell.locale, signInText(shell, 'signInTitle'));
  clearStatus(shell.status);
  const classCode = codeField('class-code', signInText(shell, 'classCodeLabel'), signInText(shell, 'classCodeHint'), CLASS_CODE_LENGTH, '');
  const personalCode = codeField(
    'personal-code',
    signInText(shell, 'personalCodeLabel'),
    signInText(shell, 'personalCodeHint'),
    PERSONAL_CODE_LENGTH,
    options.personalCode ?? '',
  );
  const error = element('p', { className: 'pupil-error', attributes: { role: 'alert', id: SIGN_IN_ERROR_ID } });
  const submit = element('button', { className: 'pupil-send', text: signInText(shell, 'signIn'), attributes: { type: 'submit' } });
  const form = element('form', { className: 'pupil-sign-in', attributes: { novalidate: '' } }, [classCode.field, personalCode.field, error, submit]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(shell, classCode.input, personalCode.input, error, submit);
  });
  // Why the pupil is back here (signed out, session ended) comes straight under the heading, where reading starts.
  const notice = options.message ? [element('p', { className: 'pupil-notice', text: signInText(shell, options.message) })] : [];
  showScreen(shell.screen, element('h1', { text: signInText(shell, 'signInTitle') }), ...notice, element('p', { text: signInText(shell, 'signInIntro') }), form);
  // With the card's code filled in, the class code is all that is left to type.
  if (options.personalCode) classCode.input.focus();
}

async function signIn(shell: PageShell, classCode: HTMLInputElement, personalCode: HTMLInputElement, error: HTMLElement, submit: HTMLButtonElement): Promise<void> {
  const codes = { classCode: classCode.value.replace(/\s+/g, '').toUpperCase(), personalCode: personalCode.value.replace(/\s+/g, '').toUpperCase() };
  const firstEmpty = [classCode, personalCode].find((input) => input.value.trim() === '');
  if (firstEmpty) {
    error.textContent = signInText(shell, 'signInFailed');
    firstEmpty.focus();
    return;
  }
  submit.disabled = true;
  error.textContent = '';
  try {
    const answer = await callApi('POST', '/api/pupil/session', { locale: shell.locale, body: codes });
    if (answer.status === 200 && isPupilSession(answer.body)) return showCheckin(shell, answer.body);
    error.textContent = signInText(shell, answer.status === 429 ? 'tooManyTries' : 'signInFailed');
    // The server never says which of the two codes was wrong, so both are marked.
    if (answer.status !== 429) for (const input of [classCode, personalCode]) input.setAttribute('aria-invalid', 'true');
  } catch {
    error.textContent = shell.bootstrap.loadFailed;
  }
  submit.disabled = false;
  classCode.focus();
}

function showCheckin(shell: PageShell, session: PupilSession): void {
  const { form } = session;
  applyLocale(shell, form.locale, form.texts.pageTitle ?? '');
  clearStatus(shell.status);
  showCheckinForm({
    screen: shell.screen,
    form,
    who: session.firstName,
    notice: session.today !== null ? form.texts.alreadyToday : undefined,
    // A shared tablet: whoever signed in by mistake can leave before choosing anything.
    extra: [element('div', { className: 'pupil-actions' }, [button(form.texts.signOut ?? '', 'pupil-secondary', () => void signOut(shell, session))]), questionnaireEntry(shell, session), sociogramEntry(shell, session)],
    onSend: (checkin) => {
      void sendCheckin({
        screen: shell.screen,
        status: shell.status,
        form,
        who: session.firstName,
        checkin,
        post: (pending) => callApi('POST', '/api/pupil/checkins', { locale: form.locale, csrfToken: session.csrfToken, body: pending }),
      }).then((outcome) => {
        if (outcome.kind === 'final' && outcome.status === 401) return showSignIn(shell, { message: 'sessionEnded' });
        addCheckinResultActions(shell, session, checkin);
        if (outcome.kind === 'received') offerRegulationAfter(shell, session, checkin);
      });
    },
  });
}

function addCheckinResultActions(shell: PageShell, session: PupilSession, checkin: PendingCheckin): void {
  const texts = session.form.texts;
  const again = button(texts.checkInAgain ?? '', 'pupil-secondary', () => showCheckin(shell, { ...session, today: checkin.state }));
  addResultActions(shell.screen, [again, button(texts.signOut ?? '', 'pupil-secondary', () => void signOut(shell, session))]);
}

// After a check-in outside the window: the offer of a regulation moment; afterwards back to this check-in's result.
function offerRegulationAfter(shell: PageShell, session: PupilSession, checkin: PendingCheckin): void {
  const locale = session.form.locale;
  offerRegulation(shell.screen, checkin.state, {
    shell,
    locale,
    ageGroup: session.form.ageGroup,
    who: session.firstName,
    isShared: false,
    loadOffer: (state) => callApi('GET', `/api/pupil/regulation/offer?state=${state}`, { locale }),
    save: (moment) => callApi('POST', '/api/pupil/regulation/moments', { locale, csrfToken: session.csrfToken, body: moment }),
    onDone: () => showReceived(shell, session, checkin),
    onEnded: () => showSignIn(shell, { message: 'sessionEnded' }),
  });
}

// The check-in's result again, as sendCheckin left it (received), without the offer: it was taken or declined.
function showReceived(shell: PageShell, session: PupilSession, checkin: PendingCheckin): void {
  const texts = session.form.texts;
  showScreen(
    shell.screen,
    element('h1', { text: texts.pageTitle ?? '' }),
    element('p', { className: 'pupil-who', text: session.firstName }),
    element('div', { className: 'pupil-result' }, [receivedSymbol()]),
  );
  setStatus(shell.status, texts.sent ?? '', 'received');
  addCheckinResultActions(shell, session, checkin);
}

// A way to the class's open questionnaires, filled in once they are loaded (empty when there are none).
function questionnaireEntry(shell: PageShell, session: PupilSession): HTMLElement {
  const place = element('div', { className: 'pupil-actions pupil-questionnaire-entry' });
  const locale = session.form.locale;
  void callApi('GET', '/api/pupil/questionnaires', { locale })
    .then((answer) => {
      const waves = answer.status === 200 && Array.isArray(answer.body) ? (answer.body as OpenWave[]) : [];
      if (waves.length === 0) return;
      place.append(
        button(PUPIL_QUESTIONNAIRE_TEXTS[locale].open, 'pupil-secondary', () =>
          runQuestionnaire({
            shell,
            locale,
            who: session.firstName,
            waves,
            saved: new Map(waves.flatMap((wave) => wave.instruments.map((instrument) => [`${wave.id}/${instrument.id}`, instrument.myAnswers] as const))),
            isShared: false,
            save: (waveId, instrumentId, answers) => callApi('PUT', `/api/pupil/questionnaires/${waveId}/${instrumentId}`, { locale, csrfToken: session.csrfToken, body: { answers } }),
            onDone: () => showCheckin(shell, session),
            onEnded: () => showSignIn(shell, { message: 'sessionEnded' }),
          }),
        ),
      );
    })
    .catch(() => {
      // Offline: the check-in works without it; the questionnaire waits for the next visit.
    });
  return place;
}

// A way to the class's open sociogram, filled in once it is loaded (empty when there is none).
function sociogramEntry(shell: PageShell, session: PupilSession): HTMLElement {
  const place = element('div', { className: 'pupil-actions pupil-questionnaire-entry' });
  const locale = session.form.locale;
  void callApi('GET', '/api/pupil/sociograms', { locale })
    .then((answer) => {
      const sociograms = answer.status === 200 && Array.isArray(answer.body) ? (answer.body as OwnSociogram[]) : [];
      for (const sociogram of sociograms) {
        place.append(
          button(PUPIL_SOCIOGRAM_TEXTS[locale].open, 'pupil-secondary', () =>
            runSociogram({
              shell,
              locale,
              who: session.firstName,
              sociogram,
              saved: sociogram.mine,
              isShared: false,
              save: (choices) => callApi('PUT', `/api/pupil/sociograms/${sociogram.id}`, { locale, csrfToken: session.csrfToken, body: { choices } }),
              onDone: () => showCheckin(shell, session),
              onEnded: () => showSignIn(shell, { message: 'sessionEnded' }),
            }),
          ),
        );
      }
    })
    .catch(() => {
      // Offline: the check-in works without it; the sociogram waits for the next visit.
    });
  return place;
}

async function signOut(shell: PageShell, session: PupilSession): Promise<void> {
  try {
    await callApi('DELETE', '/api/pupil/session', { locale: session.form.locale, csrfToken: session.csrfToken });
  } catch {
    // Offline: the session still ends on its own after PUPIL_SESSION_MINUTES; the page forgets it now.
  }
  showSignIn(shell, { message: 'signedOut' });
}
