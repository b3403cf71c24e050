import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/limits';
import { api } from '../../api/api-client';
import type { Session } from '../../api/api-types';
import { ErrorSummary, FormActions } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { PasswordField } from '../../components/password-field';
import { useFragmentToken } from '../../components/use-fragment-token';
import { passwordProblem } from '../../components/validation';
import { useSession } from '../../session/session-context';

/** Choosing a new password with the link from the e-mail. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const passwordMessage = t('Kies een wachtwoord van {{min}} tot {{max}} tekens.', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  const labels = { password: t('Nieuw wachtwoord') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    if (!check({ password: passwordProblem(password) && passwordMessage }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const session = await api.post<Session>('/api/password-resets/complete', { token, password });
      await signedIn(session);
      await navigate('/', { replace: true });
    } catch (error) {
      fromError(error, { password: passwordMessage });
      setIsBusy(false);
    }
  };

  return (
    <Page title={t('Nieuw wachtwoord kiezen')}>
      <div className="narrow card">
        {token ? (
          <>
            <ErrorSummary errors={errors} labels={labels} />
            <form onSubmit={(event) => void submit(event)} noValidate>
              <PasswordField id="password" label={labels.password} value={password} onChange={setPassword} error={errors.fields.password} />
              <FormActions>
                <button type="submit" className="button" disabled={isBusy}>
                  {t('Wachtwoord opslaan')}
                </button>
              </FormActions>
            </form>
            {errors.message && !errors.fields.password ? (
              <p>
                <Link to="/wachtwoord-vergeten">{t('Vraag een nieuwe link aan')}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <>
            <p className="notice notice-error">{t('Deze link is niet compleet. Open de link uit de e-mail opnieuw, of vraag een nieuwe aan.')}</p>
            <p>
              <Link to="/wachtwoord-vergeten">{t('Vraag een nieuwe link aan')}</Link>
            </p>
          </>
        )}
      </div>
    </Page>
  );
}
