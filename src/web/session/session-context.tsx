import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, configureApiClient, setCsrfToken } from '../api/api-client';
import type { Session, SetupStatus } from '../api/api-types';
import { currentLocale, isLocale, isLocaleChosenSignedOut, setLocaleChosenSignedOut, storeLocale } from '../i18n/i18n';
import type { Locale } from '../../shared/roles';

const SIGNED_OUT: Session = { user: null, csrfToken: null, boards: [], schools: [], mfa: null };

interface SessionState {
  /** The current session; `user` is null when signed out. */
  session: Session;
  /** Whether the installation still needs its first board. */
  needsSetup: boolean;
  /**
   * Adopts a session the server answered with (after login, setup, reset or invitation). The
   * account's language is used, unless `keepLanguage` (new accounts) or the person picked a language
   * while signed out: then the language on screen is kept and saved on the account.
   */
  signedIn: (session: Session, options?: { keepLanguage?: boolean }) => Promise<void>;
  /** Ends the session on the server and here. */
  signOut: () => Promise<void>;
  /** Reloads the session and the setup status from the server. */
  refresh: () => Promise<void>;
  /** Asks the server whether the session shown is still valid, and signs out here when it is not. */
  checkSession: () => Promise<void>;
  /** Switches the interface language and remembers it (on the account when signed in). */
  changeLanguage: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads the session and setup status once, then keeps them for every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState<Session>(SIGNED_OUT);
  const [needsSetup, setNeedsSetup] = useState(false);
  const [isLoaded, setIsLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The session on screen, read when a check answers: an answer about an older session must not end a newer one.
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const adopt = useCallback(
    async (next: Session, keepLanguage = false) => {
      setCsrfToken(next.csrfToken);
      setSession(next);
      if (!next.user) return;
      if (keepLanguage && next.user.locale !== currentLocale()) {
        // A new account, or a person who just picked a language, keeps the language on screen. Before
        // the second sign-in step the account cannot be changed yet: the code page saves it afterwards.
        if (next.mfa?.status === 'code_needed') return;
        try {
          const updated = await api.patch<Session>('/api/me', { locale: currentLocale() });
          setSession(updated);
        } catch {
          // Only a preference: signing in has succeeded, so a failure here must not look like it did not.
        }
      } else if (isLocale(next.user.locale) && next.user.locale !== i18n.language) {
        await i18n.changeLanguage(next.user.locale);
        storeLocale(next.user.locale);
      }
    },
    [i18n],
  );

  const refresh = useCallback(async () => {
    try {
      const [status, current] = await Promise.all([api.get<SetupStatus>('/api/setup'), api.get<Session>('/api/session')]);
      setNeedsSetup(status.needsSetup);
      await adopt(current);
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    } finally {
      setIsLoaded(true);
    }
  }, [adopt]);

  useEffect(() => {
    configureApiClient({
      networkErrorMessage: () => t('Groeiwijzer is nu niet bereikbaar. Controleer je verbinding en probeer het opnieuw.'),
      onSignedOut: () => {
        setCsrfToken(null);
        setSession(SIGNED_OUT);
      },
    });
  }, [t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      needsSetup,
      signedIn: async (next, options) => {
        setNeedsSetup(false);
        // A language picked on a signed-out page (login, invitation) is the latest choice and wins at sign-in.
        const keepLanguage = (options?.keepLanguage ?? false) || isLocaleChosenSignedOut();
        setLocaleChosenSignedOut(false);
        await adopt(next, keepLanguage);
      },
      signOut: async () => {
        try {
          await api.delete('/api/session');
        } finally {
          setCsrfToken(null);
          setSession(SIGNED_OUT);
        }
      },
      refresh,
      checkSession: async () => {
        const checked = sessionRef.current;
        if (!checked.user) return;
        // The session can end on the server (expired, account disabled, signed out elsewhere) while this tab shows it.
        const current = await api.get<Session>('/api/session').catch(() => null);
        if (current && !current.user && sessionRef.current === checked) {
          setCsrfToken(null);
          setSession(SIGNED_OUT);
        }
      },
      changeLanguage: async (locale) => {
        await i18n.changeLanguage(locale);
        storeLocale(locale);
        if (!session.user) setLocaleChosenSignedOut(true);
        if (session.user && session.user.locale !== locale) {
          try {
            setSession(await api.patch<Session>('/api/me', { locale }));
          } catch {
            // The screen has switched already; the account keeps its old preference until the next switch.
          }
        }
      },
    }),
    [session, needsSetup, adopt, refresh, i18n],
  );

  if (!isLoaded) {
    return (
      <p className="app-loading" role="status">
        {t('Groeiwijzer wordt geladen…')}
      </p>
    );
  }
  if (loadError) {
    return (
      <main className="app-loading">
        <h1>{t('Groeiwijzer kon niet starten')}</h1>
        <p role="alert">{loadError}</p>
        <button type="button" className="button" onClick={() => void refresh()}>
          {t('Opnieuw proberen')}
        </button>
      </main>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state of the app. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
