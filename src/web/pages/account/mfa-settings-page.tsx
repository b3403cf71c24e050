import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import { useApiData } from '../../api/use-api-data';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import type { MfaOverview, RecoveryCodes as RecoveryCodesAnswer } from '../../api/account-types';
import { MFA_ENROLLMENT_PATH } from './mfa-paths';
import { RecoveryCodes } from './recovery-codes';

/** The account's two-step verification: whether it is on, new recovery codes, and turning it off where allowed. */
export function MfaSettingsPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const { data, error, isLoading, reload } = useApiData<MfaOverview>('/api/me/mfa');
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [isTurnedOff, setIsTurnedOff] = useState(false);

  return (
    <Page title={t('Tweestapsverificatie')}>
      <LoadState isLoading={isLoading && !data} error={error} />
      {data ? (
          <>
            {isTurnedOff ? (
              <p className="notice notice-success" role="status">
                {t('Tweestapsverificatie staat nu uit.')}
              </p>
            ) : null}
            <MfaStatus overview={data} />
            {data.enabled ? (
              <>
                {newCodes ? (
                  <RecoveryCodes codes={newCodes} />
                ) : (
                  <CodeForm
                    id="nieuwe-codes"
                    heading={t('Nieuwe herstelcodes')}
                    explanation={t('Maak nieuwe herstelcodes als je ze kwijt bent of bijna op. De oude codes werken daarna niet meer.')}
                    buttonLabel={t('Nieuwe herstelcodes maken')}
                    onSubmit={async (code) => {
                      const answer = await api.post<RecoveryCodesAnswer>('/api/me/mfa/recovery-codes', { code });
                      setNewCodes(answer.recoveryCodes);
                      reload();
                    }}
                  />
                )}
                {data.required ? (
                  <p className="muted">{t('Uitzetten kan niet: tweestapsverificatie is verplicht voor een van jouw rollen.')}</p>
                ) : (
                  <CodeForm
                    id="uitzetten"
                    heading={t('Tweestapsverificatie uitzetten')}
                    explanation={t('Daarna is je wachtwoord weer genoeg om in te loggen. Je herstelcodes vervallen.')}
                    buttonLabel={t('Uitzetten')}
                    isDanger
                    onSubmit={async (code) => {
                      await api.post<MfaOverview>('/api/me/mfa/disable', { code });
                      setNewCodes(null);
                      setIsTurnedOff(true);
                      reload();
                      await refresh();
                    }}
                  />
                )}
              </>
            ) : (
              <p>
                <Link to={MFA_ENROLLMENT_PATH} className="button">
                  {t('Tweestapsverificatie instellen')}
                </Link>
              </p>
            )}
          </>
        ) : null}
    </Page>
  );
}

function MfaStatus({ overview }: { overview: MfaOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="facts">
      <div>
        <dt>{t('Status')}</dt>
        <dd>{overview.enabled ? t('Staat aan') : t('Staat uit')}</dd>
      </div>
      {overview.confirmedAt ? (
        <div>
          <dt>{t('Aangezet op')}</dt>
          <dd>{format.dateTime(overview.confirmedAt)}</dd>
        </div>
      ) : null}
      {overview.enabled ? (
        <div>
          <dt>{t('Herstelcodes over')}</dt>
          <dd>{overview.recoveryCodesLeft}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('Verplicht voor jouw rol')}</dt>
        <dd>{overview.required ? t('Ja') : t('Nee')}</dd>
      </div>
    </dl>
  );
}

interface CodeFormProps {
  id: string;
  heading: string;
  explanation: string;
  buttonLabel: string;
  isDanger?: boolean;
  onSubmit: (code: string) => Promise<void>;
}

// Each change needs a current code from the app, so a forgotten open session cannot make it.
function CodeForm({ id, heading, explanation, buttonLabel, isDanger = false, onSubmit }: CodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const fieldId = `${id}-code`;
  const { errors, check, fromError } = useFormErrors();
  const labels = { [fieldId]: t('Code uit de app') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ [fieldId]: !/^\d{6}$/.test(code.replace(/\s/g, '')) && t('Vul de zes cijfers uit je app in.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      await onSubmit(code);
    } catch (error) {
      fromError(error);
    } finally {
      setCode('');
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-kop`} className="card">
      <h2 id={`${id}-kop`}>{heading}</h2>
      <p>{explanation}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField id={fieldId} label={labels[fieldId] ?? ''} value={code} onChange={setCode} error={errors.fields[fieldId]} autoComplete="one-time-code" maxLength={12} required />
        <FormActions>
          <button type="submit" className={isDanger ? 'button button-danger' : 'button'} disabled={isBusy}>
            {buttonLabel}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
