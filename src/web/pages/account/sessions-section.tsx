import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSession, EndedSessions } from '../../api/account-types';
import { api } from '../../api/api-client';
import { useApiData } from '../../api/use-api-data';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';

/** Where the user is signed in, and a way to sign out everywhere else (after typing the password again); remount (key) to reload. */
export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: sessions, error, isLoading, reload } = useApiData<AccountSession[]>('/api/me/sessions');
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const { errors, check, fromError } = useFormErrors('sessions-');
  const labels = { 'sessions-password': t('Je wachtwoord') };
  const others = sessions?.filter((session) => !session.current).length ?? 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSuccess(null);
    if (!check({ 'sessions-password': password === '' && t('Vul je wachtwoord in.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const result = await api.post<EndedSessions>('/api/me/sessions/end-others', { password });
      setPassword('');
      setSuccess(t('Je bent op {{number}} andere plek(ken) uitgelogd.', { number: result.ended }));
      reload();
    } catch (failure) {
      fromError(failure, { password: t('Vul je wachtwoord in.') });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="sessions-heading" className="card">
      <h2 id="sessions-heading">{t('Waar je bent ingelogd')}</h2>
      <LoadState error={error} isLoading={isLoading} />
      {sessions ? (
        <TableWrap label={t('Je sessies')}>
          <table>
            <caption className="visually-hidden">{t('Je sessies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Ingelogd op')}</th>
                <th scope="col">{t('Laatst actief')}</th>
                <th scope="col">{t('Verloopt uiterlijk')}</th>
                <th scope="col">{t('Deze sessie')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>{format.dateTime(session.createdAt)}</td>
                  <td>{format.dateTime(session.lastSeenAt)}</td>
                  <td>{format.dateTime(session.expiresAt)}</td>
                  <td>{session.current ? t('Ja, hier') : t('Nee')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <SuccessMessage message={success} />
      {others > 0 ? (
        <>
          <ErrorSummary errors={errors} labels={labels} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <TextField
              id="sessions-password"
              type="password"
              label={labels['sessions-password']}
              hint={t('Typ je wachtwoord nog eens om te bevestigen dat jij het bent.')}
              value={password}
              onChange={setPassword}
              error={errors.fields['sessions-password']}
              autoComplete="current-password"
              required
            />
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Overal anders uitloggen')}
              </button>
            </FormActions>
          </form>
        </>
      ) : null}
    </section>
  );
}
