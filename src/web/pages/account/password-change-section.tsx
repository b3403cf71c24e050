import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/limits';
import type { EndedSessions } from '../../api/account-types';
import { api } from '../../api/api-client';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { SuccessMessage } from '../../components/load-state';
import { PasswordField } from '../../components/password-field';
import { passwordProblem } from '../../components/validation';

/** Changing one's own password: the current one first; every other session ends afterwards. */
export function PasswordChangeSection({ onOtherSessionsEnded }: { onOtherSessionsEnded?: () => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const { errors, check, fromError } = useFormErrors('password-change-');
  const labels = { 'password-change-currentPassword': t('Huidig wachtwoord'), 'password-change-newPassword': t('Nieuw wachtwoord') };
  const newPasswordMessage = t('Kies een wachtwoord van {{min}} tot {{max}} tekens.', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSuccess(null);
    const problems = {
      'password-change-currentPassword': currentPassword === '' && t('Vul je huidige wachtwoord in.'),
      'password-change-newPassword': passwordProblem(newPassword) && newPasswordMessage,
    };
    if (!check(problems, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const result = await api.post<EndedSessions>('/api/me/password', { currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      setSuccess(
        result.ended > 0
          ? t('Je wachtwoord is gewijzigd. Je bent op {{number}} andere plek(ken) uitgelogd.', { number: result.ended })
          : t('Je wachtwoord is gewijzigd.'),
      );
      onOtherSessionsEnded?.();
    } catch (error) {
      fromError(error, { currentPassword: t('Vul je huidige wachtwoord in.'), newPassword: newPasswordMessage });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-change-heading" className="card">
      <h2 id="password-change-heading">{t('Wachtwoord wijzigen')}</h2>
      <p>{t('Na het wijzigen word je overal anders uitgelogd, behalve hier.')}</p>
      <SuccessMessage message={success} />
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="password-change-currentPassword"
          type="password"
          label={labels['password-change-currentPassword']}
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errors.fields['password-change-currentPassword']}
          autoComplete="current-password"
          required
        />
        <PasswordField id="password-change-newPassword" label={labels['password-change-newPassword']} value={newPassword} onChange={setNewPassword} error={errors.fields['password-change-newPassword']} />
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Wachtwoord wijzigen')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
