import { fillIn, PUPIL_QUESTIONNAIRE_TEXTS, type PupilQuestionnaireTexts } from '../shared/questionnaire-wording';
import type { Locale } from '../shared/roles';
import type { ApiAnswer } from './api';
import { clearStatus, setStatus } from './checkin-flow';
import { button, element, showScreen, svgElement, watchIdle } from './dom';
import type { PageShell } from './page-shell';
import type { ClassWave } from './pupil-types';

// Answering a questionnaire on the pupil page (issue 13): a greeting, then one question per screen with big
// answers, each question and each answer with a "read aloud" button (the browser's own speech, in the page's
// language; no sound files), skipping allowed, and at the end every instrument saved. Used by the class device
// (one pupil at a time; the screen clears after saving or when left alone) and by the pupil's own device.

/** How long a question may be left alone on a shared device before the answers are dropped. */
export const IDLE_QUESTION_MS = 120_000;
/** How long "saved" stays before the page moves on. */
export const AFTER_SAVED_MS = 4000;

type Instrument = ClassWave['instruments'][number];
type Answers = Record<string, number>;

/** What one run needs: who answers, what, with which answers so far, how to save, and where to go next. */
export interface QuestionnaireRun {
  shell: PageShell;
  locale: Locale;
  who: string;
  waves: readonly { id: string; instruments: readonly Instrument[] }[];
  /** Answers saved before (own device only), per `${waveId}/${instrumentId}`. */
  saved?: ReadonlyMap<string, Answers>;
  save: (waveId: string, instrumentId: string, answers: Answers) => Promise<ApiAnswer>;
  /** Back to where the pupil came from (the names, the check-in); also after saving and when left alone. */
  onDone: () => void;
  /** The device's access ended (kiosk closed, session over). */
  onEnded: () => void;
  /** Whether the device is shared: then the screen clears itself when left alone. */
  isShared: boolean;
}

interface Question {
  waveId: string;
  instrument: Instrument;
  item: Instrument['items'][number];
}

const FACES: Record<string, string> = { happy: '🙂', neutral: '😐', sad: '🙁' };

/** Starts a run with the greeting screen. */
export function runQuestionnaire(run: QuestionnaireRun): void {
  const texts = PUPIL_QUESTIONNAIRE_TEXTS[run.locale];
  const questions: Question[] = run.waves.flatMap((wave) => wave.instruments.flatMap((instrument) => instrument.items.map((item) => ({ waveId: wave.id, instrument, item }))));
  const answers = new Map<string, Answers>();
  for (const [key, saved] of run.saved ?? []) answers.set(key, { ...saved });
  const stopIdle = run.isShared ? watchIdle(run.shell.screen, IDLE_QUESTION_MS, () => finish(run.onDone)) : () => {};
  const finish = (next: () => void) => {
    stopIdle();
    window.speechSynthesis?.cancel();
    clearStatus(run.shell.status);
    next();
  };
  showGreeting({ run, texts, questions, answers, finish });
}

type RunState = { run: QuestionnaireRun; texts: PupilQuestionnaireTexts; questions: Question[]; answers: Map<string, Answers>; finish: (next: () => void) => void };

function showQuestion(state: RunState, index: number): void {
  const { run, texts, questions, answers } = state;
  const question = questions[index]!;
  const key = `${question.waveId}/${question.instrument.id}`;
  const own = answers.get(key) ?? {};
  const text = question.item.text[run.locale];
  const scale = question.instrument.responseScales.find((candidate) => candidate.id === question.item.responseScale);
  const questionId = `question-${index}`;
  const options = (scale?.options ?? []).map((option) => {
    const label = option.label[run.locale];
    const id = `${questionId}-answer-${option.value}`;
    const input = element('input', { attributes: { type: 'radio', name: questionId, id, value: String(option.value) } });
    input.checked = own[question.item.id] === option.value;
    input.addEventListener('change', () => answers.set(key, { ...own, [question.item.id]: option.value }));
    const face = option.face ? [element('span', { className: 'pupil-answer-face', text: FACES[option.face] ?? '', attributes: { 'aria-hidden': 'true' } })] : [];
    return element('li', { className: 'pupil-answer' }, [
      input,
      element('label', { attributes: { for: id } }, [...face, element('span', { text: label })]),
      readAloudButton(texts.readAloud, label, run.locale, fillIn(texts.readAnswerAloud, { answer: label })),
    ]);
  });
  const isLast = index === questions.length - 1;
  showScreen(
    run.shell.screen,
    element('h1', { text: fillIn(texts.questionOf, { number: index + 1, count: questions.length }) }),
    element('fieldset', { className: 'pupil-question' }, [
      element('legend', { text }),
      readAloudButton(texts.readAloud, text, run.locale),
      element('ul', { className: 'pupil-answers' }, options),
      element('p', { className: 'pupil-field-hint', text: texts.mayskip }),
    ]),
    element('div', { className: 'pupil-actions' }, [
      button(isLast ? texts.finish : texts.next, 'pupil-send', () => (isLast ? void save(state) : showQuestion(state, index + 1))),
      button(texts.previous, 'pupil-secondary', () => (index === 0 ? showGreeting(state) : showQuestion(state, index - 1))),
    ]),
  );
}

// The greeting: how many questions, that there are no wrong answers, who sees them. "Previous" on the first
// question comes back here, keeping the answers given so far.
function showGreeting(state: RunState): void {
  const { run, texts, questions } = state;
  clearStatus(run.shell.status);
  showScreen(
    run.shell.screen,
    element('h1', { text: fillIn(texts.hello, { name: run.who }) }),
    element('p', { className: 'pupil-message', text: fillIn(texts.intro, { count: questions.length }) }),
    element('p', { className: 'pupil-field-hint', text: texts.whoSees }),
    element('div', { className: 'pupil-actions' }, [
      button(texts.start, 'pupil-send', () => showQuestion(state, 0)),
      button(texts.back, 'pupil-secondary', () => state.finish(run.onDone)),
    ]),
  );
}

// Every instrument that was shown is saved (also with no answers: then nothing is stored as answered).
async function save(state: RunState): Promise<void> {
  const { run, texts } = state;
  setStatus(run.shell.status, texts.saving, 'sending');
  const instruments = [...new Map(state.questions.map((question) => [`${question.waveId}/${question.instrument.id}`, question])).values()];
  for (const question of instruments) {
    const answer = await run.save(question.waveId, question.instrument.id, state.answers.get(`${question.waveId}/${question.instrument.id}`) ?? {}).catch(() => null);
    if (answer?.status === 401) return state.finish(run.onEnded);
    if (answer?.status !== 200) {
      setStatus(run.shell.status, texts.saveFailed, 'failed');
      showScreen(
        run.shell.screen,
        element('h1', { text: texts.saveFailed }),
        element('div', { className: 'pupil-actions' }, [
          button(texts.tryAgain, 'pupil-send', () => void save(state)),
          button(texts.back, 'pupil-secondary', () => state.finish(run.onDone)),
        ]),
      );
      return;
    }
  }
  // The heading says it (and takes the focus), so the status line does not say it twice.
  const done = fillIn(texts.saved, { name: run.who });
  clearStatus(run.shell.status);
  const timer = run.isShared ? setTimeout(() => state.finish(run.onDone), AFTER_SAVED_MS) : undefined;
  showScreen(
    run.shell.screen,
    element('h1', { text: done }),
    element('div', { className: 'pupil-actions' }, [
      button(texts.back, 'pupil-secondary', () => {
        clearTimeout(timer);
        state.finish(run.onDone);
      }),
    ]),
  );
}

/**
 * A small button that reads `text` aloud with the browser's speech in the page's language (none without speech).
 * Its name starts with its visible words; an answer's button names the answer too.
 */
export function readAloudButton(visible: string, text: string, locale: Locale, name?: string): HTMLElement {
  if (!('speechSynthesis' in window)) return element('span');
  return element('button', { className: 'pupil-read-aloud', attributes: { type: 'button', ...(name ? { 'aria-label': name } : {}) }, onClick: () => speak(text, locale) }, [
    speakerIcon(),
    element('span', { text: visible }),
  ]);
}

// A loudspeaker drawn in SVG (an emoji needs a font an old tablet may lack).
function speakerIcon(): SVGElement {
  return svgElement('svg', { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': 'true', focusable: 'false', class: 'pupil-speaker' }, [
    svgElement('path', { d: 'M3 9v6h4l5 4V5L7 9H3z', fill: 'currentColor' }),
    svgElement('path', { d: 'M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round' }),
  ]);
}

function speak(text: string, locale: Locale): void {
  const speech = window.speechSynthesis;
  speech.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = locale === 'en' ? 'en-GB' : 'nl-NL';
  const voice = speech.getVoices().find((candidate) => candidate.lang.replace('_', '-').startsWith(locale));
  if (voice) utterance.voice = voice;
  utterance.rate = 0.9;
  speech.speak(utterance);
}
