import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ACCOUNT_PATH } from '../pages/account/account-paths';
import { helpPath, helpTopicOfPath } from '../pages/help/help-paths';
import { MY_ACTIONS_PATH } from '../pages/plan/plan-paths';
import { useSession } from '../session/session-context';
import { LanguageSwitch } from './language-switch';
import { requestHeadingFocus } from './route-focus';

/** The frame of every page: skip link, header with menu and language switch, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const { session, needsSetup, signOut, checkSession } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isFirstRender = useRef(true);
  const helpTopic = helpTopicOfPath(pathname);
  // Every page of a school links to that school's privacy statement.
  const schoolId = /^\/scholen\/([^/]+)/.exec(pathname)?.[1];

  useEffect(() => {
    // On the first page the browser starts at the top itself; later pages move focus to their h1.
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    requestHeadingFocus();
    // A page that loads nothing would otherwise keep showing a session the server has ended.
    void checkSession();
  }, [pathname]);

  const logOut = async () => {
    // Even when the server cannot be reached the session is dropped here, so always go to the login page.
    await signOut().catch(() => undefined);
    await navigate('/inloggen');
  };

  return (
    <div className="page">
      <header className="site-header">
        <a
          className="skip-link"
          href="#inhoud"
          onClick={(event) => {
            // Focus the main region without putting #inhoud in the address bar.
            event.preventDefault();
            document.getElementById('inhoud')?.focus();
          }}
        >
          {t('Naar de inhoud')}
        </a>
        <div className="site-header-inner">
          <Link to="/" className="brand">
            Groeiwijzer
          </Link>
          {session.user || !needsSetup ? (
            <nav aria-label={t('Hoofdmenu')} className="main-nav">
              <ul>
                <li>
                  {session.user ? (
                    <NavLink to="/" end>
                      {t('Mijn scholen')}
                    </NavLink>
                  ) : (
                    <NavLink to="/inloggen">{t('Inloggen')}</NavLink>
                  )}
                </li>
                {session.user ? (
                  <li>
                    <NavLink to={MY_ACTIONS_PATH}>{t('Mijn acties')}</NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
          <div className="header-tools">
            <Link to={helpPath(helpTopic ?? undefined)} className="help-link">
              {helpTopic ? t('Hulp bij deze pagina') : t('Hulp')}
            </Link>
            <LanguageSwitch />
            {session.user ? (
              <div className="user-menu">
                <span className="user-name">{session.user.name}</span>
                {session.mfa?.status === 'complete' ? <Link to={ACCOUNT_PATH}>{t('Mijn account')}</Link> : null}
                <button type="button" className="link-button" onClick={() => void logOut()}>
                  {t('Uitloggen')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          {t('Groeiwijzer: samen werken aan traumasensitief onderwijs.')}
          {schoolId && session.user ? (
            <>
              {' '}
              <Link to={`/scholen/${schoolId}/privacy`}>{t('Privacyverklaring van deze school')}</Link>
            </>
          ) : null}
        </p>
      </footer>
    </div>
  );
}
