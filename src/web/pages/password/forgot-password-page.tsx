import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { isEmail } from '../../components/validation';

/** Asking for a link to choose a new password. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [isSent, setIsSent] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const labels = { email: t('E-mailadres') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ email: !isEmail(email) && t('Vul een geldig e-mailadres in.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      await api.post('/api/password-resets', { email });
      setIsSent(true);
    } catch (error) {
      fromError(error, { email: t('Vul een geldig e-mailadres in.') });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Page title={t('Wachtwoord vergeten')}>
      <div className="narrow card">
        {isSent ? (
          <>
            <p role="status" className="notice notice-success">
              {t('Als dit adres bij Groeiwijzer bekend is, krijg je binnen een paar minuten een e-mail met een link. De link werkt één keer en is een paar uur geldig.')}
            </p>
            <p>
              <Link to="/inloggen">{t('Terug naar inloggen')}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('Vul je e-mailadres in. Je krijgt dan een link waarmee je een nieuw wachtwoord kiest.')}</p>
            <ErrorSummary errors={errors} labels={labels} />
            <form onSubmit={(event) => void submit(event)} noValidate>
              <TextField id="email" type="email" label={labels.email} value={email} onChange={setEmail} error={errors.fields.email} autoComplete="email" required />
              <FormActions>
                <button type="submit" className="button" disabled={isBusy}>
                  {t('Herstellink versturen')}
                </button>
                <Link to="/inloggen">{t('Terug naar inloggen')}</Link>
              </FormActions>
            </form>
          </>
        )}
      </div>
    </Page>
  );
}
