import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { initI18n } from './i18n/i18n';
import { SessionProvider } from './session/session-context';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The first screen waits for the texts of the chosen language (none to fetch for Dutch), so it never shows in Dutch
// first and switches a moment later.
void initI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  ),
);
