import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { SociogramSettings } from '../../api/sociogram-types';
import { useApiData } from '../../api/use-api-data';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary, SelectField, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSchool } from '../school/school-layout';
import { questionText } from './sociogram-labels';

/**
 * The school's sociogram settings, for its leadership and care team: whether "rather not" questions may be asked
 * (off by default, with why and how carefully), and the school's own questions beside the project's bank.
 */
export function SociogramSettingsPage() {
  const { t, i18n } = useTranslation();
  const { school } = useSchool();
  const base = apiPath('/api/schools/:schoolId/sociogram-settings', { schoolId: school.id });
  const settings = useApiData<SociogramSettings>(base);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [valence, setValence] = useState<'positive' | 'negative'>('positive');
  const errors = useFormErrors('vraag-');

  if (!settings.data) {
    return (
      <Page title={t('Instellingen voor sociogrammen')}>
        <LoadState error={settings.error} isLoading={settings.isLoading} />
      </Page>
    );
  }
  const data = settings.data;
  const change = async (allowed: boolean) => {
    setFailure(null);
    try {
      settings.setData(await api.put<SociogramSettings>(base, { negativeQuestionsAllowed: allowed }));
      setMessage(allowed ? t('"Liever niet"-vragen staan nu aan.') : t('"Liever niet"-vragen staan nu uit.'));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!errors.check({ 'vraag-tekst': text.trim().length < 3 ? t('Schrijf de vraag (minstens drie tekens).') : null }, t('De vraag is nog niet toegevoegd.'))) return;
    try {
      settings.setData(await api.post<SociogramSettings>(apiPath('/api/schools/:schoolId/sociogram-questions', { schoolId: school.id }), { text: text.trim(), valence }));
      setMessage(t('De vraag is toegevoegd.'));
      setText('');
    } catch (error) {
      errors.fromError(error, { 'body.text': t('Schrijf de vraag op één regel, hoogstens 200 tekens.') });
    }
  };
  const archive = async (key: string) => {
    try {
      settings.setData(await api.delete<SociogramSettings>(apiPath('/api/schools/:schoolId/sociogram-questions/:questionId', { schoolId: school.id, questionId: key })));
      setMessage(t('De vraag is weggehaald. Sociogrammen die haar al stelden houden haar.'));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Page title={t('Instellingen voor sociogrammen')}>
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />
      <section aria-labelledby="liever-niet-kop">
        <h2 id="liever-niet-kop">{t('"Liever niet"-vragen')}</h2>
        <p>
          {t('Met een "liever niet"-vraag (met wie speel je liever niet?) zie je wie buiten de groep dreigt te vallen. Zo\'n vraag kan ook pijn doen: kinderen praten erover, en een kind dat merkt dat het genoemd is voelt zich afgewezen. Zet ze alleen aan als leerkrachten weten hoe ze er zorgvuldig mee omgaan; de uitkomst zien alleen de leerkrachten van de klas en het zorgteam.')}
        </p>
        <p>
          <strong>{data.negativeQuestionsAllowed ? t('Staan aan.') : t('Staan uit.')}</strong>{' '}
          <button type="button" className="button button-secondary" onClick={() => void change(!data.negativeQuestionsAllowed)}>
            {data.negativeQuestionsAllowed ? t('"Liever niet"-vragen uitzetten') : t('"Liever niet"-vragen aanzetten')}
          </button>
        </p>
      </section>
      <section aria-labelledby="vragen-kop">
        <h2 id="vragen-kop">{t('Vragen')}</h2>
        <ul>
          {data.questions.map((question) => (
            <li key={question.key}>
              {questionText(question, i18n.language)} <span className="muted">({question.valence === 'negative' ? t('liever niet') : t('kiezen')})</span>
              {question.own ? (
                <>
                  {' '}
                  <button type="button" className="button-link" onClick={() => void archive(question.key)}>
                    {t('Weghalen')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <form onSubmit={(event) => void add(event)} noValidate>
          <h3>{t('Eigen vraag toevoegen')}</h3>
          <ErrorSummary errors={errors.errors} labels={{ 'vraag-tekst': t('Vraag') }} />
          <TextField id="vraag-tekst" label={t('Vraag')} value={text} onChange={setText} maxLength={200} error={errors.errors.fields['vraag-tekst']} hint={t('Bijvoorbeeld: Met wie lees je graag samen?')} />
          <SelectField
            id="vraag-soort"
            label={t('Soort vraag')}
            value={valence}
            onChange={(value) => setValence(value === 'negative' ? 'negative' : 'positive')}
            options={[
              { value: 'positive', label: t('Kiezen (met wie wel)') },
              { value: 'negative', label: t('Liever niet') },
            ]}
          />
          <div className="form-actions">
            <button type="submit" className="button">
              {t('Vraag toevoegen')}
            </button>
          </div>
        </form>
      </section>
    </Page>
  );
}
