import { PUPIL_TEXTS } from '../shared/checkin-wording';
import { callApi } from './api';
import { addResultActions, clearStatus, sendCheckin, showCheckinForm, showMessageScreen } from './checkin-flow';
import { button, element, showScreen } from './dom';
import { applyLocale, type PageShell } from './page-shell';
import type { KioskSession } from './pupil-types';

// The class device (/klas): the teacher opened kiosk mode for a class on this tablet; pupils tap their
// own name and check in. Nothing about anyone's answer — not even who already checked in — is shown.

/** How long "received" stays before the names come back. */
export const BACK_TO_NAMES_MS = 4000;
/** A check-in form left alone this long goes back to the names, so the next pupil never sees someone's half-made choice. */
export const IDLE_FORM_MS = 90_000;

function isKioskSession(body: unknown): body is KioskSession {
  const session = body as Partial<KioskSession> | null;
  return typeof session?.csrfToken === 'string' && Array.isArray(session.pupils) && Array.isArray(session.form?.choices);
}

/** The kiosk page: loads the class and shows the names, or says kiosk mode is not open. */
export async function startKiosk(shell: PageShell): Promise<void> {
  const answer = await callApi('GET', '/api/kiosk', { locale: shell.locale });
  if (answer.status === 200 && isKioskSession(answer.body)) return showNames(shell, answer.body);
  if (answer.status === 401) return showClosed(shell);
  throw new Error(`kiosk answered ${answer.status}`);
}

function showClosed(shell: PageShell): void {
  const texts = PUPIL_TEXTS[shell.locale];
  applyLocale(shell, shell.locale, texts.kioskPageTitle);
  clearStatus(shell.status);
  showMessageScreen(shell.screen, texts.kioskPageTitle, texts.kioskClosed);
}

function showNames(shell: PageShell, kiosk: KioskSession): void {
  const texts = kiosk.form.texts;
  applyLocale(shell, kiosk.form.locale, texts.kioskPageTitle ?? '');
  clearStatus(shell.status);
  const names = kiosk.pupils.map((pupil) =>
    element('li', {}, [button(pupil.displayName, 'pupil-name', () => showKioskCheckin(shell, kiosk, pupil.pupilId, pupil.displayName))]),
  );
  const list = names.length > 0 ? element('ul', { className: 'pupil-names' }, names) : element('p', { className: 'pupil-message', text: texts.kioskNoPupils ?? '' });
  showScreen(
    shell.screen,
    element('h1', { text: texts.kioskWhoAreYou ?? '' }),
    element('p', { className: 'pupil-who', text: kiosk.className }),
    element('p', { text: texts.kioskTapName ?? '' }),
    list,
  );
}

function showKioskCheckin(shell: PageShell, kiosk: KioskSession, pupilId: string, displayName: string): void {
  const texts = kiosk.form.texts;
  const stopIdleTimer = watchIdle(shell.screen, () => showNames(shell, kiosk));
  showCheckinForm({
    screen: shell.screen,
    form: kiosk.form,
    who: displayName,
    extra: [
      element('div', { className: 'pupil-actions' }, [
        button(texts.kioskBack ?? '', 'pupil-secondary', () => {
          stopIdleTimer();
          showNames(shell, kiosk);
        }),
      ]),
    ],
    onSend: (checkin) => {
      stopIdleTimer();
      void sendCheckin({
        screen: shell.screen,
        status: shell.status,
        form: kiosk.form,
        who: displayName,
        checkin,
        post: (pending) => callApi('POST', '/api/kiosk/checkins', { locale: kiosk.form.locale, csrfToken: kiosk.csrfToken, body: { ...pending, pupilId } }),
      }).then((outcome) => {
        if (outcome.kind === 'final' && outcome.status === 401) return showClosed(shell);
        const timer = outcome.kind === 'received' ? setTimeout(() => showNames(shell, kiosk), BACK_TO_NAMES_MS) : undefined;
        addResultActions(shell.screen, [
          button(texts.kioskBack ?? '', 'pupil-secondary', () => {
            clearTimeout(timer);
            showNames(shell, kiosk);
          }),
        ]);
      });
    },
  });
}

// Restarts a timer on every tap or key press inside the screen; returns the function that stops watching.
function watchIdle(screen: HTMLElement, onIdle: () => void): () => void {
  let timer = setTimeout(onIdle, IDLE_FORM_MS);
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, IDLE_FORM_MS);
  };
  screen.addEventListener('pointerdown', restart);
  screen.addEventListener('keydown', restart);
  return () => {
    clearTimeout(timer);
    screen.removeEventListener('pointerdown', restart);
    screen.removeEventListener('keydown', restart);
  };
}
