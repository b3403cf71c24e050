import { CHECKIN_WORD_MAX_LENGTH, type CheckinState } from '../shared/checkin';
import type { ApiAnswer } from './api';
import { createPendingCheckin, classifyAnswer, type PendingCheckin, type SendOutcome, sendUntilAnswered } from './checkin-sender';
import { element, showScreen } from './dom';
import type { CheckinForm } from './pupil-types';
import { receivedSymbol, stateSymbol } from './symbols';

// The check-in itself, the same on the pupil's own device and on the class device: tap a state,
// optionally "I'd like to talk" and one word, then send — at most three taps. Then the status stays
// on screen (and in the live region) until the server has it or refuses it.

/** How the status line looks: each tone has its own colour and border in pupil.css. */
export type StatusTone = 'sending' | 'retrying' | 'received' | 'failed';

/** Writes the status line (an aria-live region that stays in the page, so every change is announced). */
export function setStatus(status: HTMLElement, text: string, tone: StatusTone): void {
  status.className = `pupil-status is-${tone}`;
  status.textContent = text;
}

/** Empties the status line when a new screen starts. */
export function clearStatus(status: HTMLElement): void {
  status.className = 'pupil-status';
  status.textContent = '';
}

/** What the check-in screen shows and does. */
export interface CheckinScreen {
  screen: HTMLElement;
  form: CheckinForm;
  /** Who is checking in (first name, or first name + initial on the class device). */
  who: string;
  /** An extra line above the question, e.g. "you already checked in today". */
  notice?: string | undefined;
  /** Buttons under the form (the class device's "back to the names"). */
  extra?: Node[];
  /** Called once with the finished check-in (its idempotency key already made). */
  onSend: (checkin: PendingCheckin) => void;
}

function stateButton(form: CheckinForm, choice: CheckinForm['choices'][number], onChoose: () => void): HTMLButtonElement {
  const label = element('span', { className: 'pupil-state-label', text: choice.label });
  const hint = element('span', { className: 'pupil-state-hint', text: choice.hint });
  const stateButton = element(
    'button',
    { className: `pupil-state state-${choice.state}`, attributes: { type: 'button', 'aria-pressed': 'false' }, onClick: onChoose },
    // The tick is decoration (aria-pressed already says it is chosen), so it stays out of the button's name.
    [element('span', { className: 'pupil-state-tick', text: '✓', attributes: { 'aria-hidden': 'true' } }), stateSymbol(choice.state, choice.symbol, form.ageGroup), label, hint],
  );
  return stateButton;
}

function toggleButton(text: string): HTMLButtonElement {
  const toggle = element('button', { className: 'pupil-talk', attributes: { type: 'button', 'aria-pressed': 'false' } }, [
    element('span', { className: 'pupil-talk-box', attributes: { 'aria-hidden': 'true' } }),
    element('span', { text }),
  ]);
  toggle.addEventListener('click', () => toggle.setAttribute('aria-pressed', String(toggle.getAttribute('aria-pressed') !== 'true')));
  return toggle;
}

function wordField(texts: Record<string, string>): { field: HTMLElement; input: HTMLInputElement } {
  const input = element('input', {
    className: 'pupil-input',
    attributes: {
      id: 'pupil-word',
      type: 'text',
      maxlength: String(CHECKIN_WORD_MAX_LENGTH),
      autocomplete: 'off',
      spellcheck: 'false',
      enterkeyhint: 'send',
      'aria-describedby': 'pupil-word-hint',
    },
  });
  const field = element('div', { className: 'pupil-field' }, [
    element('label', { text: texts.wordLabel ?? '', attributes: { for: 'pupil-word' } }),
    element('p', { className: 'pupil-field-hint', text: texts.wordHint ?? '', attributes: { id: 'pupil-word-hint' } }),
    input,
  ]);
  return { field, input };
}

/** Shows the question with the state buttons; the talk toggle, word field and send button appear once a state is chosen. */
export function showCheckinForm(options: CheckinScreen): void {
  const { form } = options;
  const texts = form.texts;
  let chosen: CheckinState | null = null;
  const details = element('div', { className: 'pupil-details', attributes: { hidden: '' } });
  const buttons = form.choices.map((choice) =>
    stateButton(form, choice, () => {
      chosen = choice.state;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === buttons[form.choices.indexOf(choice)]));
      details.hidden = false;
    }),
  );
  const talk = toggleButton(texts.talkToggle ?? '');
  const word = wordField(texts);
  details.append(talk, word.field, element('button', { className: 'pupil-send', text: texts.submit ?? '', attributes: { type: 'submit' } }));
  const checkinForm = element('form', { className: 'pupil-checkin', attributes: { novalidate: '' } }, [
    element('fieldset', { className: 'pupil-question' }, [element('legend', { text: texts.question ?? '' }), element('div', { className: 'pupil-states' }, buttons)]),
    details,
  ]);
  checkinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (chosen === null) return;
    options.onSend(createPendingCheckin(chosen, talk.getAttribute('aria-pressed') === 'true', word.input.value));
  });
  const intro = [element('p', { className: 'pupil-who', text: options.who })];
  if (options.notice) intro.push(element('p', { className: 'pupil-notice', text: options.notice }));
  showScreen(options.screen, element('h1', { text: texts.pageTitle ?? '' }), ...intro, checkinForm, ...(options.extra ?? []), whoSeesWhat(texts));
}

/** "Who sees what I fill in?": folded away under the form, in words a child understands. */
function whoSeesWhat(texts: Record<string, string>): HTMLElement {
  return element('details', { className: 'pupil-who-sees' }, [element('summary', { text: texts.whoSeesTitle ?? '' }), element('p', { text: texts.whoSees ?? '' })]);
}

/** How one check-in is sent and reported. */
export interface SendScreen {
  screen: HTMLElement;
  status: HTMLElement;
  form: CheckinForm;
  who: string;
  checkin: PendingCheckin;
  /** One attempt at posting the check-in (the same key every time). */
  post: (checkin: PendingCheckin) => Promise<ApiAnswer>;
}

/**
 * Shows "sending", keeps trying with the same key ("not sent yet, trying again") until the server
 * answers, and shows "received" with a tick, or "could not send". Resolves with the outcome.
 */
export async function sendCheckin(options: SendScreen): Promise<SendOutcome> {
  const texts = options.form.texts;
  const picture = element('div', { className: 'pupil-result' });
  showScreen(options.screen, element('h1', { text: texts.pageTitle ?? '' }), element('p', { className: 'pupil-who', text: options.who }), picture);
  setStatus(options.status, texts.sending ?? '', 'sending');
  // The unsent check-in exists only in this page's memory: ask before the page is closed or reloaded.
  const keepPage = (event: BeforeUnloadEvent) => event.preventDefault();
  window.addEventListener('beforeunload', keepPage);
  const outcome = await sendUntilAnswered({
    attempt: async () => {
      const answer = await options.post(options.checkin);
      return classifyAnswer(answer.status, answer.retryAfter, answer.body);
    },
    onRetrying: () => setStatus(options.status, texts.retrying ?? '', 'retrying'),
  }).finally(() => window.removeEventListener('beforeunload', keepPage));
  if (outcome.kind === 'received') {
    picture.append(receivedSymbol());
    setStatus(options.status, texts.sent ?? '', 'received');
  } else {
    setStatus(options.status, texts.failed ?? '', 'failed');
  }
  return outcome;
}

/** Adds buttons under the result of a send (check in again, sign out, back to the names). */
export function addResultActions(screen: HTMLElement, actions: HTMLButtonElement[]): void {
  screen.append(element('div', { className: 'pupil-actions' }, actions));
  actions[0]?.focus();
}

/** A plain screen: a heading, a line of text and optional buttons. */
export function showMessageScreen(screen: HTMLElement, heading: string, message: string, actions: HTMLButtonElement[] = []): void {
  showScreen(screen, element('h1', { text: heading }), element('p', { className: 'pupil-message', text: message }), element('div', { className: 'pupil-actions' }, actions));
}

