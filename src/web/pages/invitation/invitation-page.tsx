import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/limits';
import { api } from '../../api/api-client';
import type { Session } from '../../api/api-types';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { PasswordField } from '../../components/password-field';
import { useFragmentToken } from '../../components/use-fragment-token';
import { passwordProblem } from '../../components/validation';
import { useSession } from '../../session/session-context';

/** Accepting an invitation: the new colleague gives their name and chooses a password. */
export function InvitationPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors();
  const messages = {
    name: t('Vul je naam in.'),
    password: t('Kies een wachtwoord van {{min}} tot {{max}} tekens.', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
  };
  const labels = { name: t('Je naam'), password: t('Kies een wachtwoord') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    const isValid = check(
      { name: name.trim() === '' && messages.name, password: passwordProblem(password) && messages.password },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const session = await api.post<Session>('/api/invitations/accept', { token, name, password });
      await signedIn(session, { keepLanguage: true });
      await navigate('/', { replace: true });
    } catch (error) {
      fromError(error, messages);
      setIsBusy(false);
    }
  };

  return (
    <Page
      title={t('Uitnodiging aannemen')}
      intro={token ? <p>{t('Je bent uitgenodigd voor Groeiwijzer. Vul je naam in en kies een wachtwoord; daarna ben je meteen ingelogd.')}</p> : null}
    >
      <div className="narrow card">
        {token ? (
          <>
            <ErrorSummary errors={errors} labels={labels} />
            <form onSubmit={(event) => void submit(event)} noValidate>
              <TextField id="name" label={labels.name} value={name} onChange={setName} error={errors.fields.name} autoComplete="name" required maxLength={120} />
              <PasswordField id="password" label={labels.password} value={password} onChange={setPassword} error={errors.fields.password} />
              <FormActions>
                <button type="submit" className="button" disabled={isBusy}>
                  {t('Account activeren')}
                </button>
              </FormActions>
            </form>
          </>
        ) : (
          <p className="notice notice-error">{t('Deze uitnodigingslink is niet compleet. Open de link uit de e-mail opnieuw, of vraag de schoolbeheerder om een nieuwe uitnodiging.')}</p>
        )}
      </div>
    </Page>
  );
}
