import type { Locale } from '../shared/roles';
import { fillIn } from '../shared/questionnaire-wording';
import { PUPIL_SOCIOGRAM_TEXTS, type PupilSociogramTexts } from '../shared/sociogram-wording';
import type { ApiAnswer } from './api';
import { clearStatus, setStatus } from './checkin-flow';
import { button, element, showScreen, watchIdle } from './dom';
import type { PageShell } from './page-shell';
import type { Choices, PupilSociogram } from './pupil-types';
import { AFTER_SAVED_MS, IDLE_QUESTION_MS, readAloudButton } from './questionnaire-flow';

// Answering a sociogram on the pupil page (issue 15): a greeting that says who sees the choices, then one question
// per screen with the classmates as tick boxes (first name + initial) and a search box, at most the question's
// number of choices, "nobody" always allowed; at the end one save. On the class device the screen clears itself
// after saving or when left alone, and never shows an earlier pupil's choices; on the own device the pupil starts
// from what they chose before and may change it until the sociogram closes.

/** What one run needs: who answers, which sociogram, their choices so far (own device), how to save, where next. */
export interface SociogramRun {
  shell: PageShell;
  locale: Locale;
  who: string;
  /** The pupil answering on the class device, left out of the names to choose from (the own device's list leaves them out already). */
  pupilId?: string;
  sociogram: PupilSociogram;
  saved?: Choices | null;
  save: (choices: Choices) => Promise<ApiAnswer>;
  onDone: () => void;
  onEnded: () => void;
  isShared: boolean;
}

interface RunState {
  run: SociogramRun;
  texts: PupilSociogramTexts;
  chosen: Map<number, Set<string>>;
  finish: (next: () => void) => void;
}

/** Starts a run with the greeting screen. */
export function runSociogram(run: SociogramRun): void {
  const texts = PUPIL_SOCIOGRAM_TEXTS[run.locale];
  const chosen = new Map(run.sociogram.questions.map((question) => [question.position, new Set(run.saved?.find((entry) => entry.position === question.position)?.chosen ?? [])]));
  const stopIdle = run.isShared ? watchIdle(run.shell.screen, IDLE_QUESTION_MS, () => finish(run.onDone)) : () => {};
  const finish = (next: () => void) => {
    stopIdle();
    window.speechSynthesis?.cancel();
    clearStatus(run.shell.status);
    next();
  };
  showGreeting({ run, texts, chosen, finish });
}

function showGreeting(state: RunState): void {
  const { run, texts } = state;
  showScreen(
    run.shell.screen,
    element('h1', { text: fillIn(texts.hello, { name: run.who }) }),
    element('p', { className: 'pupil-message', text: fillIn(texts.intro, { count: run.sociogram.questions.length }) }),
    element('p', { className: 'pupil-field-hint', text: texts.whoSees }),
    element('div', { className: 'pupil-actions' }, [
      button(texts.start, 'pupil-send', () => showQuestion(state, 0)),
      button(texts.back, 'pupil-secondary', () => state.finish(run.onDone)),
    ]),
  );
}

function showQuestion(state: RunState, index: number): void {
  const { run, texts } = state;
  const question = run.sociogram.questions[index]!;
  const picked = state.chosen.get(question.position)!;
  const text = question.text[run.locale];
  const classmates = run.sociogram.classmates.filter((classmate) => classmate.pupilId !== run.pupilId);
  const hint = element('p', { className: 'pupil-field-hint', attributes: { id: `limit-${index}`, 'aria-live': 'polite' } });
  const boxes: HTMLInputElement[] = [];
  const updateLimit = () => {
    const max = question.maxChoices;
    if (max === null) hint.textContent = texts.anyNumber;
    else hint.textContent = picked.size >= max ? texts.maxReached : fillIn(texts.maxLeft, { left: max - picked.size });
    for (const box of boxes) box.disabled = max !== null && picked.size >= max && !box.checked;
  };
  const items = classmates.map((classmate, position) => {
    const id = `q${index}-pupil-${position}`;
    const box = element('input', { attributes: { type: 'checkbox', id, value: classmate.pupilId, 'aria-describedby': `limit-${index}` } });
    box.checked = picked.has(classmate.pupilId);
    box.addEventListener('change', () => {
      if (box.checked) picked.add(classmate.pupilId);
      else picked.delete(classmate.pupilId);
      updateLimit();
    });
    boxes.push(box);
    return element('li', { className: 'pupil-answer', attributes: { 'data-name': classmate.displayName.toLocaleLowerCase(run.locale) } }, [
      box,
      element('label', { attributes: { for: id } }, [element('span', { text: classmate.displayName })]),
    ]);
  });
  const noMatch = element('p', { className: 'pupil-field-hint', text: texts.noMatch, attributes: { hidden: '' } });
  const search = element('input', { className: 'pupil-search', attributes: { type: 'search', id: `search-${index}`, autocomplete: 'off' } });
  search.addEventListener('input', () => {
    const wanted = search.value.trim().toLocaleLowerCase(run.locale);
    let shown = 0;
    for (const item of items) {
      const visible = wanted === '' || (item.getAttribute('data-name') ?? '').includes(wanted);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    noMatch.hidden = shown > 0;
  });
  updateLimit();
  const isLast = index === run.sociogram.questions.length - 1;
  showScreen(
    run.shell.screen,
    element('h1', { text: fillIn(texts.questionOf, { number: index + 1, count: run.sociogram.questions.length }) }),
    element('fieldset', { className: 'pupil-question' }, [
      element('legend', { text }),
      readAloudButton(texts.readAloud, text, run.locale),
      element('p', { className: 'pupil-search-field' }, [element('label', { text: texts.search, attributes: { for: `search-${index}` } }), search]),
      hint,
      element('ul', { className: 'pupil-answers pupil-classmates' }, items),
      noMatch,
      element('p', { className: 'pupil-field-hint', text: texts.nobodyOk }),
    ]),
    element('div', { className: 'pupil-actions' }, [
      button(isLast ? texts.finish : texts.next, 'pupil-send', () => (isLast ? void save(state) : showQuestion(state, index + 1))),
      button(texts.previous, 'pupil-secondary', () => (index === 0 ? showGreeting(state) : showQuestion(state, index - 1))),
    ]),
  );
}

async function save(state: RunState): Promise<void> {
  const { run, texts } = state;
  setStatus(run.shell.status, texts.saving, 'sending');
  const choices: Choices = [...state.chosen.entries()].map(([position, chosen]) => ({ position, chosen: [...chosen] }));
  const answer = await run.save(choices).catch(() => null);
  if (answer?.status === 401) return state.finish(run.onEnded);
  if (answer?.status !== 200) {
    setStatus(run.shell.status, texts.saveFailed, 'failed');
    showScreen(
      run.shell.screen,
      element('h1', { text: texts.saveFailed }),
      element('div', { className: 'pupil-actions' }, [button(texts.tryAgain, 'pupil-send', () => void save(state)), button(texts.back, 'pupil-secondary', () => state.finish(run.onDone))]),
    );
    return;
  }
  clearStatus(run.shell.status);
  const timer = run.isShared ? setTimeout(() => state.finish(run.onDone), AFTER_SAVED_MS) : undefined;
  showScreen(
    run.shell.screen,
    element('h1', { text: fillIn(texts.saved, { name: run.who }) }),
    element('div', { className: 'pupil-actions' }, [
      button(texts.back, 'pupil-secondary', () => {
        clearTimeout(timer);
        state.finish(run.onDone);
      }),
    ]),
  );
}
