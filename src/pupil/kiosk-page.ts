import { PUPIL_TEXTS } from '../shared/checkin-wording';
import { callApi } from './api';
import { addResultActions, clearStatus, sendCheckin, setStatus, showCheckinForm, showMessageScreen } from './checkin-flow';
import { button, element, showScreen, watchIdle } from './dom';
import { holdButton } from './hold-button';
import { applyLocale, type PageShell } from './page-shell';
import type { ClassWave, KioskSession, PupilSociogram } from './pupil-types';
import { runQuestionnaire } from './questionnaire-flow';
import { offerRegulation } from './regulation-offer';
import { PUPIL_QUESTIONNAIRE_TEXTS } from '../shared/questionnaire-wording';
import { PUPIL_SOCIOGRAM_TEXTS } from '../shared/sociogram-wording';
import { runSociogram } from './sociogram-flow';

// The class device (/klas): the teacher opened kiosk mode for a class on this tablet; pupils tap their
// own name and check in. Nothing about anyone's answer — not even who already checked in — is shown.

/** How long "received" stays before the names come back. */
export const BACK_TO_NAMES_MS = 4000;
/**
 * After a check-in outside the window the result offers a regulation moment: the names come back later, so the pupil
 * has time to read the offer; not much later, since the offer's words tell a passer-by the pupil is outside the window.
 */
export const BACK_TO_NAMES_AFTER_OFFER_MS = 10_000;
/** A check-in form left alone this long goes back to the names, so the next pupil never sees someone's half-made choice. */
export const IDLE_FORM_MS = 90_000;
/** How long the teacher holds "close" down before the kiosk closes: long enough that a pupil's tap never does it. */
export const CLOSE_HOLD_MS = 3000;

type KioskPupil = KioskSession['pupils'][number];

function isKioskSession(body: unknown): body is KioskSession {
  const session = body as Partial<KioskSession> | null;
  return typeof session?.csrfToken === 'string' && Array.isArray(session.pupils) && Array.isArray(session.form?.choices);
}

/** The open questionnaires of the class, loaded with the kiosk; none when they could not be loaded. */
let classWaves: ClassWave[] = [];
/** The class's open sociogram (at most one), loaded with the kiosk; none when it could not be loaded. */
let classSociograms: PupilSociogram[] = [];

/** The kiosk page: loads the class and shows the names, or says kiosk mode is not open. */
export async function startKiosk(shell: PageShell): Promise<void> {
  const [answer, waves, sociograms] = await Promise.all([
    callApi('GET', '/api/kiosk', { locale: shell.locale }),
    callApi('GET', '/api/kiosk/questionnaires', { locale: shell.locale }).catch(() => null),
    callApi('GET', '/api/kiosk/sociograms', { locale: shell.locale }).catch(() => null),
  ]);
  classWaves = waves?.status === 200 && Array.isArray(waves.body) ? (waves.body as ClassWave[]) : [];
  classSociograms = sociograms?.status === 200 && Array.isArray(sociograms.body) ? (sociograms.body as PupilSociogram[]) : [];
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
  const names = kiosk.pupils.map((pupil) => element('li', {}, [nameButton(kiosk, pupil, () => openPupil(shell, kiosk, pupil))]));
  const list = names.length > 0 ? element('ul', { className: 'pupil-names' }, names) : element('p', { className: 'pupil-message', text: texts.kioskNoPupils ?? '' });
  // An open questionnaire for the class: a way to it above the names, for the teacher to point at.
  const entries = [
    ...(classWaves.length > 0 ? [button(PUPIL_QUESTIONNAIRE_TEXTS[kiosk.form.locale].open, 'pupil-secondary', () => showQuestionnaireNames(shell, kiosk))] : []),
    ...classSociograms.map((sociogram) => button(PUPIL_SOCIOGRAM_TEXTS[kiosk.form.locale].open, 'pupil-secondary', () => showSociogramNames(shell, kiosk, sociogram))),
  ];
  const questionnaire = entries.length > 0 ? [element('div', { className: 'pupil-actions pupil-questionnaire-entry' }, entries)] : [];
  showScreen(
    shell.screen,
    element('h1', { text: texts.kioskWhoAreYou ?? '' }),
    element('p', { className: 'pupil-who', text: kiosk.className }),
    ...questionnaire,
    element('p', { text: texts.kioskTapName ?? '' }),
    list,
    element('div', { className: 'pupil-kiosk-footer' }, [button(texts.kioskCloseOpen ?? '', 'pupil-close-kiosk', () => showCloseKiosk(shell, kiosk))]),
  );
}

// Who answers the questionnaire: the same names; the pupil's answers go in under the name they tap.
function showQuestionnaireNames(shell: PageShell, kiosk: KioskSession): void {
  const locale = kiosk.form.locale;
  showAnswerNames(shell, kiosk, PUPIL_QUESTIONNAIRE_TEXTS[locale], (pupil) =>
    runQuestionnaire({
      shell,
      locale,
      who: pupil.displayName,
      waves: classWaves,
      isShared: true,
      save: (waveId, instrumentId, answers) =>
        callApi('PUT', `/api/kiosk/questionnaires/${waveId}/${instrumentId}/pupils/${pupil.pupilId}`, { locale, csrfToken: kiosk.csrfToken, body: { answers } }),
      onDone: () => showQuestionnaireNames(shell, kiosk),
      onEnded: () => showClosed(shell),
    }),
  );
}

// Who answers the sociogram: the same names; nothing shows who already answered or what.
function showSociogramNames(shell: PageShell, kiosk: KioskSession, sociogram: PupilSociogram): void {
  const locale = kiosk.form.locale;
  showAnswerNames(shell, kiosk, PUPIL_SOCIOGRAM_TEXTS[locale], (pupil) =>
    runSociogram({
      shell,
      locale,
      who: pupil.displayName,
      pupilId: pupil.pupilId,
      sociogram,
      isShared: true,
      save: (choices) => callApi('PUT', `/api/kiosk/sociograms/${sociogram.id}/pupils/${pupil.pupilId}`, { locale, csrfToken: kiosk.csrfToken, body: { choices } }),
      onDone: () => showSociogramNames(shell, kiosk, sociogram),
      onEnded: () => showClosed(shell),
    }),
  );
}

// The names of the class for answering something one pupil at a time; back to the check-in's names when left alone.
function showAnswerNames(shell: PageShell, kiosk: KioskSession, texts: { whoAnswers: string; tapName: string; backToCheckin: string }, onPick: (pupil: KioskPupil) => void): void {
  clearStatus(shell.status);
  const stopIdleTimer = watchIdle(shell.screen, IDLE_FORM_MS, () => showNames(shell, kiosk));
  const names = kiosk.pupils.map((pupil) =>
    element('li', {}, [
      nameButton(kiosk, pupil, () => {
        stopIdleTimer();
        onPick(pupil);
      }),
    ]),
  );
  showScreen(
    shell.screen,
    element('h1', { text: texts.whoAnswers }),
    element('p', { className: 'pupil-who', text: kiosk.className }),
    element('p', { text: texts.tapName }),
    element('ul', { className: 'pupil-names' }, names),
    element('div', { className: 'pupil-actions' }, [
      button(texts.backToCheckin, 'pupil-secondary', () => {
        stopIdleTimer();
        showNames(shell, kiosk);
      }),
    ]),
  );
}

// The name with the pupil's picture in front of it. The picture is a finding aid only: the button's name is the name.
function nameButton(kiosk: KioskSession, pupil: KioskPupil, onChoose: () => void): HTMLButtonElement {
  const symbol = kiosk.symbols.find((each) => each.key === pupil.symbol);
  const parts: Node[] = [];
  if (symbol) parts.push(element('span', { className: 'pupil-name-symbol', text: symbol.emoji, attributes: { 'aria-hidden': 'true' } }));
  parts.push(element('span', { text: pupil.displayName }));
  return element('button', { className: 'pupil-name', attributes: { type: 'button' }, onClick: onChoose }, parts);
}

// A young pupil without a picture chooses one first (once); everyone else goes straight to the check-in.
function openPupil(shell: PageShell, kiosk: KioskSession, pupil: KioskPupil): void {
  if (kiosk.asksForSymbol && pupil.symbol === null) showSymbolChooser(shell, kiosk, pupil);
  else showKioskCheckin(shell, kiosk, pupil.pupilId, pupil.displayName);
}

function showSymbolChooser(shell: PageShell, kiosk: KioskSession, pupil: KioskPupil): void {
  const texts = kiosk.form.texts;
  const stopIdleTimer = watchIdle(shell.screen, IDLE_FORM_MS, () => showNames(shell, kiosk));
  const next = () => {
    stopIdleTimer();
    showKioskCheckin(shell, kiosk, pupil.pupilId, pupil.displayName);
  };
  const choose = async (key: KioskPupil['symbol']) => {
    const answer = await callApi('POST', `/api/kiosk/pupils/${pupil.pupilId}/symbol`, { locale: kiosk.form.locale, csrfToken: kiosk.csrfToken, body: { symbol: key } }).catch(() => null);
    if (answer?.status === 401) return showClosed(shell);
    // 409: someone chose one a moment ago; the check-in matters more than the picture, so go on either way.
    if (answer?.status === 200) pupil.symbol = key;
    next();
  };
  const choices = kiosk.symbols.map((symbol) =>
    element('li', {}, [
      element('button', { className: 'pupil-symbol', attributes: { type: 'button' }, onClick: () => void choose(symbol.key) }, [
        element('span', { className: 'pupil-symbol-emoji', text: symbol.emoji, attributes: { 'aria-hidden': 'true' } }),
        element('span', { text: symbol.name }),
      ]),
    ]),
  );
  showScreen(
    shell.screen,
    element('h1', { text: texts.kioskChooseSymbolTitle ?? '' }),
    element('p', { className: 'pupil-who', text: pupil.displayName }),
    element('p', { text: texts.kioskChooseSymbolIntro ?? '' }),
    element('ul', { className: 'pupil-symbols' }, choices),
    element('div', { className: 'pupil-actions' }, [button(texts.kioskSkipSymbol ?? '', 'pupil-secondary', next)]),
  );
}

// Closing on the device itself is for the teacher: a separate screen, and the button must be held down for
// CLOSE_HOLD_MS (mouse, touch or keyboard), so a tap in passing never ends the class's check-in.
function showCloseKiosk(shell: PageShell, kiosk: KioskSession): void {
  const texts = kiosk.form.texts;
  const stopIdleTimer = watchIdle(shell.screen, IDLE_FORM_MS, () => showNames(shell, kiosk));
  const close = async () => {
    stopIdleTimer();
    const answer = await callApi('DELETE', '/api/kiosk', { locale: kiosk.form.locale, csrfToken: kiosk.csrfToken }).catch(() => null);
    if (answer?.status === 200 || answer?.status === 401) {
      clearStatus(shell.status);
      showMessageScreen(shell.screen, texts.kioskPageTitle ?? '', texts.kioskCloseDone ?? '');
      return;
    }
    setStatus(shell.status, texts.kioskCloseFailed ?? '', 'failed');
  };
  showScreen(
    shell.screen,
    element('h1', { text: texts.kioskCloseTitle ?? '' }),
    element('p', { className: 'pupil-message', text: texts.kioskCloseIntro ?? '', attributes: { id: 'kiosk-close-intro' } }),
    element('div', { className: 'pupil-actions' }, [
      holdButton({
        text: texts.kioskCloseHold ?? '',
        className: 'pupil-hold',
        describedBy: 'kiosk-close-intro',
        holdMs: CLOSE_HOLD_MS,
        onHolding: () => setStatus(shell.status, texts.kioskCloseHolding ?? '', 'sending'),
        onRelease: () => clearStatus(shell.status),
        onHeld: () => void close(),
      }),
      button(texts.kioskBack ?? '', 'pupil-secondary', () => {
        stopIdleTimer();
        showNames(shell, kiosk);
      }),
    ]),
  );
}

function showKioskCheckin(shell: PageShell, kiosk: KioskSession, pupilId: string, displayName: string): void {
  const texts = kiosk.form.texts;
  const stopIdleTimer = watchIdle(shell.screen, IDLE_FORM_MS, () => showNames(shell, kiosk));
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
        const offersRegulation = outcome.kind === 'received' && checkin.state !== 'in_window';
        const timer = outcome.kind === 'received' ? setTimeout(() => showNames(shell, kiosk), offersRegulation ? BACK_TO_NAMES_AFTER_OFFER_MS : BACK_TO_NAMES_MS) : undefined;
        addResultActions(shell.screen, [
          button(texts.kioskBack ?? '', 'pupil-secondary', () => {
            clearTimeout(timer);
            showNames(shell, kiosk);
          }),
        ]);
        if (!offersRegulation) return;
        const locale = kiosk.form.locale;
        offerRegulation(shell.screen, checkin.state, {
          shell,
          locale,
          ageGroup: kiosk.form.ageGroup,
          who: displayName,
          isShared: true,
          loadOffer: (state) => callApi('GET', `/api/kiosk/regulation/offer?pupilId=${pupilId}&state=${state}`, { locale }),
          save: (moment) => callApi('POST', '/api/kiosk/regulation/moments', { locale, csrfToken: kiosk.csrfToken, body: { ...moment, pupilId } }),
          onStart: () => clearTimeout(timer),
          onDone: () => showNames(shell, kiosk),
          onEnded: () => showClosed(shell),
        });
      });
    },
  });
}

