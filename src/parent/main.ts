import { PARENT_LINK_FRAGMENT, PARENT_PAGE_PATH, PARENT_PHONE_PATTERN } from '../shared/parents';
import { isEmail } from '../web/components/validation';
import { callApi } from '../pupil/api';
import { button, element, showScreen } from '../pupil/dom';
import { browserLanguage, PARENT_BOOTSTRAP_TEXTS } from './bootstrap-texts';
import { startQuestionnaire } from './parent-questionnaire';
import { apiLocale, fill, type ParentHome, type ParentShell, parentCall, say, showMessage, showPart } from './parent-shell';
import './parent.css';

// The light parent page (/ouder, issue 16): plain TypeScript and DOM like the pupil page, readable on an old phone.
// A one-time link arrives as /ouder#link=…; the page takes the secret out of the address at once, swaps it for a
// parent session and from then on shows only what the server sends for this parent, in their language.

function createShell(): ParentShell {
  const root = document.getElementById('parent-root');
  if (!root) throw new Error('parent.html has no #parent-root');
  const screen = element('div', { className: 'parent-screen' });
  const status = element('p', { className: 'parent-status', attributes: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
  root.replaceChildren(screen, status);
  const language = browserLanguage();
  document.documentElement.lang = language;
  const bootstrap = PARENT_BOOTSTRAP_TEXTS[language];
  document.title = bootstrap.title;
  const shell: ParentShell = { screen, status, bootstrap, language, home: () => void loadHome(shell) };
  return shell;
}

/** Takes the link's secret out of the address (history, screenshots, a shared screen never show it). */
function takeLinkFromAddress(): string | null {
  const match = new RegExp(`^#${PARENT_LINK_FRAGMENT}=([A-Za-z0-9_-]{20,200})$`).exec(window.location.hash);
  if (window.location.hash !== '') history.replaceState(null, '', PARENT_PAGE_PATH);
  return match?.[1] ?? null;
}

async function start(shell: ParentShell): Promise<void> {
  const token = takeLinkFromAddress();
  if (token) {
    showScreen(shell.screen, element('h1', { text: shell.bootstrap.title }), element('p', { text: shell.bootstrap.opening }));
    const opened = await callApi('POST', '/api/parent/session', { locale: apiLocale(shell), body: { token } });
    if (opened.status === 410) return showLinkFailed(shell, token, opened.body);
    if (opened.status === 429) return showMessage(shell, shell.bootstrap.linkFailedTitle, shell.bootstrap.tooManyTries);
    if (opened.status !== 200) throw new Error(`opening the link answered ${opened.status}`);
  }
  await loadHome(shell);
}

/** Loads the parent's page; without a session it says how to get in. */
async function loadHome(shell: ParentShell): Promise<void> {
  const answer = await callApi('GET', '/api/parent/home', { locale: apiLocale(shell) });
  if (answer.status === 401) return showMessage(shell, shell.bootstrap.noLinkTitle, shell.bootstrap.noLink);
  if (answer.status !== 200) throw new Error(`home answered ${answer.status}`);
  const home = answer.body as ParentHome;
  shell.language = home.language;
  document.documentElement.lang = home.language;
  document.documentElement.dir = home.direction;
  document.title = home.texts.pageTitle;
  showHome(shell, home);
}

function showLinkFailed(shell: ParentShell, token: string, body: unknown): void {
  const message = (body as { error?: { message?: string } } | null)?.error?.message ?? shell.bootstrap.noLink;
  const ask = button(shell.bootstrap.askNewLink, 'parent-primary', () => {
    ask.disabled = true;
    callApi('POST', '/api/parent/new-link-requests', { locale: apiLocale(shell), body: { token } })
      .then((answer) => {
        if (answer.status === 429) {
          ask.disabled = false;
          say(shell, shell.bootstrap.tooManyTries);
          return;
        }
        ask.remove();
        say(shell, shell.bootstrap.newLinkAsked);
      })
      .catch(() => {
        ask.disabled = false;
        say(shell, shell.bootstrap.loadFailed);
      });
  });
  showScreen(shell.screen, element('h1', { text: shell.bootstrap.linkFailedTitle }), element('p', { text: message }), element('div', { className: 'parent-actions' }, [ask]));
}

// ---------- the signed-in page ----------

function childNames(home: ParentHome): string {
  return home.children.map((child) => child.firstName).join(', ');
}

/** The parent's start screen: a short welcome, the language, and the parts of the page. */
function showHome(shell: ParentShell, home: ParentHome): void {
  const t = home.texts;
  const languageSelect = element('select', { attributes: { id: 'parent-language' } }, home.languages.map((language) => element('option', { text: language.name, attributes: { value: language.code, lang: language.code } })));
  languageSelect.value = home.language;
  const languageForm = element('form', { className: 'parent-language' }, [
    element('label', { text: t.language, attributes: { for: 'parent-language' } }),
    languageSelect,
    element('button', { className: 'parent-secondary', text: t.languageSave, attributes: { type: 'submit' } }),
  ]);
  languageForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void parentCall(shell, home, 'PUT', '/api/parent/language', { code: languageSelect.value }).then((answer) => {
      if (answer.status === 204) void loadHome(shell);
      else say(shell, t.saveFailed);
    });
  });
  const open = home.questionnaires.filter((questionnaire) => !questionnaire.isComplete).length;
  const parts: [string, () => void][] = [
    [t.menuTso, () => showTsoPage(shell, home)],
    [open > 0 ? `${t.menuQuestionnaires} (${open})` : t.menuQuestionnaires, () => showQuestionnaires(shell, home)],
    [t.menuDetails, () => showDetails(shell, home)],
    [t.menuResearch, () => showResearch(shell, home)],
    [t.menuConversation, () => showConversation(shell, home)],
  ];
  const signOut = button(t.signOut, 'parent-secondary', () => {
    void parentCall(shell, home, 'DELETE', '/api/parent/session').then(() => showMessage(shell, t.pageTitle, t.signedOut));
  });
  showScreen(
    shell.screen,
    element('h1', { text: fill(t.welcome, { name: home.parent.name }) }),
    element('p', { className: 'parent-school', text: home.school.name }),
    element('p', { text: fill(t.intro, { children: childNames(home) }) }),
    element('nav', { attributes: { 'aria-label': t.pageTitle } }, [element('ul', { className: 'parent-menu' }, parts.map(([label, show]) => element('li', {}, [button(label, 'parent-menu-item', show)])))]),
    languageForm,
    element('div', { className: 'parent-actions' }, [signOut]),
  );
}

function showTsoPage(shell: ParentShell, home: ParentHome): void {
  const paragraphs = home.tsoPage.split(/\n\s*\n/).map((paragraph) => element('p', { text: paragraph.trim() }));
  showPart(shell, home, home.texts.menuTso, element('div', { className: 'parent-text' }, paragraphs));
}

function showQuestionnaires(shell: ParentShell, home: ParentHome): void {
  const t = home.texts;
  if (home.questionnaires.length === 0) return showPart(shell, home, t.menuQuestionnaires, element('p', { text: t.questionnairesNone }));
  const items = home.questionnaires.map((questionnaire) => {
    const answered = Object.keys(questionnaire.myAnswers).length;
    const label = questionnaire.isComplete ? t.questionnaireDone : answered > 0 ? t.questionnaireContinue : t.questionnaireStart;
    return element('li', { className: 'parent-card' }, [
      element('h2', { text: questionnaire.name }),
      element('p', { text: fill(t.questionnaireAbout, { child: questionnaire.childFirstName }) }),
      element('p', { className: 'parent-muted', text: fill(t.questionnaireAnswered, { answered, total: questionnaire.items.length }) }),
      element('p', { className: 'parent-muted', text: questionnaire.careTeamOnly ? t.whoSeesCareTeam : t.whoSeesTeachers }),
      button(`${label}: ${questionnaire.name}`, 'parent-primary', () => startQuestionnaire(shell, home, questionnaire)),
    ]);
  });
  showPart(shell, home, t.menuQuestionnaires, element('p', { text: t.skipAnyQuestion }), element('ul', { className: 'parent-cards' }, items));
}

/** A labelled text input with room for its error message. */
function field(id: string, label: string, value: string, type: string): { wrapper: HTMLElement; input: HTMLInputElement; error: HTMLElement } {
  const input = element('input', { attributes: { id, type, value, autocomplete: type === 'email' ? 'email' : 'tel' } });
  const error = element('p', { className: 'parent-error', attributes: { id: `${id}-fout` } });
  return { wrapper: element('div', { className: 'parent-field' }, [element('label', { text: label, attributes: { for: id } }), input, error]), input, error };
}

function showFieldError(entry: { input: HTMLInputElement; error: HTMLElement }, message: string | null): void {
  entry.error.textContent = message ?? '';
  if (message) {
    entry.input.setAttribute('aria-invalid', 'true');
    entry.input.setAttribute('aria-describedby', entry.error.id);
  } else {
    entry.input.removeAttribute('aria-invalid');
    entry.input.removeAttribute('aria-describedby');
  }
}

function showDetails(shell: ParentShell, home: ParentHome): void {
  const t = home.texts;
  const email = field('parent-email', t.detailsEmail, home.parent.email ?? '', 'email');
  const phone = field('parent-phone', t.detailsPhone, home.parent.phone ?? '', 'tel');
  const form = element('form', { attributes: { novalidate: '' } }, [
    element('p', { text: `${t.detailsName}: ${home.parent.name}` }),
    email.wrapper,
    phone.wrapper,
    element('button', { className: 'parent-primary', text: t.save, attributes: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = { email: email.input.value.trim() || null, phone: phone.input.value.trim() || null };
    const emailWrong = values.email !== null && !isEmail(values.email);
    const phoneWrong = values.phone !== null && !PARENT_PHONE_PATTERN.test(values.phone);
    showFieldError(email, emailWrong ? t.detailsInvalidEmail : null);
    showFieldError(phone, phoneWrong ? t.detailsInvalidPhone : null);
    if (emailWrong) return email.input.focus();
    if (phoneWrong) return phone.input.focus();
    void parentCall(shell, home, 'PUT', '/api/parent/details', values).then((answer) => {
      if (answer.status === 204) {
        home.parent = { ...home.parent, ...values };
        say(shell, t.saved);
      } else if (answer.status === 400) {
        const fields = (answer.body as { error?: { fields?: Record<string, string[]> } }).error?.fields ?? {};
        showFieldError(email, fields['body.email'] ? t.detailsInvalidEmail : null);
        showFieldError(phone, fields['body.phone'] ? t.detailsInvalidPhone : null);
      } else if (answer.status !== 401) say(shell, t.saveFailed);
    });
  });
  showPart(shell, home, t.menuDetails, element('p', { text: t.detailsIntro }), form);
}

function showResearch(shell: ParentShell, home: ParentHome): void {
  const t = home.texts;
  const forms = home.children.map((child) => {
    const name = `onderzoek-${child.id}`;
    const option = (value: 'yes' | 'no', label: string) => {
      const input = element('input', { attributes: { type: 'radio', name, value, id: `${name}-${value}` } });
      input.checked = (value === 'yes') === child.takesPartInResearch;
      return element('div', { className: 'parent-choice' }, [input, element('label', { text: label, attributes: { for: `${name}-${value}` } })]);
    };
    const form = element('form', { className: 'parent-card' }, [
      element('fieldset', {}, [element('legend', { text: child.firstName }), option('yes', t.researchYes), option('no', t.researchNo)]),
      element('button', { className: 'parent-primary', text: `${t.save}: ${child.firstName}`, attributes: { type: 'submit' } }),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const takesPart = (form.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null)?.value === 'yes';
      void parentCall(shell, home, 'PUT', `/api/parent/children/${child.id}/research`, { takesPart }).then((answer) => {
        if (answer.status === 204) {
          child.takesPartInResearch = takesPart;
          say(shell, `${t.saved} ${fill(t.researchNow, { choice: takesPart ? t.researchYes : t.researchNo })}`);
        } else if (answer.status !== 401) say(shell, t.saveFailed);
      });
    });
    return form;
  });
  showPart(shell, home, t.menuResearch, element('p', { text: t.researchIntro }), ...forms);
}

function showConversation(shell: ParentShell, home: ParentHome): void {
  const t = home.texts;
  const open = home.children.find((child) => child.openRequestSince !== null);
  const childSelect = element('select', { attributes: { id: 'gesprek-kind' } }, home.children.map((child) => element('option', { text: child.firstName, attributes: { value: child.id } })));
  const message = element('textarea', { attributes: { id: 'gesprek-bericht', rows: '5', maxlength: '1000' } });
  const error = element('p', { className: 'parent-error', attributes: { id: 'gesprek-bericht-fout' } });
  const form = element('form', { attributes: { novalidate: '' } }, [
    ...(home.children.length > 1 ? [element('div', { className: 'parent-field' }, [element('label', { text: t.conversationAbout, attributes: { for: 'gesprek-kind' } }), childSelect])] : []),
    element('div', { className: 'parent-field' }, [element('label', { text: t.conversationMessage, attributes: { for: 'gesprek-bericht' } }), message, error]),
    element('button', { className: 'parent-primary', text: t.conversationSend, attributes: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (message.value.trim() === '') {
      error.textContent = t.conversationEmpty;
      message.setAttribute('aria-invalid', 'true');
      message.setAttribute('aria-describedby', error.id);
      message.focus();
      return;
    }
    const pupilId = home.children.length > 1 ? childSelect.value : home.children[0]!.id;
    void parentCall(shell, home, 'POST', '/api/parent/conversation-requests', { pupilId, message: message.value }).then((answer) => {
      if (answer.status === 200) {
        form.replaceWith(element('p', { text: t.conversationSent }));
        say(shell, t.conversationSent);
      } else if (answer.status === 409) say(shell, t.conversationTooMany);
      else if (answer.status !== 401) say(shell, t.saveFailed);
    });
  });
  const since = open?.openRequestSince ? [element('p', { className: 'parent-muted', text: fill(t.conversationOpen, { date: new Date(open.openRequestSince).toLocaleDateString(home.language) }) })] : [];
  showPart(shell, home, t.menuConversation, element('p', { text: t.conversationIntro }), ...since, form);
}

function run(shell: ParentShell): void {
  start(shell).catch(() => {
    showScreen(
      shell.screen,
      element('h1', { text: shell.bootstrap.title }),
      element('p', { className: 'parent-error', text: shell.bootstrap.loadFailed }),
      element('div', { className: 'parent-actions' }, [button(shell.bootstrap.tryAgain, 'parent-secondary', () => run(shell))]),
    );
  });
}

run(createShell());
