import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DEFAULT_MAX_CHOICES, DEFAULT_SOCIOGRAM_QUESTION_KEYS, MAX_CHOICES_LIMIT, MAX_SOCIOGRAM_QUESTIONS } from '../../../shared/sociogram-questions';
import { api, apiPath } from '../../api/api-client';
import type { SociogramDetail, SociogramSettings, StartSociogramBody } from '../../api/sociogram-types';
import { useApiData } from '../../api/use-api-data';
import { useFormErrors } from '../../components/form-errors';
import { ErrorSummary } from '../../components/form-fields';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { useSchool } from '../school/school-layout';
import { classGroupPath } from './group-paths';
import { questionText } from './sociogram-labels';
import { sociogramPath, sociogramSettingsPath } from './sociogram-paths';

type Choice = { isAsked: boolean; maxChoices: string };
const NO_MAXIMUM = 'none';

/**
 * Starting a sociogram for a class: first the guidance (when not to, who sees the answers, repeat it later), then the
 * questions from the school's bank with a maximum number of choices each. "Rather not" questions appear only when the
 * school switched them on, and with a warning.
 */
export function SociogramStartPage() {
  const { t, i18n } = useTranslation();
  const { school } = useSchool();
  const { session } = useSession();
  const { classId = '' } = useParams();
  const navigate = useNavigate();
  const settings = useApiData<SociogramSettings>(apiPath('/api/schools/:schoolId/sociogram-questions', { schoolId: school.id }));
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const errors = useFormErrors();
  const [isSaving, setIsSaving] = useState(false);
  const roles = session.schools.find((entry) => entry.id === school.id)?.roles ?? [];
  const maySetUp = roles.includes('care_team') || roles.includes('leadership');

  if (!settings.data) {
    return (
      <Page title={t('Nieuw sociogram')}>
        <LoadState error={settings.error} isLoading={settings.isLoading} />
      </Page>
    );
  }
  const questions = settings.data.questions.filter((question) => question.valence === 'positive' || settings.data?.negativeQuestionsAllowed);
  const choiceOf = (key: string): Choice =>
    choices[key] ?? { isAsked: (DEFAULT_SOCIOGRAM_QUESTION_KEYS as readonly string[]).includes(key), maxChoices: String(DEFAULT_MAX_CHOICES) };
  const change = (key: string, next: Partial<Choice>) => setChoices((current) => ({ ...current, [key]: { ...choiceOf(key), ...next } }));
  const asked = questions.filter((question) => choiceOf(question.key).isAsked);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isValid = errors.check(
      {
        'vragen-keuze':
          asked.length === 0
            ? t('Kies minstens één vraag.')
            : asked.length > MAX_SOCIOGRAM_QUESTIONS
              ? t('Kies hoogstens {{max}} vragen.', { max: MAX_SOCIOGRAM_QUESTIONS })
              : !asked.some((question) => question.valence === 'positive')
                ? t('Kies minstens één vraag naar wie een leerling wél kiest.')
                : null,
      },
      t('Het sociogram is nog niet gestart.'),
    );
    if (!isValid) return;
    const body: StartSociogramBody = {
      questions: asked.map((question) => {
        const max = choiceOf(question.key).maxChoices;
        return { key: question.key, maxChoices: max === NO_MAXIMUM ? null : Number(max) };
      }),
    };
    setIsSaving(true);
    try {
      const started = await api.post<SociogramDetail>(apiPath('/api/schools/:schoolId/classes/:classId/sociograms', { schoolId: school.id, classId }), body);
      void navigate(sociogramPath(school.id, started.id));
    } catch (error) {
      errors.fromError(error);
      setIsSaving(false);
    }
  };

  return (
    <Page title={t('Nieuw sociogram')}>
      <p>
        <Link to={classGroupPath(school.id, classId)}>{t('Terug naar de groep')}</Link>
      </p>
      <section aria-labelledby="sociogram-vooraf-kop" className="card">
        <h2 id="sociogram-vooraf-kop">{t('Voordat je begint')}</h2>
        <ul>
          <li>{t('Doe geen sociogram als er net iets ingrijpends is gebeurd in de klas of als de groep onrustig is. Wacht tot het weer rustig is.')}</li>
          <li>{t('Vertel de klas dat de antwoorden geheim blijven: alleen de leerkrachten van de klas en het zorgteam zien ze. Leerlingen en ouders zien nooit wie wie kiest.')}</li>
          <li>{t('Laat leerlingen alleen en rustig kiezen, op hun eigen apparaat of één voor één op het klasapparaat. Jonge leerlingen kun je op papier laten kiezen; jij voert het daarna in.')}</li>
          <li>{t('Gebruik de uitkomst om met de groep aan de slag te gaan, niet om een kind een etiket te geven. Doe het na een paar weken nog eens om te zien of het geholpen heeft.')}</li>
        </ul>
      </section>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={errors.errors} labels={{ 'vragen-keuze': t('Vragen') }} />
        <fieldset className="field" id="vragen-keuze">
          <legend>{t('Vragen')}</legend>
          <p className="hint">{t('Kies één tot {{max}} vragen. Bij elke vraag mag een leerling ook niemand kiezen, en nooit zichzelf.', { max: MAX_SOCIOGRAM_QUESTIONS })}</p>
          {errors.errors.fields['vragen-keuze'] ? (
            <p className="field-error" role="alert">
              {errors.errors.fields['vragen-keuze']}
            </p>
          ) : null}
          <ul className="card-list">
            {questions.map((question, index) => {
              const choice = choiceOf(question.key);
              const id = `vraag-${index}`;
              return (
                <li key={question.key} className={question.valence === 'negative' ? 'card notice-warning' : 'card card-quiet'}>
                  <div className="checkbox">
                    <input id={id} type="checkbox" checked={choice.isAsked} onChange={(event) => change(question.key, { isAsked: event.target.checked })} />
                    <label htmlFor={id}>
                      {questionText(question, i18n.language)}
                      {question.valence === 'negative' ? ` (${t('liever niet')})` : null}
                      {question.own ? ` · ${t('eigen vraag van de school')}` : null}
                    </label>
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-max`}>{t('Hoeveel klasgenoten mag een leerling kiezen?')}</label>
                    <select id={`${id}-max`} value={choice.maxChoices} onChange={(event) => change(question.key, { maxChoices: event.target.value })} disabled={!choice.isAsked}>
                      {Array.from({ length: MAX_CHOICES_LIMIT }, (_, value) => value + 1).map((value) => (
                        <option key={value} value={String(value)}>
                          {t('hoogstens {{number}}', { number: value })}
                        </option>
                      ))}
                      <option value={NO_MAXIMUM}>{t('zoveel als de leerling wil')}</option>
                    </select>
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {settings.data.negativeQuestionsAllowed ? (
          <p className="notice notice-warning">
            {t('Je school heeft "liever niet"-vragen aangezet. Gebruik ze alleen als je ze echt nodig hebt: zo\'n vraag kan pijn doen als een kind merkt dat het genoemd is. De uitkomst is alleen voor jou en het zorgteam.')}
          </p>
        ) : (
          <p className="muted">
            {t('"Liever niet"-vragen staan uit. Ze kunnen pijn doen als een kind merkt dat het genoemd is; daarom zet alleen de schoolleiding of het zorgteam ze aan.')}{' '}
            {maySetUp ? <Link to={sociogramSettingsPath(school.id)}>{t('Instellingen voor sociogrammen')}</Link> : null}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={isSaving}>
            {t('Sociogram starten')}
          </button>
          <Link className="button button-secondary" to={classGroupPath(school.id, classId)}>
            {t('Annuleren')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
