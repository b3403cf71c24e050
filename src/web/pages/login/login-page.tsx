import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/api-client';
import type { Session } from '../../api/api-types';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { isEmail } from '../../components/validation';
import { useSession } from '../../session/session-context';
import { MFA_CODE_PATH } from '../account/mfa-paths';

// Where to go after school sign-in: the provider's round trip loses the router's state, so it waits here.
const SSO_RETURN_KEY = 'groeiwijzer.sso.from';

/**
 * Signing in with e-mail address and password, or with the school account (OpenID Connect): the address picks the
 * board's provider, the browser goes there and comes back to this page, which hands the provider's answer to the
 * server (auth/oidc-sign-in.ts).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [schoolEmail, setSchoolEmail] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const sso = useFormErrors();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const callbackQuery = isProviderAnswer(location.search) ? location.search : null;
  const [isFinishingSso, setIsFinishingSso] = useState(callbackQuery !== null);
  const hasPostedAnswer = useRef(false);

  const finish = async (next: Session, destination: string) => {
    await signedIn(next);
    // With two-step verification on, the code page comes first and then sends the person on.
    if (next.mfa?.status === 'code_needed') await navigate(MFA_CODE_PATH, { replace: true, state: { from: destination } });
    else await navigate(destination, { replace: true });
  };

  useEffect(() => {
    // The provider's answer works once: never post it twice (React may run an effect twice in development).
    if (callbackQuery === null || hasPostedAnswer.current) return;
    hasPostedAnswer.current = true;
    const destination = sessionStorage.getItem(SSO_RETURN_KEY) ?? '/';
    sessionStorage.removeItem(SSO_RETURN_KEY);
    // The code and state leave the address bar (and the history) at once.
    window.history.replaceState(null, '', location.pathname);
    api.post<Session>('/api/auth/sso/complete', { callbackQuery }).then(
      (next) => finish(next, destination),
      (error: unknown) => {
        sso.fromError(error);
        setIsFinishingSso(false);
      },
    );
  }, [callbackQuery]);

  if (session.user && !isBusy && !isFinishingSso) return <Navigate to={from} replace />;
  if (isFinishingSso) {
    return (
      <Page title={t('Inloggen')}>
        <p className="notice" role="status">
          {t('Je wordt ingelogd met je schoolaccount…')}
        </p>
      </Page>
    );
  }

  const labels = { email: t('E-mailadres'), password: t('Wachtwoord') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      {
        email: !isEmail(email) && t('Vul een geldig e-mailadres in.'),
        password: password === '' && t('Vul je wachtwoord in.'),
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      await finish(await api.post<Session>('/api/session', { email, password }), from);
    } catch (error) {
      // The board wants its staff to use their school account: the address is filled in there already.
      if (error instanceof ApiError && error.code === 'sso_required' && schoolEmail === '') setSchoolEmail(email);
      fromError(error);
      setIsBusy(false);
    }
  };

  const ssoLabels = { 'sso-email': t('E-mail van je schoolaccount') };
  const startSso = async (event: FormEvent) => {
    event.preventDefault();
    if (!sso.check({ 'sso-email': !isEmail(schoolEmail) && t('Vul een geldig e-mailadres in.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const { redirectUrl } = await api.post<{ redirectUrl: string }>('/api/auth/sso/start', { email: schoolEmail });
      sessionStorage.setItem(SSO_RETURN_KEY, from);
      window.location.assign(redirectUrl);
    } catch (error) {
      sso.fromError(error);
      setIsBusy(false);
    }
  };

  return (
    <Page title={t('Inloggen')}>
      <div className="narrow card">
        <ErrorSummary errors={errors} labels={labels} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField id="email" type="email" label={labels.email} value={email} onChange={setEmail} error={errors.fields.email} autoComplete="username" required />
          <TextField id="password" type="password" label={labels.password} value={password} onChange={setPassword} error={errors.fields.password} autoComplete="current-password" required />
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Inloggen')}
            </button>
            <Link to="/wachtwoord-vergeten">{t('Wachtwoord vergeten?')}</Link>
          </FormActions>
        </form>
      </div>
      <section className="narrow card" aria-labelledby="sso-heading">
        <h2 id="sso-heading">{t('Inloggen met je schoolaccount')}</h2>
        <p>{t('Heeft je bestuur inloggen met het account van school aangezet (Microsoft of Google)? Vul het e-mailadres van dat account in; je logt dan in bij je school en komt daarna hier terug.')}</p>
        <ErrorSummary errors={sso.errors} labels={ssoLabels} />
        <form onSubmit={(event) => void startSso(event)} noValidate>
          <TextField id="sso-email" type="email" label={ssoLabels['sso-email']} value={schoolEmail} onChange={setSchoolEmail} error={sso.errors.fields['sso-email']} autoComplete="email" required />
          <FormActions>
            <button type="submit" className="button button-secondary" disabled={isBusy}>
              {t('Verder naar je school')}
            </button>
          </FormActions>
        </form>
      </section>
    </Page>
  );
}

// The provider sends the browser back here with ?code=…&state=… (or ?error=…&state=… when it refused).
function isProviderAnswer(search: string): boolean {
  const query = new URLSearchParams(search);
  return query.has('state') && (query.has('code') || query.has('error'));
}
