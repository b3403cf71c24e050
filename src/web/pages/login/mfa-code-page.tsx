import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/api-client';
import type { Session } from '../../api/api-types';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function MfaCodePage() {
  const { t } = useTranslation();
  const { session, signedIn, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [code, setCode] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (!session.user) return <Navigate to="/inloggen" replace />;
  if (session.mfa?.status !== 'code_needed' && !isBusy) return <Navigate to={from} replace />;

  const labels = { code: t('Code') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ code: code.trim().length < 6 && t('Vul de code uit je authenticator-app in, of een herstelcode.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const next = await api.post<Session>('/api/session/mfa', { code });
      // The language on screen was chosen at the password step (or is the account's own): keep it.
      await signedIn(next, { keepLanguage: true });
      await navigate(from, { replace: true });
    } catch (error) {
      fromError(error);
      setCode('');
      setIsBusy(false);
    }
  };
  const cancel = async () => {
    await signOut().catch(() => undefined);
    await navigate('/inloggen', { replace: true });
  };

  return (
    <Page title={t('Tweestapsverificatie')}>
      <div className="narrow card">
        <p>{t('Open je authenticator-app en vul de code van zes cijfers in die bij Groeiwijzer staat.')}</p>
        <ErrorSummary errors={errors} labels={labels} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            id="code"
            label={labels.code}
            hint={t('Geen toegang tot je app? Vul dan een van je herstelcodes in. Elke herstelcode werkt één keer.')}
            value={code}
            onChange={setCode}
            error={errors.fields.code}
            autoComplete="one-time-code"
            maxLength={64}
            required
          />
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Controleren')}
            </button>
            <button type="button" className="link-button" onClick={() => void cancel()}>
              {t('Annuleren en uitloggen')}
            </button>
          </FormActions>
        </form>
      </div>
    </Page>
  );
}
