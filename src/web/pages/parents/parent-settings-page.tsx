import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiPath } from '../../api/api-client';
import type { ParentSettings } from '../../api/parents-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, FormActions, TextAreaField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';

/** Where the school's settings for the parent page live. */
export const parentSettingsPath = (schoolId: string) => `/scholen/${schoolId}/ouderpagina`;

/**
 * What the school shows parents on their parent page: its own words about how it works trauma-sensitively (or the
 * project's default), and the languages it adds as translation files (a template to fill in, upload, remove).
 */
export function ParentSettingsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const base = apiPath('/api/schools/:schoolId/parent-settings', { schoolId: school.id });
  const settings = useApiData<ParentSettings>(base);
  return (
    <Page
      title={t('Ouderpagina')}
      intro={<p className="muted">{t('Ouders openen hun ouderpagina met een eenmalige link. Hier bepaalt de school wat ze lezen over traumasensitief werken, en in welke talen.')}</p>}
    >
      {settings.data ? (
        <>
          <TsoPageForm key={settings.data.tsoPage.updatedAt ?? 'standaard'} base={base} settings={settings.data} onSaved={settings.reload} />
          <LanguagesSection base={base} settings={settings.data} onChanged={settings.reload} />
        </>
      ) : (
        <LoadState error={settings.error} isLoading={settings.isLoading} />
      )}
    </Page>
  );
}

function TsoPageForm({ base, settings, onSaved }: { base: string; settings: ParentSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errors, check, fromError } = useFormErrors('tso-');
  const [nl, setNl] = useState(settings.tsoPage.nl);
  const [en, setEn] = useState(settings.tsoPage.en);
  const [saved, setSaved] = useState<string | null>(null);
  const [isResetting, setIsResetting] = useState(false);
  const labels = { 'tso-nl': t('Tekst in het Nederlands'), 'tso-en': t('Tekst in het Engels') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tooLong = t('Schrijf hoogstens 6000 tekens.');
    const empty = t('Deze tekst mag niet leeg zijn.');
    if (!check({ 'tso-nl': nl.trim() === '' ? empty : nl.length > 6000 && tooLong, 'tso-en': en.trim() === '' ? empty : en.length > 6000 && tooLong }, t('Niet alle velden zijn goed ingevuld.'))) return;
    try {
      await api.put(`${base}/tso-page`, { text: { nl, en } });
      setSaved(t('De tekst voor ouders is opgeslagen.'));
      onSaved();
    } catch (failure) {
      fromError(failure, {}, t('Kijk dit veld na.'));
    }
  };
  return (
    <section aria-labelledby="tso-kop">
      <h2 id="tso-kop">{t('Zo werken wij op school')}</h2>
      <p className="muted">
        {settings.tsoPage.isDefault
          ? t('Ouders lezen nu de standaardtekst van Groeiwijzer. Pas hem aan in de woorden van uw school.')
          : t('Ouders lezen de tekst van uw school (laatst gewijzigd op {{date}}).', { date: format.date((settings.tsoPage.updatedAt ?? '').slice(0, 10)) })}
      </p>
      <SuccessMessage message={saved} />
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={errors} labels={labels} />
        <TextAreaField id="tso-nl" label={labels['tso-nl']} hint={t('Een witregel begint een nieuwe alinea. Schrijf eenvoudig (taalniveau B1).')} value={nl} onChange={setNl} rows={10} error={errors.fields['tso-nl']} maxLength={6000} />
        <TextAreaField id="tso-en" label={labels['tso-en']} value={en} onChange={setEn} rows={8} error={errors.fields['tso-en']} maxLength={6000} />
        <FormActions>
          <button type="submit" className="button">
            {t('Tekst opslaan')}
          </button>
          {!settings.tsoPage.isDefault ? (
            <button type="button" className="button button-secondary" onClick={() => setIsResetting(true)}>
              {t('Terug naar de standaardtekst')}
            </button>
          ) : null}
        </FormActions>
      </form>
      <ConfirmDialog
        isOpen={isResetting}
        title={t('Terug naar de standaardtekst?')}
        message={t('De eigen tekst van de school verdwijnt; ouders lezen weer de standaardtekst van Groeiwijzer.')}
        confirmLabel={t('Terug naar de standaardtekst')}
        onCancel={() => setIsResetting(false)}
        onConfirm={async () => {
          setIsResetting(false);
          await api.put(`${base}/tso-page`, { text: null });
          onSaved();
        }}
      />
    </section>
  );
}

/** Offers a JSON text as a file download (a translation template). */
function download(name: string, content: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(content, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

function LanguagesSection({ base, settings, onChanged }: { base: string; settings: ParentSettings; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errors, check, fromError } = useFormErrors('taal-');
  const [code, setCode] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const codePattern = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

  const template = async (languageCode: string) => {
    setFailure(null);
    try {
      download(`ouderpagina-${languageCode}.json`, await api.get(`${base}/languages/${languageCode}/template`));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  const newTemplate = (event: FormEvent) => {
    event.preventDefault();
    const isValid = check(
      { 'taal-code': (!codePattern.test(code) || code === 'nl' || code === 'en') && t('Vul een taalcode in zoals ar, tr, uk, pl of ti (Nederlands en Engels zijn er al).') },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (isValid) void template(code);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    setFailure(null);
    setSaved(null);
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let content: { code?: unknown };
    try {
      content = JSON.parse(await file.text()) as { code?: unknown };
    } catch {
      setFailure(t('Dit bestand is geen geldig JSON-bestand. Begin met het sjabloon en pas alleen de teksten aan.'));
      return;
    }
    if (typeof content.code !== 'string' || !codePattern.test(content.code)) {
      setFailure(t('In het bestand staat geen geldige taalcode ("code"). Begin met het sjabloon.'));
      return;
    }
    try {
      await api.put(`${base}/languages/${content.code}`, content);
      setSaved(t('De vertaling is opgeslagen. Ouders kunnen deze taal nu kiezen.'));
      onChanged();
    } catch (error) {
      fromError(error, {}, t('Kijk dit veld na.'));
      setFailure(error instanceof Error ? `${error.message} ${Object.keys((error as { fields?: Record<string, string[]> }).fields ?? {}).join(', ')}` : String(error));
    }
  };

  return (
    <section aria-labelledby="talen-kop">
      <h2 id="talen-kop">{t('Talen voor ouders')}</h2>
      <p className="muted">
        {t('Nederlands en Engels zijn er altijd. Voeg een taal toe met een vertaalbestand: download het sjabloon, laat de teksten vertalen en upload het bestand. Wat niet vertaald is, lezen ouders in het Nederlands; de vragenlijsten blijven Nederlands. Rechts-naar-links-talen (zoals Arabisch) krijgen "direction": "rtl".')}
      </p>
      <SuccessMessage message={saved} />
      <ErrorMessage message={failure} />
      {settings.languages.length === 0 ? (
        <p className="notice">{t('De school heeft nog geen talen toegevoegd.')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('Toegevoegde talen')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Taal')}</th>
              <th scope="col">{t('Schrijfrichting')}</th>
              <th scope="col">{t('Vertaald')}</th>
              <th scope="col">{t('Bijgewerkt')}</th>
              <th scope="col">{t('Acties')}</th>
            </tr>
          </thead>
          <tbody>
            {settings.languages.map((language) => (
              <tr key={language.code}>
                <td lang={language.code}>
                  {language.name} <span className="muted">({language.code})</span>
                </td>
                <td>{language.direction === 'rtl' ? t('rechts naar links') : t('links naar rechts')}</td>
                <td>{t('{{translated}} van {{keys}} teksten', { translated: language.translated, keys: language.keys })}</td>
                <td>{format.date(language.updatedAt.slice(0, 10))}</td>
                <td className="actions">
                  <button type="button" className="button button-secondary" onClick={() => void template(language.code)}>
                    {t('Bestand downloaden')}
                  </button>
                  <button type="button" className="button button-danger-quiet" onClick={() => setRemoving(language.code)}>
                    {t('Verwijderen')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="card" onSubmit={newTemplate} noValidate>
        <h3>{t('Nieuwe taal')}</h3>
        <ErrorSummary errors={errors} labels={{ 'taal-code': t('Taalcode') }} />
        <TextField id="taal-code" label={t('Taalcode')} hint={t('Bijvoorbeeld ar (Arabisch), tr (Turks), uk (Oekraïens), pl (Pools) of ti (Tigrinya).')} value={code} onChange={(value) => setCode(value.trim().toLowerCase())} error={errors.fields['taal-code']} maxLength={12} />
        <FormActions>
          <button type="submit" className="button button-secondary">
            {t('Sjabloon downloaden')}
          </button>
        </FormActions>
      </form>
      <div className="field">
        <label htmlFor="taal-bestand">{t('Vertaalbestand uploaden (.json)')}</label>
        <input id="taal-bestand" type="file" accept="application/json,.json" onChange={(event) => void upload(event)} />
      </div>
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('Taal verwijderen?')}
        message={t('Ouders die deze taal gekozen hadden, lezen hun pagina weer in het Nederlands.')}
        confirmLabel={t('Verwijderen')}
        isDangerous
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const languageCode = removing;
          setRemoving(null);
          if (!languageCode) return;
          await api.delete(`${base}/languages/${languageCode}`);
          onChanged();
        }}
      />
    </section>
  );
}
