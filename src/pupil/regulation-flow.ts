import type { AgeGroup, CheckinState } from '../shared/checkin';
import { fillIn } from '../shared/questionnaire-wording';
import { BREATHING_PACE_SECONDS, type OutOfWindowState, regulationStateOf } from '../shared/regulation';
import { durationWords, KIND_PICTURES, OFFER_PICTURES, PUPIL_REGULATION_TEXTS, type PupilRegulationTexts, SENSE_PICTURES } from '../shared/regulation-wording';
import type { Locale } from '../shared/roles';
import type { ApiAnswer } from './api';
import { clearStatus, setStatus } from './checkin-flow';
import { button, element, showScreen, watchIdle } from './dom';
import type { PageShell } from './page-shell';
import type { MomentBody, OfferedActivity } from './pupil-types';
import { AFTER_SAVED_MS, IDLE_QUESTION_MS, readAloudButton } from './questionnaire-flow';
import './regulation.css';

// The regulation moment after a check-in outside the window (issue 19), loaded on its own (regulation-offer.ts) so
// the pupil entry stays light. On the result screen a button offers, without pressure, something to do; tapping it
// loads one or two activities to choose from; the chosen one shows its prompt, steps, a read-aloud button and a
// moving picture drawn by regulation.css only (replaced by its numbered steps, still, under reduced motion); then one
// tap says whether it helped (or skips), and the moment is stored. Nothing here depends on sound. On the class device
// the screen clears itself when left alone and after saving, so the next pupil finds only the names.

/** What one regulation moment needs: who, where to load and save, and where to go afterwards. */
export interface RegulationRun {
  shell: PageShell;
  locale: Locale;
  ageGroup: AgeGroup;
  who: string;
  /** Whether the device is shared (the class device): then the screen clears itself when left alone. */
  isShared: boolean;
  loadOffer: (state: OutOfWindowState) => Promise<ApiAnswer>;
  save: (moment: MomentBody) => Promise<ApiAnswer>;
  /** The pupil tapped the offer (the class device stops its way back to the names). */
  onStart?: () => void;
  /** Back to where the pupil came from (the names, the check-in result). */
  onDone: () => void;
  /** The device's access ended (class device closed, session over). */
  onEnded: () => void;
}

/** One run through the screens: the words, the state asked for, and the running idle watch and timer. */
interface Moment {
  run: RegulationRun;
  texts: PupilRegulationTexts;
  state: OutOfWindowState;
  stopIdle: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Places the offer in `place` on the result screen of a check-in; nothing for a check-in inside the window. */
export function showOffer(place: HTMLElement, checkinState: CheckinState, run: RegulationRun): void {
  const state = regulationStateOf(checkinState);
  if (state === null) return;
  const texts = PUPIL_REGULATION_TEXTS[run.locale];
  const isYoung = run.ageGroup === 'young';
  const words: Node[] = [element('span', { text: isYoung ? texts.offerYoung[state] : texts.offer[state] })];
  if (isYoung) words.unshift(picture(OFFER_PICTURES[state], 'regulation-offer-picture'));
  const start = element('button', { className: 'regulation-offer', attributes: { type: 'button', 'aria-describedby': 'regulation-offer-hint' } }, words);
  // One tap starts one moment, however quickly a small hand taps twice.
  start.addEventListener('click', () => {
    if (start.disabled) return;
    start.disabled = true;
    void begin(run, texts, state);
  });
  place.replaceChildren(start, element('p', { className: 'regulation-offer-hint', text: texts.offerHint, attributes: { id: 'regulation-offer-hint' } }));
}

async function begin(run: RegulationRun, texts: PupilRegulationTexts, state: OutOfWindowState): Promise<void> {
  run.onStart?.();
  const moment: Moment = { run, texts, state, stopIdle: () => {}, timer: undefined };
  watchFor(moment, IDLE_QUESTION_MS);
  setStatus(run.shell.status, texts.loading, 'sending');
  const answer = await run.loadOffer(state).catch(() => null);
  if (answer?.status === 401) return finish(moment, run.onEnded);
  if (answer?.status !== 200 || !Array.isArray(answer.body)) return showMessage(moment, texts.loadFailedTitle, texts.loadFailed);
  const activities = answer.body as OfferedActivity[];
  if (activities.length === 0) return showMessage(moment, texts.nothingTitle, texts.nothing);
  clearStatus(run.shell.status);
  showChoice(moment, activities);
}

// On a shared device every screen of the moment clears itself when left alone; an activity screen waits as long as
// the activity takes on top of that, since a pupil doing it does not touch the screen.
function watchFor(moment: Moment, ms: number): void {
  moment.stopIdle();
  moment.stopIdle = moment.run.isShared ? watchIdle(moment.run.shell.screen, ms, () => finish(moment, moment.run.onDone)) : () => {};
}

function finish(moment: Moment, next: () => void): void {
  moment.stopIdle();
  clearTimeout(moment.timer);
  window.speechSynthesis?.cancel();
  clearStatus(moment.run.shell.status);
  next();
}

function showChoice(moment: Moment, activities: OfferedActivity[]): void {
  const { run, texts } = moment;
  watchFor(moment, IDLE_QUESTION_MS);
  const choices = activities.map((activity) =>
    element('li', {}, [
      element('button', { className: 'regulation-choice', attributes: { type: 'button' }, onClick: () => showActivity(moment, activities, activity) }, [
        picture(KIND_PICTURES[activity.kind], 'regulation-choice-picture'),
        element('span', { className: 'regulation-choice-name', text: activity.name[run.locale] }),
        element('span', { className: 'regulation-choice-duration', text: durationWords(texts, activity.durationSeconds) }),
      ]),
    ]),
  );
  showScreen(
    run.shell.screen,
    element('h1', { text: texts.chooseTitle }),
    element('p', { className: 'pupil-who', text: run.who }),
    element('p', { text: run.ageGroup === 'young' ? texts.chooseIntroYoung : texts.chooseIntro }),
    element('ul', { className: 'regulation-choices' }, choices),
    element('div', { className: 'pupil-actions' }, [button(texts.notNow, 'pupil-secondary', () => finish(moment, run.onDone))]),
  );
}

function showActivity(moment: Moment, activities: OfferedActivity[], activity: OfferedActivity): void {
  const { run, texts } = moment;
  watchFor(moment, activity.durationSeconds * 1000 + IDLE_QUESTION_MS);
  const prompt = activity.prompt[run.locale];
  const steps = activity.steps.map((step) => step[run.locale]);
  showScreen(
    run.shell.screen,
    element('h1', { text: activity.name[run.locale] }),
    element('p', { className: 'regulation-prompt', text: prompt }),
    readAloudButton(texts.readAloud, [prompt, ...steps].join(' '), run.locale),
    ...animationOf(activity, texts),
    element('h2', { className: 'regulation-steps-title', text: texts.stepsTitle }),
    element('ol', { className: 'regulation-steps' }, steps.map((step) => element('li', { text: step }))),
    element('div', { className: 'pupil-actions' }, [
      button(texts.done, 'pupil-send', () => {
        window.speechSynthesis?.cancel();
        showHelped(moment, activity);
      }),
      button(texts.back, 'pupil-secondary', () => {
        window.speechSynthesis?.cancel();
        showChoice(moment, activities);
      }),
    ]),
  );
}

// The moving picture beside the prompt. Drawn and timed by regulation.css alone (no timer here); under
// `prefers-reduced-motion: reduce` the stylesheet hides the moving part and shows its steps, numbered and still.
function animationOf(activity: OfferedActivity, texts: PupilRegulationTexts): Node[] {
  if (activity.animation === 'breathing') {
    const words = (
      [
        ['is-in', texts.breatheIn],
        ['is-hold', texts.breatheHold],
        ['is-out', texts.breatheOut],
      ] as const
    ).map(([phase, text]) => element('span', { className: `regulation-breathing-word ${phase}`, text }));
    return [
      element('div', { className: 'regulation-motion regulation-breathing', attributes: { 'aria-hidden': 'true' } }, [
        element('div', { className: 'regulation-breathing-circle' }),
        element('p', { className: 'regulation-breathing-words' }, words),
      ]),
      stillSteps(texts.breathingStill.map((line) => fillIn(line, BREATHING_PACE_SECONDS))),
    ];
  }
  if (activity.animation === 'shake') {
    const figure = element('div', { className: 'regulation-figure' }, ['head', 'body', 'arm-left', 'arm-right', 'leg-left', 'leg-right'].map((part) => element('span', { className: `regulation-figure-${part}` })));
    const count = element('p', { className: 'regulation-count' }, ['5', '4', '3', '2', '1'].map((number) => element('span', { className: 'regulation-count-number', text: number })));
    return [element('div', { className: 'regulation-motion regulation-shake', attributes: { 'aria-hidden': 'true' } }, [figure, count]), stillSteps(texts.shakeStill)];
  }
  if (activity.animation === 'senses') {
    // The list is the game itself: it lights up one sense after another, or stands still under reduced motion.
    return [
      element(
        'ol',
        { className: 'regulation-senses' },
        texts.senses.map((sense, index) => element('li', { className: 'regulation-sense' }, [picture(SENSE_PICTURES[index] ?? '', 'regulation-sense-picture'), element('span', { text: sense })])),
      ),
    ];
  }
  return [];
}

function stillSteps(lines: readonly string[]): HTMLElement {
  return element('ol', { className: 'regulation-still' }, lines.map((line) => element('li', { text: line })));
}

function showHelped(moment: Moment, activity: OfferedActivity): void {
  const { run, texts } = moment;
  watchFor(moment, IDLE_QUESTION_MS);
  let isAnswered = false;
  const answer = (helped: boolean | null) => {
    // One tap is one answer: a second tap while saving stores nothing twice.
    if (isAnswered) return;
    isAnswered = true;
    void save(moment, activity, helped);
  };
  showScreen(
    run.shell.screen,
    element('h1', { text: texts.helpedTitle }),
    element('p', { className: 'pupil-field-hint', text: texts.helpedHint }),
    element('div', { className: 'regulation-helped' }, [
      element('button', { className: 'regulation-helped-answer', attributes: { type: 'button' }, onClick: () => answer(true) }, [picture('👍', 'regulation-helped-picture'), element('span', { text: texts.yes })]),
      element('button', { className: 'regulation-helped-answer', attributes: { type: 'button' }, onClick: () => answer(false) }, [picture('👎', 'regulation-helped-picture'), element('span', { text: texts.no })]),
    ]),
    element('div', { className: 'pupil-actions' }, [button(texts.skip, 'pupil-secondary', () => answer(null))]),
  );
}

async function save(moment: Moment, activity: OfferedActivity, helped: boolean | null): Promise<void> {
  const { run, texts } = moment;
  setStatus(run.shell.status, texts.saving, 'sending');
  const answer = await run.save({ state: moment.state, activityId: activity.id, helped }).catch(() => null);
  if (answer?.status === 401) return finish(moment, run.onEnded);
  if (answer?.status !== 201) {
    setStatus(run.shell.status, texts.saveFailed, 'failed');
    showScreen(
      run.shell.screen,
      element('h1', { text: texts.saveFailed }),
      element('div', { className: 'pupil-actions' }, [
        button(texts.tryAgain, 'pupil-send', () => void save(moment, activity, helped)),
        button(texts.back, 'pupil-secondary', () => finish(moment, run.onDone)),
      ]),
    );
    return;
  }
  // The heading says it (and takes the focus), so the status line does not say it twice.
  clearStatus(run.shell.status);
  if (run.isShared) moment.timer = setTimeout(() => finish(moment, run.onDone), AFTER_SAVED_MS);
  showScreen(run.shell.screen, element('h1', { text: fillIn(texts.thanks, { name: run.who }) }), element('div', { className: 'pupil-actions' }, [button(texts.back, 'pupil-secondary', () => finish(moment, run.onDone))]));
}

function showMessage(moment: Moment, heading: string, text: string): void {
  clearStatus(moment.run.shell.status);
  showScreen(
    moment.run.shell.screen,
    element('h1', { text: heading }),
    element('p', { className: 'pupil-message', text }),
    element('div', { className: 'pupil-actions' }, [button(moment.texts.back, 'pupil-secondary', () => finish(moment, moment.run.onDone))]),
  );
}

// An emoji as a picture: decoration beside words that already say it, so hidden from screen readers.
function picture(emoji: string, className: string): HTMLElement {
  return element('span', { className, text: emoji, attributes: { 'aria-hidden': 'true' } });
}
