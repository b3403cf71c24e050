import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/api-client';
import type { Session } from '../../api/api-types';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { isEmail } from '../../components/validation';
import { useSession } from '../../session/session-context';
import { MFA_CODE_PATH } from '../account/mfa-paths';

/** Signing in with e-mail address and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.user && !isBusy) return <Navigate to={from} replace />;

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
      const next = await api.post<Session>('/api/session', { email, password });
      await signedIn(next);
      // With two-step verification on, the code page comes first and then sends the person on.
      if (next.mfa?.status === 'code_needed') await navigate(MFA_CODE_PATH, { replace: true, state: { from } });
      else await navigate(from, { replace: true });
    } catch (error) {
      fromError(error);
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
    </Page>
  );
}
