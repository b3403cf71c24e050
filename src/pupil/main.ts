import { PUPIL_PAGE_PATHS } from '../shared/checkin';
import { BOOTSTRAP_TEXTS, browserLocale } from './bootstrap-texts';
import { clearStatus } from './checkin-flow';
import { button, element, showScreen } from './dom';
import { startKiosk } from './kiosk-page';
import { startOwnDevice } from './own-device-page';
import type { PageShell } from './page-shell';
import './pupil.css';

// The light pupil entry: /leerling (own device) and /klas (class device). No framework, no i18n
// library: the words come from the server's form (see shared/checkin-wording.ts).

function createShell(): PageShell {
  const root = document.getElementById('pupil-root');
  if (!root) throw new Error('pupil.html has no #pupil-root');
  const screen = element('div', { className: 'pupil-screen' });
  const status = element('p', { className: 'pupil-status', attributes: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
  root.replaceChildren(screen, status);
  const locale = browserLocale();
  document.documentElement.lang = locale;
  return { screen, status, locale, bootstrap: BOOTSTRAP_TEXTS[locale] };
}

function start(shell: PageShell): void {
  const isKiosk = window.location.pathname.replace(/\/+$/, '') === PUPIL_PAGE_PATHS.kiosk;
  (isKiosk ? startKiosk(shell) : startOwnDevice(shell)).catch(() => {
    // Nothing could be loaded (no network, server error): the one text the page carries itself.
    clearStatus(shell.status);
    showScreen(
      shell.screen,
      element('h1', { text: 'Groeiwijzer' }),
      element('p', { className: 'pupil-error', text: shell.bootstrap.loadFailed }),
      element('div', { className: 'pupil-actions' }, [button(shell.bootstrap.tryAgain, 'pupil-secondary', () => start(shell))]),
    );
  });
}

start(createShell());
