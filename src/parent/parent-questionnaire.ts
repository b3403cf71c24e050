import { button, element, showScreen } from '../pupil/dom';
import { fill, type ParentHome, type ParentShell, parentCall, say, showPart } from './parent-shell';

// Answering a questionnaire on the parent page: one question per screen (an old phone shows it whole), native radio
// buttons, and every question may be skipped. The answers so far are saved with every step, so stopping — or a
// session that ends — loses nothing. A questionnaire about the parent themselves first asks their consent.

/** A questionnaire as the parent page receives it (texts in the parent's language). */
export interface ParentQuestionnaire {
  id: string;
  childId: string;
  childFirstName: string;
  name: string;
  description: string;
  careTeamOnly: boolean;
  needsConsent: boolean;
  consentGiven: boolean;
  items: { id: string; text: string; options: { value: number; label: string }[] }[];
  myAnswers: Record<string, number>;
  note: string;
  isComplete: boolean;
}

/** Opens a questionnaire: the consent screen when it needs one, otherwise the first unanswered question. */
export function startQuestionnaire(shell: ParentShell, home: ParentHome, questionnaire: ParentQuestionnaire): void {
  if (questionnaire.needsConsent && !questionnaire.consentGiven) return showConsent(shell, home, questionnaire);
  const firstOpen = questionnaire.items.findIndex((item) => questionnaire.myAnswers[item.id] === undefined);
  showQuestion(shell, home, questionnaire, firstOpen === -1 ? 0 : firstOpen);
}

function showConsent(shell: ParentShell, home: ParentHome, questionnaire: ParentQuestionnaire): void {
  const t = home.texts;
  const box = element('input', { attributes: { type: 'checkbox', id: 'toestemming' } });
  const error = element('p', { className: 'parent-error', attributes: { id: 'toestemming-fout' } });
  const form = element('form', { attributes: { novalidate: '' } }, [
    element('div', { className: 'parent-choice' }, [box, element('label', { text: t.consentAgree, attributes: { for: 'toestemming' } })]),
    error,
    element('button', { className: 'parent-primary', text: t.consentGive, attributes: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!box.checked) {
      error.textContent = t.consentNeeded;
      box.setAttribute('aria-describedby', error.id);
      box.focus();
      return;
    }
    void parentCall(shell, home, 'POST', `/api/parent/questionnaires/${questionnaire.id}/consent`).then((answer) => {
      if (answer.status !== 200) {
        if (answer.status !== 401) say(shell, t.saveFailed);
        return;
      }
      questionnaire.consentGiven = true;
      startQuestionnaire(shell, home, questionnaire);
    });
  });
  showPart(shell, home, t.consentTitle, element('p', { text: questionnaire.name }), element('p', { text: t.consentExplain }), form);
}

/** Saves the answers so far (and the closing note); true when the server kept them. */
async function save(shell: ParentShell, home: ParentHome, questionnaire: ParentQuestionnaire, note?: string): Promise<boolean> {
  const answer = await parentCall(shell, home, 'PUT', `/api/parent/questionnaires/${questionnaire.id}`, { answers: questionnaire.myAnswers, ...(note !== undefined ? { note } : {}) });
  if (answer.status === 200) {
    questionnaire.isComplete = (answer.body as { isComplete: boolean }).isComplete;
    return true;
  }
  if (answer.status !== 401) say(shell, home.texts.saveFailed);
  return false;
}

function showQuestion(shell: ParentShell, home: ParentHome, questionnaire: ParentQuestionnaire, index: number): void {
  const t = home.texts;
  const item = questionnaire.items[index];
  if (!item) return showNote(shell, home, questionnaire);
  const name = `vraag-${item.id}`;
  const options = item.options.map((option) => {
    const id = `${name}-${option.value}`;
    const input = element('input', { attributes: { type: 'radio', name, id, value: String(option.value) } });
    input.checked = questionnaire.myAnswers[item.id] === option.value;
    return element('div', { className: 'parent-choice' }, [input, element('label', { text: option.label, attributes: { for: id } })]);
  });
  const chosen = () => {
    const checked = shell.screen.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
    return checked ? Number(checked.value) : undefined;
  };
  const go = (to: number, keep: 'answer' | 'skip') => {
    const value = chosen();
    if (keep === 'answer' && value !== undefined) questionnaire.myAnswers[item.id] = value;
    if (keep === 'skip') delete questionnaire.myAnswers[item.id];
    void save(shell, home, questionnaire).then((saved) => {
      if (saved) showQuestion(shell, home, questionnaire, to);
    });
  };
  const stop = button(t.questionnaireStop, 'parent-secondary', () => {
    const value = chosen();
    if (value !== undefined) questionnaire.myAnswers[item.id] = value;
    void save(shell, home, questionnaire).then((saved) => {
      if (!saved) return;
      shell.home();
      say(shell, t.questionnaireStopped);
    });
  });
  showScreen(
    shell.screen,
    element('h1', { text: questionnaire.name }),
    element('p', { className: 'parent-muted', text: `${fill(t.questionnaireAbout, { child: questionnaire.childFirstName })} · ${fill(t.questionnaireProgress, { current: index + 1, total: questionnaire.items.length })}` }),
    element('fieldset', { className: 'parent-question' }, [element('legend', { text: item.text }), ...options]),
    element('div', { className: 'parent-actions' }, [
      button(t.questionnaireNext, 'parent-primary', () => go(index + 1, 'answer')),
      button(t.questionnaireSkip, 'parent-secondary', () => go(index + 1, 'skip')),
      ...(index > 0 ? [button(t.questionnairePrevious, 'parent-secondary', () => go(index - 1, 'answer'))] : []),
      stop,
    ]),
  );
}

function showNote(shell: ParentShell, home: ParentHome, questionnaire: ParentQuestionnaire): void {
  const t = home.texts;
  const note = element('textarea', { attributes: { id: 'vragenlijst-notitie', rows: '5', maxlength: '2000' } });
  note.value = questionnaire.note;
  const form = element('form', {}, [
    element('div', { className: 'parent-field' }, [element('label', { text: t.questionnaireNote, attributes: { for: 'vragenlijst-notitie' } }), note]),
    element('button', { className: 'parent-primary', text: t.questionnaireFinish, attributes: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(shell, home, questionnaire, note.value).then((saved) => {
      if (!saved) return;
      questionnaire.note = note.value.trim();
      showPart(shell, home, questionnaire.name, element('p', { text: t.questionnaireThanks }), element('p', { className: 'parent-muted', text: fill(t.questionnaireAnswered, { answered: Object.keys(questionnaire.myAnswers).length, total: questionnaire.items.length }) }));
    });
  });
  showPart(shell, home, questionnaire.name, form);
}
