import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRIVACY_STATEMENT_MAX_LENGTH } from '../../../shared/privacy-statement';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { PrivacyStatement } from '../../api/privacy-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { helpPath } from '../help/help-content';
import { useSchool } from '../school/school-layout';
import { defaultPrivacyStatement, paragraphsOf, privacyStatementAsText } from './privacy-statement-default';

const TEXT_ID = 'privacy-tekst';

/** The school's privacy statement for everyone in the school; its school admin adapts it or puts the default back. */
export function PrivacyStatementPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const path = apiPath('/api/schools/:schoolId/privacy-statement', { schoolId: school.id });
  const statement = useApiData<PrivacyStatement>(path);
  const [draft, setDraft] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isConfirmingReset, setIsConfirmingReset] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, check, fromError, clear } = useFormErrors();
  const canManage = can('school.privacy.manage');
  const defaultSections = defaultPrivacyStatement(t);
  const stored = statement.data;
  const textLabel = t('Tekst van de privacyverklaring');
  const textMessage = t('Vul een tekst in van hoogstens {{max}} tekens.', { max: PRIVACY_STATEMENT_MAX_LENGTH });

  const startEditing = () => {
    setSaved(null);
    clear();
    setDraft(stored?.text ?? privacyStatementAsText(defaultSections));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    const isValid = draft.trim() !== '' && draft.length <= PRIVACY_STATEMENT_MAX_LENGTH;
    if (!check({ [TEXT_ID]: !isValid && textMessage }, t('De tekst is nog niet goed.'))) return;
    setIsBusy(true);
    try {
      statement.setData(await api.put<PrivacyStatement>(path, { text: draft }));
      setDraft(null);
      clear();
      setSaved(t('De privacyverklaring van de school is opgeslagen.'));
    } catch (failure) {
      fromError(failure, { text: textMessage });
    } finally {
      setIsBusy(false);
    }
  };

  const reset = async () => {
    setResetError(null);
    try {
      await api.delete(path);
      setIsConfirmingReset(false);
      setDraft(null);
      statement.setData({ text: null, updatedAt: null, updatedByName: null });
      setSaved(t('De standaardtekst staat weer op deze pagina.'));
    } catch (failure) {
      setResetError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page
      title={t('Privacyverklaring')}
      intro={<p>{t('Wat Groeiwijzer voor {{school}} bewaart, en wie wat ziet.', { school: school.name })}</p>}
    >
      <SuccessMessage message={saved} />
      <LoadState error={statement.error} isLoading={statement.isLoading && !stored} />
      {stored && draft === null ? (
        <>
          <p className="hint">
            {stored.text === null
              ? t('Dit is de standaardtekst van Groeiwijzer.')
              : stored.updatedByName
                ? t('Aangepast door {{name}} op {{date}}.', { name: stored.updatedByName, date: format.date(stored.updatedAt) })
                : t('Aangepast door de school op {{date}}.', { date: format.date(stored.updatedAt) })}
          </p>
          <article className="card privacy-statement" aria-label={t('Privacyverklaring')}>
            {stored.text === null
              ? defaultSections.map((section) => (
                  <section key={section.heading}>
                    <h2>{section.heading}</h2>
                    {section.paragraphs.map((paragraph) => (
                      <p key={paragraph}>{paragraph}</p>
                    ))}
                  </section>
                ))
              : // The school's own text is plain text: React puts it in as text, never as HTML.
                paragraphsOf(stored.text).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
          </article>
          {canManage ? (
            <div className="form-actions">
              <button type="button" className="button" onClick={startEditing}>
                {t('Tekst aanpassen')}
              </button>
              {stored.text !== null ? (
                <button type="button" className="button button-secondary" onClick={() => setIsConfirmingReset(true)}>
                  {t('Terug naar de standaardtekst')}
                </button>
              ) : null}
            </div>
          ) : null}
          <p>
            <Link to={helpPath('privacy-en-veiligheid')}>{t('Meer over privacy en veiligheid in Groeiwijzer')}</Link>
          </p>
        </>
      ) : null}
      {canManage && draft !== null ? (
        <section aria-labelledby="privacy-aanpassen-kop" className="card">
          <h2 id="privacy-aanpassen-kop">{t('Privacyverklaring aanpassen')}</h2>
          <ErrorSummary errors={errors} labels={{ [TEXT_ID]: textLabel }} />
          <form onSubmit={(event) => void save(event)} noValidate>
            <div className={errors.fields[TEXT_ID] ? 'field field-invalid' : 'field'}>
              <label htmlFor={TEXT_ID}>{textLabel}</label>
              <p className="hint" id={`${TEXT_ID}-hint`}>
                {t('Gewone tekst, zonder opmaak. Een lege regel begint een nieuwe alinea. Vul bijvoorbeeld aan wie je contactpersoon voor privacy is.')}
              </p>
              {errors.fields[TEXT_ID] ? (
                <p className="field-error" id={`${TEXT_ID}-error`}>
                  {errors.fields[TEXT_ID]}
                </p>
              ) : null}
              <textarea
                id={TEXT_ID}
                rows={18}
                value={draft}
                maxLength={PRIVACY_STATEMENT_MAX_LENGTH}
                onChange={(event) => setDraft(event.target.value)}
                aria-describedby={errors.fields[TEXT_ID] ? `${TEXT_ID}-hint ${TEXT_ID}-error` : `${TEXT_ID}-hint`}
                aria-invalid={errors.fields[TEXT_ID] ? true : undefined}
                required
              />
            </div>
            <FormActions>
              <button type="submit" className="button" disabled={isBusy}>
                {t('Privacyverklaring opslaan')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setDraft(null)}>
                {t('Annuleren')}
              </button>
            </FormActions>
          </form>
        </section>
      ) : null}
      <ConfirmDialog
        isOpen={isConfirmingReset}
        title={t('Terug naar de standaardtekst?')}
        message={<p>{t('De eigen tekst van de school wordt verwijderd en iedereen ziet weer de standaardtekst van Groeiwijzer. Bewaar de eigen tekst eerst ergens anders als je hem later nog wilt gebruiken.')}</p>}
        confirmLabel={t('Standaardtekst terugzetten')}
        onConfirm={reset}
        onCancel={() => setIsConfirmingReset(false)}
        isDangerous
        error={resetError}
      />
    </Page>
  );
}
