import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SsoConnectionTest, SsoSettings } from '../../../server/auth/sso.schemas';
import { api, ApiError, apiPath } from '../../api/api-client';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';

/** The form's fields, as typed (the domains as one line). */
interface SsoForm {
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  ssoOnly: boolean;
  enabled: boolean;
}

const EMPTY_FORM: SsoForm = { issuer: '', clientId: '', clientSecret: '', domains: '', ssoOnly: false, enabled: true };

/**
 * A board's school sign-in (OpenID Connect): the provider the board registered Groeiwijzer at, the e-mail domains
 * that sign in through it, and whether the board's staff may still use a password. The secret is sent once and
 * never shown again; roles stay in Groeiwijzer whatever the provider says.
 */
export function BoardSsoPage() {
  const { t } = useTranslation();
  const { boardId = '' } = useParams();
  const path = apiPath('/api/boards/:boardId/sso', { boardId });
  const { data, error, isLoading, setData } = useApiData<SsoSettings>(path);
  const [form, setForm] = useState<SsoForm>(EMPTY_FORM);
  const [isBusy, setIsBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [connection, setConnection] = useState<SsoConnectionTest | null>(null);
  const [isConfirmingRemoval, setIsConfirmingRemoval] = useState(false);
  const [removalError, setRemovalError] = useState<string | null>(null);
  const { errors, check, fromError } = useFormErrors('sso-');

  useEffect(() => {
    const provider = data?.provider;
    setForm(
      provider
        ? { issuer: provider.issuer, clientId: provider.clientId, clientSecret: '', domains: provider.allowedDomains.join(', '), ssoOnly: provider.ssoOnly, enabled: provider.enabled }
        : EMPTY_FORM,
    );
  }, [data]);

  const change = <K extends keyof SsoForm>(key: K) => (value: SsoForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const domains = form.domains.split(/[\s,;]+/).map((domain) => domain.trim().toLowerCase()).filter(Boolean);
  const hasSecret = data?.provider?.hasClientSecret ?? false;
  const labels = {
    'sso-issuer': t('Adres van de aanbieder (issuer)'),
    'sso-clientId': t('Client-ID'),
    'sso-clientSecret': t('Clientgeheim'),
    'sso-allowedDomains': t('Toegestane e-maildomeinen'),
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const isValid = check(
      {
        'sso-issuer': !/^https?:\/\/\S+$/.test(form.issuer.trim()) && t('Vul het adres van de aanbieder in, dat begint met https://.'),
        'sso-clientId': form.clientId.trim() === '' && t('Vul de client-ID in die je bij de aanbieder kreeg.'),
        'sso-clientSecret': !hasSecret && form.clientSecret === '' && t('Vul het clientgeheim in dat je bij de aanbieder kreeg.'),
        'sso-allowedDomains': domains.length === 0 && t('Vul minstens één e-maildomein in, zoals school.nl.'),
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const next = await api.put<SsoSettings>(path, {
        issuer: form.issuer.trim(),
        clientId: form.clientId.trim(),
        ...(form.clientSecret !== '' ? { clientSecret: form.clientSecret } : {}),
        allowedDomains: domains,
        ssoOnly: form.ssoOnly,
        enabled: form.enabled,
      });
      setData(next);
      setSaved(t('Inloggen met het schoolaccount is opgeslagen.'));
    } catch (failure) {
      fromError(failure, {
        issuer: t('Vul een https://-adres in, zonder vraagteken of #.'),
        clientId: t('Een client-ID bestaat uit leesbare tekens zonder spaties.'),
        clientSecret: t('Vul het clientgeheim in dat je bij de aanbieder kreeg.'),
        allowedDomains: t('Vul domeinen in zoals school.nl, gescheiden door komma’s.'),
      });
    } finally {
      setIsBusy(false);
    }
  };

  const testConnection = async () => {
    setConnection(null);
    if (!check({ 'sso-issuer': !/^https?:\/\/\S+$/.test(form.issuer.trim()) && t('Vul het adres van de aanbieder in, dat begint met https://.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      setConnection(await api.post<SsoConnectionTest>(apiPath('/api/boards/:boardId/sso/test', { boardId }), { issuer: form.issuer.trim() }));
    } catch (failure) {
      fromError(failure, { issuer: t('Vul een https://-adres in, zonder vraagteken of #.') });
    } finally {
      setIsBusy(false);
    }
  };

  const remove = async () => {
    try {
      await api.delete(path);
      setIsConfirmingRemoval(false);
      setData(data ? { ...data, provider: null } : data);
      setSaved(t('Inloggen met het schoolaccount is verwijderd. Iedereen logt weer in met een wachtwoord.'));
    } catch (failure) {
      setRemovalError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page
      title={t('Inloggen met schoolaccount')}
      intro={
        <p>
          {t('Laat het personeel inloggen met het account van school (Microsoft Entra ID, Google Workspace of een andere OpenID Connect-aanbieder). Groeiwijzer koppelt het schoolaccount aan een bestaand account met hetzelfde bevestigde e-mailadres; rollen geef je nog steeds hier in Groeiwijzer.')}
        </p>
      }
    >
      <SuccessMessage message={saved} />
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <>
          <section className="card" aria-labelledby="sso-register-heading">
            <h2 id="sso-register-heading">{t('Groeiwijzer aanmelden bij de aanbieder')}</h2>
            <p>{t('Registreer Groeiwijzer bij de aanbieder als webtoepassing met dit adres om naar terug te sturen (redirect-URI):')}</p>
            <p>
              <code>{data.redirectUri}</code>
            </p>
          </section>
          <section className="card" aria-labelledby="sso-settings-heading">
            <h2 id="sso-settings-heading">{t('Gegevens van de aanbieder')}</h2>
            <ErrorSummary errors={errors} labels={labels} />
            <form onSubmit={(event) => void save(event)} noValidate>
              <TextField id="sso-issuer" type="url" label={labels['sso-issuer']} value={form.issuer} onChange={change('issuer')} error={errors.fields['sso-issuer']} hint={t('Bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0 of https://accounts.google.com')} required />
              <TextField id="sso-clientId" label={labels['sso-clientId']} value={form.clientId} onChange={change('clientId')} error={errors.fields['sso-clientId']} required />
              <TextField
                id="sso-clientSecret"
                type="password"
                label={labels['sso-clientSecret']}
                value={form.clientSecret}
                onChange={change('clientSecret')}
                error={errors.fields['sso-clientSecret']}
                autoComplete="off"
                hint={hasSecret ? t('Er is een geheim bewaard (versleuteld). Laat dit veld leeg om het te houden.') : t('Het geheim wordt versleuteld bewaard en daarna nooit meer getoond.')}
                required={!hasSecret}
              />
              <TextField id="sso-allowedDomains" label={labels['sso-allowedDomains']} value={form.domains} onChange={change('domains')} error={errors.fields['sso-allowedDomains']} hint={t('Alleen adressen met deze domeinen loggen in via deze aanbieder, gescheiden door komma’s: bijvoorbeeld school.nl, bestuur.nl.')} required />
              <div className="checkbox">
                <input id="sso-enabled" type="checkbox" checked={form.enabled} onChange={(event) => change('enabled')(event.target.checked)} aria-describedby="sso-enabled-hint" />
                <label htmlFor="sso-enabled">{t('Inloggen met het schoolaccount staat aan')}</label>
                <p className="hint" id="sso-enabled-hint">
                  {t('Uit: niemand logt in via de aanbieder, de gegevens blijven bewaard.')}
                </p>
              </div>
              <div className="checkbox">
                <input id="sso-only" type="checkbox" checked={form.ssoOnly} onChange={(event) => change('ssoOnly')(event.target.checked)} aria-describedby="sso-only-hint" />
                <label htmlFor="sso-only">{t('Personeel van dit bestuur logt alleen in met het schoolaccount')}</label>
                <p className="hint" id="sso-only-hint">
                  {t('Inloggen met een wachtwoord wordt dan geweigerd voor de accounts van dit bestuur en voor elk adres met een van de domeinen hierboven. Test eerst of inloggen met het schoolaccount werkt.')}
                </p>
              </div>
              <FormActions>
                <button type="submit" className="button" disabled={isBusy}>
                  {t('Opslaan')}
                </button>
                <button type="button" className="button button-secondary" disabled={isBusy} onClick={() => void testConnection()}>
                  {t('Verbinding testen')}
                </button>
                {data.provider ? (
                  <button type="button" className="button button-danger-quiet" disabled={isBusy} onClick={() => setIsConfirmingRemoval(true)}>
                    {t('Verwijderen')}
                  </button>
                ) : null}
              </FormActions>
            </form>
            {connection?.ok ? (
              <p className="notice notice-success" role="status">
                {t('De aanbieder antwoordt als OpenID Connect-aanbieder: {{issuer}}.', { issuer: connection.issuer })}
              </p>
            ) : null}
            <ErrorMessage message={connection && !connection.ok ? t('Geen antwoord als OpenID Connect-aanbieder: {{problem}}', { problem: connection.problem }) : null} />
          </section>
        </>
      ) : null}
      <ConfirmDialog
        isOpen={isConfirmingRemoval}
        title={t('Inloggen met schoolaccount verwijderen?')}
        message={<p>{t('De gegevens van de aanbieder en het geheim worden verwijderd. Iedereen van dit bestuur logt daarna weer in met een wachtwoord.')}</p>}
        confirmLabel={t('Verwijderen')}
        onConfirm={remove}
        onCancel={() => {
          setIsConfirmingRemoval(false);
          setRemovalError(null);
        }}
        isDangerous
        error={removalError}
      />
    </Page>
  );
}
